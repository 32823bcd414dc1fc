//! The demo data: deterministic, Basiq-shaped jobs for a few users and connections over the last
//! seven days, plus jobs that progress step by step while you watch, and the banks they are at. Pure Rust with no view or
//! browser code: the app shows it when no `config.json` is deployed, and the mock Basiq server
//! serves it. The caller passes the moment the demo started and "now", and gets the JSON Basiq
//! would return at that moment.

mod banks;
mod refreshes;
mod script;

pub use banks::{institution, institution_of};
use chrono::{DateTime, Utc};
pub use refreshes::{RUNNING_FOR, Refreshes, Started};
use script::{Ending, FAST, LIVE, MFA, REPORT, SLOW, Script, id};
use serde_json::{Value, json};

const API: &str = "https://au-api.basiq.io";

/// The demo user whose jobs are listed by default.
pub const DEMO_USER_ID: &str = "a2cb616d-2a1c-4c08-b448-cedb22e707f6";

/// A second demo user, with a few jobs of their own (`?userId=` switches to them).
pub const SECOND_USER_ID: &str = "7d41e2b0-5c3a-4f7e-9b61-0c8f2a9e4d13";

/// Every demo user.
pub const DEMO_USERS: [&str; 2] = [DEMO_USER_ID, SECOND_USER_ID];

const HOUR: i64 = 3600;

const BAD_LOGIN: Ending = Ending::Fails(
    0,
    "invalid-credentials",
    "Cannot login to target institution using supplied credentials.",
    "Cannot login to target institution, check credentials and try again.",
);
const OUTAGE: Ending = Ending::Fails(
    2,
    "service-unavailable",
    "Service unavailable",
    "Service is currently unavailable. Please try again later.",
);
const NOTICE: Ending = Ending::Fails(
    1,
    "account-not-accessible-requires-user-action",
    "Account not accessible",
    "The institution requires you to log in to online banking and accept a notice.",
);
const CONSENT: Ending = Ending::Fails(
    0,
    "authorization-failed",
    "Authorization failed",
    "access_denied",
);

const MAINTENANCE: Ending = Ending::Fails(
    1,
    "maintenance",
    "Institution under maintenance",
    "The institution is undergoing scheduled maintenance.",
);

fn scripts() -> Vec<Script> {
    let s = |seq, connection, start_offset_s, steps, ending| Script {
        user: DEMO_USER_ID,
        connection: id(connection),
        seq,
        start_offset_s,
        steps,
        ending,
        report: false,
    };
    vec![
        s(1, 0xc1, -6 * 24 * HOUR - 5 * HOUR, FAST, Ending::Success),
        s(2, 0xc2, -5 * 24 * HOUR - 2 * HOUR, SLOW, BAD_LOGIN),
        s(3, 0xc1, -4 * 24 * HOUR - 9 * HOUR, FAST, OUTAGE),
        s(4, 0xc3, -3 * 24 * HOUR, SLOW, NOTICE),
        s(5, 0xc2, -2 * 24 * HOUR - 7 * HOUR, SLOW, CONSENT),
        s(6, 0xc1, -24 * HOUR - 3 * HOUR, FAST, Ending::Success),
        s(7, 0xc3, -5 * HOUR, FAST, Ending::Success),
        s(8, 0xc4, -40 * 60, MFA, Ending::WaitsForMfa(1)),
        Script {
            report: true,
            ..s(9, 0xc1, -2 * HOUR, REPORT, Ending::Success)
        },
        s(10, 0xc2, 0, LIVE, Ending::Success),
        s(11, 0xc3, 0, LIVE, OUTAGE),
        s(12, 0xc4, 20, FAST, Ending::Success),
        // A connection that never worked: three failed logins in a row (connection health's
        // "never succeeded", and the cards' "3rd failure in a row").
        s(16, 0xc5, -4 * 24 * HOUR - 2 * HOUR, SLOW, BAD_LOGIN),
        s(17, 0xc5, -2 * 24 * HOUR - 5 * HOUR, SLOW, BAD_LOGIN),
        s(18, 0xc5, -20 * HOUR, SLOW, BAD_LOGIN),
        second(s(
            13,
            0xd1,
            -3 * 24 * HOUR - 4 * HOUR,
            FAST,
            Ending::Success,
        )),
        second(s(14, 0xd1, -26 * HOUR, SLOW, MAINTENANCE)),
        second(s(15, 0xd2, -3 * HOUR, FAST, Ending::Success)),
    ]
}

