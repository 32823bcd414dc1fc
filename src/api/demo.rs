//! The demo source: deterministic, Basiq-shaped jobs for a few users and connections over the last
//! seven days, plus jobs that progress step by step while you watch. Pure: the caller passes the
//! moment the demo started and "now", and gets the JSON Basiq would return at that moment.

use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Value, json};
use uuid::Builder;

const API: &str = "https://au-api.basiq.io";
const CONNECTION_STEPS: [&str; 3] = [
    "verify-credentials",
    "retrieve-accounts",
    "retrieve-transactions",
];

/// The demo user whose jobs are listed.
pub const DEMO_USER_ID: &str = "a2cb616d-2a1c-4c08-b448-cedb22e707f6";

/// How a scripted step ends.
#[derive(Clone, Copy)]
enum Ending {
    Success,
    /// The step at this index fails with this code, title and detail; later steps stay pending.
    Fails(usize, &'static str, &'static str, &'static str),
    /// The step at this index stays in progress, asking for a one-time code.
    WaitsForMfa(usize),
}

/// One scripted job: when it starts relative to the demo start, and how long each step takes.
struct Script {
    seq: u64,
    connection: u64,
    start_offset_s: i64,
    steps: &'static [(&'static str, i64)],
    ending: Ending,
    report: bool,
}

/// SplitMix64: spreads a small number over 64 random-looking bits.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A version-4-looking UUID that is the same for the same number on every run.
fn id(seq: u64) -> String {
    let (high, low) = (mix(seq), mix(seq ^ 0x5BA5_1C00));
    let bytes = ((u128::from(high) << 64) | u128::from(low)).to_be_bytes();
    Builder::from_random_bytes(bytes).into_uuid().to_string()
}

