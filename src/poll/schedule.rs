//! The poll schedule: which requests are due at a given moment, one in flight per job, with the
//! [`PollPolicy`] for intervals and [`retry_delay`] after errors. Pure state, driven by a
//! ticking clock in the browser and by a simulated clock in host tests.

use super::policy::{PollPolicy, retry_delay};
use crate::domain::ApiError;
use crate::domain::CardStatus;
use chrono::{DateTime, TimeDelta, Utc};
use std::collections::HashMap;
use std::time::Duration;

/// When one request may go next: at most one in flight, when it is next due, and how many
/// retries have gone since the last answer. The history keeps one for its list and one per
/// pending job; the detail view keeps one for its job.
#[derive(Clone, Debug, Default)]
pub struct PollSlot {
    next_at: Option<DateTime<Utc>>,
    in_flight: bool,
    attempt: u32,
}

impl PollSlot {
    /// A slot whose first request is due at `now`.
    pub fn due_at(now: DateTime<Utc>) -> Self {
        Self {
            next_at: Some(now),
            ..Self::default()
        }
    }

    fn due(&self, now: DateTime<Utc>) -> bool {
        !self.in_flight && self.next_at.is_some_and(|at| at <= now)
    }

    /// Whether the request is due; if so it is marked in flight.
    pub fn take(&mut self, now: DateTime<Utc>) -> bool {
        let due = self.due(now);
        self.in_flight |= due;
        due
    }

    /// Makes the request due at once, retries counted afresh (a manual refresh or retry);
    /// `false` if one is already in flight.
    pub fn ask_now(&mut self, now: DateTime<Utc>) -> bool {
        self.attempt = 0;
        self.next_at = Some(now);
        !self.in_flight
    }

    fn finish(&mut self, now: DateTime<Utc>, wait: Option<Duration>) {
        self.in_flight = false;
        self.next_at = wait
            .and_then(|w| TimeDelta::from_std(w).ok())
            .map(|w| now + w);
    }

    fn fail(&mut self, now: DateTime<Utc>, error: &ApiError, jitter: f64) {
        let wait = retry_delay(error, self.attempt, jitter);
        self.attempt += 1;
        self.finish(now, wait);
    }

    /// Records a job's answer: its new status and age (the next poll follows `policy`), or the
    /// error (the retry backoff; a job that is gone, 404, is never asked for again).
    pub fn job_answered(
        &mut self,
        now: DateTime<Utc>,
        outcome: Result<(CardStatus, TimeDelta), &ApiError>,
        policy: &PollPolicy,
        jitter: f64,
    ) {
        let wait = outcome.map(|(status, age)| policy.next_job_poll(status, age, false));
        self.answered(now, wait, jitter);
    }

    /// Records an answer whose next poll is `wait` (`None`: never), or the error (the retry
    /// backoff; a job that is gone, 404, is never asked for again).
    pub fn answered(
        &mut self,
        now: DateTime<Utc>,
        outcome: Result<Option<Duration>, &ApiError>,
        jitter: f64,
    ) {
        match outcome {
            Ok(wait) => {
                self.attempt = 0;
                self.finish(now, wait);
            }
            Err(ApiError::NotFound(_)) => self.finish(now, None),
            Err(error) => self.fail(now, error, jitter),
        }
    }

    /// Puts the next request off to `wait` from `now` (`None`: never), unless one is in flight:
    /// the same data just came another way.
    pub fn put_off(&mut self, now: DateTime<Utc>, wait: Option<Duration>) {
        if !self.in_flight {
            self.attempt = 0;
            self.finish(now, wait);
        }
    }
}

/// A job as the schedule sees it.
pub struct Tracked<'a> {
    /// The job id.
    pub id: &'a str,
    /// Its card status now.
    pub status: CardStatus,
    /// How long ago it was created (zero when unknown).
    pub age: TimeDelta,
}

/// What is due, and when the next request of each kind may go.
#[derive(Clone, Debug)]
pub struct PollSchedule {
    policy: PollPolicy,
    list: PollSlot,
    jobs: HashMap<String, PollSlot>,
}

impl PollSchedule {
    /// A schedule whose first list load is due at once.
    pub fn new(policy: PollPolicy, now: DateTime<Utc>) -> Self {
        Self {
            policy,
            list: PollSlot::due_at(now),
            jobs: HashMap::new(),
        }
    }

    /// Makes the list due at once (a manual refresh); `false` if one is already in flight.
    pub fn refresh_now(&mut self, now: DateTime<Utc>) -> bool {
        self.list.ask_now(now)
    }

    /// Whether the list is due; if so it is marked in flight.
    pub fn take_list(&mut self, now: DateTime<Utc>) -> bool {
        self.list.take(now)
    }

    /// Records a list answer: the next refresh follows the policy, or the retry backoff.
    pub fn list_done(&mut self, now: DateTime<Utc>, outcome: Result<bool, &ApiError>, jitter: f64) {
        match outcome {
            Ok(any_pending) => {
                self.list.attempt = 0;
                self.list
                    .finish(now, self.policy.next_list_refresh(any_pending, false));
            }
            Err(error) => self.list.fail(now, error, jitter),
        }
    }