fn second(script: Script) -> Script {
    Script {
        user: SECOND_USER_ID,
        ..script
    }
}

/// Every demo user's jobs as Basiq would list them at `now`, for a demo that started at `started`.
/// Jobs scheduled after `now` have not appeared yet.
pub fn demo_jobs(started: DateTime<Utc>, now: DateTime<Utc>) -> Vec<Value> {
    scripts()
        .iter()
        .filter_map(|script| script.to_json(started, now))
        .collect()
}

/// Wraps a user's jobs in Basiq's list envelope.
pub fn job_list(user: &str, data: Vec<Value>) -> Value {
    json!({"type": "list", "size": data.len(), "data": data,
        "links": {"self": format!("{API}/users/{user}/jobs")}})
}

/// [`job_list`] from its items' JSON texts: the same list, for a server that keeps jobs as text.
pub fn job_list_text(user: &str, data: &[&str]) -> String {
    let links = json!({"self": format!("{API}/users/{user}/jobs")});
    format!(
        r#"{{"type":"list","size":{},"data":[{}],"links":{links}}}"#,
        data.len(),
        data.join(",")
    )
}

/// `count` settled jobs spread evenly over the last seven days before `now`, mostly Success,
/// with some Failed (for load tests and benchmarks). Deterministic.
pub fn bulk_jobs(count: u64, now: DateTime<Utc>) -> Vec<Value> {
    let span = 7 * 24 * HOUR - HOUR;
    (0..count)
        .filter_map(|i| {
            let ending = [
                Ending::Success,
                Ending::Success,
                Ending::Success,
                BAD_LOGIN,
                OUTAGE,
            ][(i % 5) as usize];
            let script = Script {
                user: DEMO_USER_ID,
                seq: 1_000_000 + i,
                connection: id(0xc1 + i % 4),
                start_offset_s: -HOUR - span * i as i64 / count.max(1) as i64,
                steps: if i % 2 == 0 { FAST } else { SLOW },
                ending,
                report: false,
            };
            script.to_json(now, now)
        })
        .collect()
}

/// A job started by `POST …/connections/{id}/refresh` at `started`, as seen at `now`: it
/// progresses over about 20 s to Success, or, when `fails`, to a bank outage at the last step.
pub fn refresh_job(
    seq: u64,
    user: &'static str,
    connection_id: &str,
    fails: bool,
    started: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Value {
    let script = Script {
        seq,
        connection: connection_id.to_owned(),
        start_offset_s: 0,
        steps: LIVE,
        ending: if fails { OUTAGE } else { Ending::Success },
        report: false,
        user,
    };
    script.to_json(started, now).unwrap_or(Value::Null)
}

/// The id the demo gives job number `seq` (refresh jobs use their own numbers).
pub fn job_id(seq: u64) -> String {
    id(seq)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    fn start() -> DateTime<Utc> {
        DateTime::from_timestamp(1_764_000_000, 0).unwrap()
    }
    #[test]
    fn a_list_from_texts_is_the_list_from_values() {
        let jobs = demo_jobs(start(), start() + TimeDelta::seconds(7));
        let texts: Vec<String> = jobs.iter().map(Value::to_string).collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let from_text: Value = serde_json::from_str(&job_list_text(DEMO_USER_ID, &texts)).unwrap();
        assert_eq!(from_text, job_list(DEMO_USER_ID, jobs));
        let empty: Value = serde_json::from_str(&job_list_text(SECOND_USER_ID, &[])).unwrap();
        assert_eq!(empty, job_list(SECOND_USER_ID, Vec::new()));
    }

    #[test]
    fn every_listed_bank_is_served_and_one_reports_an_outage() {
        let jobs = demo_jobs(start() - TimeDelta::days(8), start());
        let statuses: Vec<String> = jobs
            .iter()
            .map(|job| {
                job.pointer("/institution/id")
                    .and_then(Value::as_str)
                    .unwrap()
            })
            .map(|bank| institution(bank).expect("served")["status"].to_string())
            .collect();
        assert!(statuses.iter().any(|status| status == "\"major-outage\""));
        assert!(statuses.iter().any(|status| status == "\"operational\""));
        assert_eq!(institution("AU99999"), None);
        assert_eq!(institution_of(&job_id(0xc3)), "AU15301");
    }

    #[test]
    fn is_deterministic() {
        assert_eq!(demo_jobs(start(), start()), demo_jobs(start(), start()));
    }
}