fn at(moment: DateTime<Utc>) -> String {
    moment.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl Script {
    fn to_json(&self, started: DateTime<Utc>, now: DateTime<Utc>) -> Option<Value> {
        let created = started + TimeDelta::seconds(self.start_offset_s);
        if created > now {
            return None;
        }
        let connection = id(self.connection);
        let source = format!("{API}/users/{DEMO_USER_ID}/connections/{connection}");
        let job_id = id(self.seq);
        let mut clock = created;
        let mut updated = created;
        let mut blocked = false;
        let mut steps = Vec::new();
        for (index, (title, secs)) in self.steps.iter().enumerate() {
            let ends = clock + TimeDelta::seconds(*secs);
            let waits = matches!(self.ending, Ending::WaitsForMfa(at) if at == index);
            let (status, result) = if blocked || now < clock {
                ("pending", Value::Null)
            } else if now < ends || waits {
                blocked = true;
                updated = clock;
                (
                    "in-progress",
                    if waits {
                        mfa_result(&job_id)
                    } else {
                        Value::Null
                    },
                )
            } else {
                updated = ends;
                match self.ending {
                    Ending::Fails(at, code, title, detail) if at == index => {
                        blocked = true;
                        (
                            "failed",
                            json!({"code": code, "title": title, "detail": detail}),
                        )
                    }
                    _ => ("success", link_result(title, &connection, &job_id)),
                }
            };
            steps.push(json!({"title": title, "status": status, "result": result}));
            clock = ends;
        }
        let mut job = json!({
            "type": "job",
            "id": job_id,
            "created": at(created),
            "updated": at(updated),
            "institution": {"type": "institution", "id": "AU00000",
                "links": {"self": format!("{API}/institutions/AU00000")}},
            "steps": steps,
            "links": {"self": format!("{API}/jobs/{job_id}"), "source": source},
        });
        if self.report {
            let done = !blocked && now >= clock;
            job["jobType"] = json!("report");
            job["status"] = json!(if done { "success" } else { "in-progress" });
            job["links"].as_object_mut()?.remove("source");
        } else {
            job["jobType"] = json!("connection");
        }
        Some(job)
    }
}

fn link_result(title: &str, connection: &str, job_id: &str) -> Value {
    let url = match title {
        "verify-credentials" => format!("/users/{DEMO_USER_ID}/connections/{connection}"),
        "create-report" => format!("/reports/{job_id}"),
        "retrieve-statements" => format!("/users/{DEMO_USER_ID}/statements"),
        "retrieve-accounts" => {
            format!("/users/{DEMO_USER_ID}/accounts?filter=institution.id.eq('AU00000')")
        }
        _ => format!("/users/{DEMO_USER_ID}/transactions?filter=institution.id.eq('AU00000')"),
    };
    json!({"type": "link", "url": url})
}

fn mfa_result(job_id: &str) -> Value {
    json!({"type": "mfa", "method": "token", "description": "Enter the code sent to your phone",
        "input": ["One-time code"], "expiryMs": 120_000,
        "links": {"response": format!("{API}/jobs/{job_id}/mfa")}})
}

const FAST: &[(&str, i64)] = &[
    (CONNECTION_STEPS[0], 4),
    (CONNECTION_STEPS[1], 6),
    (CONNECTION_STEPS[2], 9),
];
const SLOW: &[(&str, i64)] = &[
    (CONNECTION_STEPS[0], 12),
    (CONNECTION_STEPS[1], 16),
    (CONNECTION_STEPS[2], 25),
];
const LIVE: &[(&str, i64)] = &[
    (CONNECTION_STEPS[0], 5),
    (CONNECTION_STEPS[1], 7),
    (CONNECTION_STEPS[2], 8),
];
const MFA: &[(&str, i64)] = &[
    (CONNECTION_STEPS[0], 6),
    ("mfa-challenge", 30),
    (CONNECTION_STEPS[1], 6),
    (CONNECTION_STEPS[2], 9),
    ("retrieve-statements", 9),
];
const REPORT: &[(&str, i64)] = &[("create-report", 21)];

const HOUR: i64 = 3600;

fn scripts() -> Vec<Script> {
    let bad_login = Ending::Fails(
        0,
        "invalid-credentials",
        "Cannot login to target institution using supplied credentials.",
        "Cannot login to target institution, check credentials and try again.",
    );
    let outage = Ending::Fails(
        2,
        "service-unavailable",
        "Service unavailable",
        "Service is currently unavailable. Please try again later.",
    );
    let notice = Ending::Fails(
        1,
        "account-not-accessible-requires-user-action",
        "Account not accessible",
        "The institution requires you to log in to online banking and accept a notice.",
    );
    let consent = Ending::Fails(
        0,
        "authorization-failed",
        "Authorization failed",
        "access_denied",
    );
    let s = |seq, connection, start_offset_s, steps, ending| Script {
        seq,
        connection,
        start_offset_s,
        steps,
        ending,
        report: false,
    };
    vec![
        s(1, 0xc1, -6 * 24 * HOUR - 5 * HOUR, FAST, Ending::Success),
        s(2, 0xc2, -5 * 24 * HOUR - 2 * HOUR, SLOW, bad_login),
        s(3, 0xc1, -4 * 24 * HOUR - 9 * HOUR, FAST, outage),
        s(4, 0xc3, -3 * 24 * HOUR, SLOW, notice),
        s(5, 0xc2, -2 * 24 * HOUR - 7 * HOUR, SLOW, consent),
        s(6, 0xc1, -24 * HOUR - 3 * HOUR, FAST, Ending::Success),
        s(7, 0xc3, -5 * HOUR, FAST, Ending::Success),
        s(8, 0xc4, -40 * 60, MFA, Ending::WaitsForMfa(1)),
        Script {
            report: true,
            ..s(9, 0xc1, -2 * HOUR, REPORT, Ending::Success)
        },
        s(10, 0xc2, 0, LIVE, Ending::Success),
        s(11, 0xc3, 0, LIVE, outage),
        s(12, 0xc4, 20, FAST, Ending::Success),
    ]
}

/// The demo user's jobs as Basiq would list them at `now`, for a demo that started at `started`.
/// Jobs scheduled after `now` have not appeared yet.
pub fn demo_jobs(started: DateTime<Utc>, now: DateTime<Utc>) -> Vec<Value> {
    scripts()
        .iter()
        .filter_map(|script| script.to_json(started, now))
        .collect()
}

/// The same jobs wrapped in Basiq's list envelope.
pub fn demo_job_list(started: DateTime<Utc>, now: DateTime<Utc>) -> Value {
    let data = demo_jobs(started, now);
    json!({"type": "list", "size": data.len(), "data": data,
        "links": {"self": format!("{API}/users/{DEMO_USER_ID}/jobs")}})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CardStatus, StatusCounts, derive_status, parse_job_list};

    fn statuses(started: DateTime<Utc>, now: DateTime<Utc>) -> Vec<(String, CardStatus)> {
        let page = parse_job_list(&demo_job_list(started, now)).expect("demo list parses");
        assert!(page.problems.is_empty(), "{:?}", page.problems);
        page.jobs
            .iter()
            .map(|j| (j.id.clone(), derive_status(j)))
            .collect()
    }

    fn start() -> DateTime<Utc> {
        DateTime::from_timestamp(1_764_000_000, 0).unwrap()
    }

    #[test]
    fn shows_all_three_outcomes_at_once() {
        let page = parse_job_list(&demo_job_list(start(), start())).unwrap();
        let counts = StatusCounts::of(&page.jobs);
        assert!(
            counts.pending >= 1 && counts.success >= 1 && counts.failed >= 1,
            "{counts:?}"
        );
    }

    #[test]
    fn live_jobs_progress_to_success_and_to_failure() {
        let live = |now| {
            statuses(start(), now)
                .into_iter()
                .filter(|(job_id, _)| *job_id == id(10) || *job_id == id(11))
                .map(|(_, s)| s)
                .collect::<Vec<_>>()
        };
        assert_eq!(live(start()), [CardStatus::Pending; 2]);
        assert_eq!(
            live(start() + TimeDelta::seconds(10)),
            [CardStatus::Pending; 2]
        );
        assert_eq!(
            live(start() + TimeDelta::seconds(30)),
            [CardStatus::Success, CardStatus::Failed]
        );
    }

    #[test]
    fn a_job_arrives_after_twenty_seconds() {
        assert!(
            !statuses(start(), start() + TimeDelta::seconds(19))
                .iter()
                .any(|(j, _)| *j == id(12))
        );
        assert!(
            statuses(start(), start() + TimeDelta::seconds(20))
                .iter()
                .any(|(j, _)| *j == id(12))
        );
    }

    #[test]
    fn is_deterministic() {
        assert_eq!(demo_jobs(start(), start()), demo_jobs(start(), start()));
    }
}