    /// The pending jobs whose poll is due; each is marked in flight. A job seen for the first
    /// time is scheduled one interval ahead (its data is fresh), not polled at once.
    pub fn take_jobs<'a>(
        &mut self,
        now: DateTime<Utc>,
        jobs: impl IntoIterator<Item = Tracked<'a>>,
    ) -> Vec<String> {
        let mut due = Vec::new();
        for job in jobs {
            let wait = self.policy.next_job_poll(job.status, job.age, false);
            let slot = self.jobs.entry(job.id.to_owned()).or_insert_with(|| {
                let next_at = wait
                    .and_then(|w| TimeDelta::from_std(w).ok())
                    .map(|w| now + w);
                PollSlot {
                    next_at,
                    ..PollSlot::default()
                }
            });
            if wait.is_none() && !slot.in_flight {
                slot.next_at = None;
            }
            if slot.take(now) {
                due.push(job.id.to_owned());
            }
        }
        due
    }

    /// Records a job answer: its new status and age, or the error. A job that is gone (404) is
    /// never polled again.
    pub fn job_done(
        &mut self,
        id: &str,
        now: DateTime<Utc>,
        outcome: Result<(CardStatus, TimeDelta), &ApiError>,
        jitter: f64,
    ) {
        let policy = self.policy;
        self.jobs
            .entry(id.to_owned())
            .or_default()
            .job_answered(now, outcome, &policy, jitter);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the tests read of a schedule.
    impl PollSchedule {
        /// How many requests are in flight.
        fn in_flight(&self) -> usize {
            usize::from(self.list.in_flight) + self.jobs.values().filter(|s| s.in_flight).count()
        }

        /// How many jobs still have a poll scheduled.
        fn scheduled_jobs(&self) -> usize {
            self.jobs
                .values()
                .filter(|s| s.next_at.is_some() || s.in_flight)
                .count()
        }
    }

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_750_000_000 + seconds, 0).unwrap()
    }

    fn pending(id: &str, age_s: i64) -> Tracked<'_> {
        Tracked {
            id,
            status: CardStatus::Pending,
            age: TimeDelta::seconds(age_s),
        }
    }

    #[test]
    fn list_loads_at_once_then_follows_the_policy() {
        let mut s = PollSchedule::new(PollPolicy::default(), at(0));
        assert!(s.take_list(at(0)));
        assert!(!s.take_list(at(0)), "one list request in flight");
        s.list_done(at(1), Ok(true), 0.5);
        assert!(!s.take_list(at(30)));
        assert!(s.take_list(at(31)));
        s.list_done(at(32), Ok(false), 0.5);
        assert!(!s.take_list(at(91)));
        assert!(s.take_list(at(92)));
    }

    #[test]
    fn pending_jobs_poll_every_two_seconds_one_at_a_time_and_stop_when_settled() {
        let mut s = PollSchedule::new(PollPolicy::default(), at(0));
        assert!(
            s.take_jobs(at(0), [pending("a", 0)]).is_empty(),
            "fresh data: not at once"
        );
        assert_eq!(s.take_jobs(at(2), [pending("a", 2)]), ["a"]);
        assert!(
            s.take_jobs(at(9), [pending("a", 9)]).is_empty(),
            "still in flight"
        );
        s.job_done(
            "a",
            at(10),
            Ok((CardStatus::Pending, TimeDelta::seconds(10))),
            0.5,
        );
        assert_eq!(s.take_jobs(at(12), [pending("a", 12)]), ["a"]);
        s.job_done(
            "a",
            at(13),
            Ok((CardStatus::Success, TimeDelta::seconds(13))),
            0.5,
        );
        let settled = Tracked {
            id: "a",
            status: CardStatus::Success,
            age: TimeDelta::seconds(99),
        };
        assert!(s.take_jobs(at(99), [settled]).is_empty());
        assert_eq!(s.scheduled_jobs(), 0);
        assert_eq!(s.in_flight(), 0);
    }

    #[test]
    fn errors_back_off_and_missing_jobs_are_dropped() {
        let mut s = PollSchedule::new(PollPolicy::default(), at(0));
        s.take_jobs(at(0), [pending("a", 0), pending("b", 0)]);
        assert_eq!(
            s.take_jobs(at(2), [pending("a", 2), pending("b", 2)]),
            ["a", "b"]
        );
        s.job_done("a", at(2), Err(&ApiError::NotFound(None)), 0.5);
        s.job_done(
            "b",
            at(2),
            Err(&ApiError::Unavailable {
                retry_after: None,
                error: None,
            }),
            0.5,
        );
        assert!(
            s.take_jobs(at(290), [pending("a", 290), pending("b", 290)])
                .is_empty()
        );
        assert_eq!(
            s.take_jobs(at(302), [pending("a", 302), pending("b", 302)]),
            ["b"]
        );
    }

    #[test]
    fn a_manual_refresh_makes_the_list_due() {
        let mut s = PollSchedule::new(PollPolicy::default(), at(0));
        assert!(s.take_list(at(0)));
        assert!(!s.refresh_now(at(1)), "already in flight");
        s.list_done(
            at(1),
            Err(&ApiError::Server {
                status: 500,
                error: None,
            }),
            0.5,
        );
        assert!(s.refresh_now(at(1)));
        assert!(s.take_list(at(1)));
    }
}
