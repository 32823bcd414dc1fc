//! Refreshes started through the API: each becomes a job that runs like the demo's live ones
//! ([`refresh_job`]), every third one failing at its last step. Shared by the mock Basiq server
//! and the app's offline demo, so both answer `POST …/refresh` alike.

use crate::{DEMO_USERS, job_id, refresh_job};
use chrono::{DateTime, TimeDelta, Utc};
use serde_json::Value;

/// How long a refresh counts as running: asked again meanwhile, the same job is returned
/// (Basiq's 200 "already running").
pub const RUNNING_FOR: TimeDelta = TimeDelta::seconds(20);

/// One refresh.
struct Refresh {
    seq: u64,
    user: &'static str,
    connection: String,
    started: DateTime<Utc>,
    fails: bool,
}

/// Every refresh started so far.
#[derive(Default)]
pub struct Refreshes {
    started: Vec<Refresh>,
}

/// A refresh's answer: the job's id and whether it is new (202) or was already running (200).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Started {
    pub job_id: String,
    pub new: bool,
}

impl Refreshes {
    /// Starts a refresh of `connection` for `user` at `now`, or returns the one still running;
    /// `None` for a user the demo does not know.
    pub fn start(&mut self, user: &str, connection: &str, now: DateTime<Utc>) -> Option<Started> {
        let user = *DEMO_USERS.iter().find(|known| **known == user)?;
        let running = self.started.iter().find(|r| {
            r.user == user && r.connection == connection && now - r.started < RUNNING_FOR
        });
        if let Some(running) = running {
            return Some(Started {
                job_id: job_id(running.seq),
                new: false,
            });
        }
        let seq = 500_000 + self.started.len() as u64;
        self.started.push(Refresh {
            seq,
            user,
            connection: connection.to_owned(),
            started: now,
            fails: self.started.len() % 3 == 2,
        });
        Some(Started {
            job_id: job_id(seq),
            new: true,
        })
    }

    /// The refreshes' jobs as they are at `now`.
    pub fn jobs(&self, now: DateTime<Utc>) -> Vec<Value> {
        self.started
            .iter()
            .map(|r| refresh_job(r.seq, r.user, &r.connection, r.fails, r.started, now))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DEMO_USER_ID, SECOND_USER_ID};

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_764_000_000 + seconds, 0).unwrap()
    }

    #[test]
    fn a_refresh_runs_once_at_a_time_per_connection() {
        let mut refreshes = Refreshes::default();
        let first = refreshes.start(DEMO_USER_ID, "c1", at(0)).unwrap();
        assert!(first.new);
        let again = refreshes.start(DEMO_USER_ID, "c1", at(5)).unwrap();
        assert_eq!(
            again,
            Started {
                job_id: first.job_id.clone(),
                new: false
            }
        );
        let other = refreshes.start(SECOND_USER_ID, "c1", at(5)).unwrap();
        assert!(other.new && other.job_id != first.job_id);
        let later = refreshes.start(DEMO_USER_ID, "c1", at(21)).unwrap();
        assert!(later.new && later.job_id != first.job_id);
        assert_eq!(refreshes.start("nobody", "c1", at(0)), None);
        let jobs = refreshes.jobs(at(30));
        assert_eq!(jobs.len(), 3);
        assert_eq!(jobs[0]["id"], first.job_id.as_str());
    }
}
