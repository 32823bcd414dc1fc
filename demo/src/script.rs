//! The machinery of scripted demo jobs: each step takes a set time from the job's start, and
//! the job ends in success, a failure at a given step, or an MFA wait. Rendered as the JSON
//! Basiq would return at any moment.

use super::API;
use super::banks::institution_of;
use chrono::{DateTime, Datelike, TimeDelta, Timelike, Utc};
use serde_json::{Value, json};
use uuid::Builder;

const CONNECTION_STEPS: [&str; 3] = [
    "verify-credentials",
    "retrieve-accounts",
    "retrieve-transactions",
];

/// How a scripted step ends.
#[derive(Clone, Copy)]
pub(super) enum Ending {
    Success,
    /// The step at this index fails with this code, title and detail; later steps stay pending.
    Fails(usize, &'static str, &'static str, &'static str),
    /// The step at this index stays in progress, asking for a one-time code.
    WaitsForMfa(usize),
}

/// One scripted job: when it starts relative to the demo start, and how long each step takes.
pub(super) struct Script {
    pub user: &'static str,
    pub seq: u64,
    pub connection: String,
    pub start_offset_s: i64,
    pub steps: &'static [(&'static str, i64)],
    pub ending: Ending,
    pub report: bool,
}

/// SplitMix64: spreads a small number over 64 random-looking bits.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A version-4-looking UUID that is the same for the same number on every run.
pub(super) fn id(seq: u64) -> String {
    let (high, low) = (mix(seq), mix(seq ^ 0x5BA5_1C00));
    let bytes = ((u128::from(high) << 64) | u128::from(low)).to_be_bytes();
    Builder::from_random_bytes(bytes).into_uuid().to_string()
}

/// `2025-02-11T03:27:51Z`, as Basiq writes its times.
fn at(moment: DateTime<Utc>) -> String {
    let (date, time) = (moment.date_naive(), moment.time());
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        date.year(),
        date.month(),
        date.day(),
        time.hour(),
        time.minute(),
        time.second()
    )
}

impl Script {
    pub(super) fn to_json(&self, started: DateTime<Utc>, now: DateTime<Utc>) -> Option<Value> {
        let created = started + TimeDelta::seconds(self.start_offset_s);
        if created > now {
            return None;
        }
        let connection = &self.connection;
        let user = self.user;
        let source = format!("{API}/users/{user}/connections/{connection}");
        let job_id = id(self.seq);
        let bank = institution_of(connection);
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
                    _ => (
                        "success",
                        link_result(user, title, connection, bank, &job_id),
                    ),
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
            "institution": {"type": "institution", "id": bank,
                "links": {"self": format!("{API}/institutions/{bank}")}},
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

fn link_result(user: &str, title: &str, connection: &str, bank: &str, job_id: &str) -> Value {
    let url = match title {
        "verify-credentials" => format!("/users/{user}/connections/{connection}"),
        "create-report" => format!("/reports/{job_id}"),
        "retrieve-statements" => format!("/users/{user}/statements"),
        "retrieve-accounts" => {
            format!("/users/{user}/accounts?filter=institution.id.eq('{bank}')")
        }
        _ => format!("/users/{user}/transactions?filter=institution.id.eq('{bank}')"),
    };
    json!({"type": "link", "url": url})
}

fn mfa_result(job_id: &str) -> Value {
    json!({"type": "mfa", "method": "token", "description": "Enter the code sent to your phone",
        "input": ["One-time code"], "expiryMs": 120_000,
        "links": {"response": format!("{API}/jobs/{job_id}/mfa")}})
}

pub(super) const FAST: &[(&str, i64)] = &[
    (CONNECTION_STEPS[0], 4),
    (CONNECTION_STEPS[1], 6),
    (CONNECTION_STEPS[2], 9),
];
pub(super) const SLOW: &[(&str, i64)] = &[
    (CONNECTION_STEPS[0], 12),
    (CONNECTION_STEPS[1], 16),
    (CONNECTION_STEPS[2], 25),
];
pub(super) const LIVE: &[(&str, i64)] = &[
    (CONNECTION_STEPS[0], 5),
    (CONNECTION_STEPS[1], 7),
    (CONNECTION_STEPS[2], 8),
];
pub(super) const MFA: &[(&str, i64)] = &[
    (CONNECTION_STEPS[0], 6),
    ("mfa-challenge", 30),
    (CONNECTION_STEPS[1], 6),
    (CONNECTION_STEPS[2], 9),
    ("retrieve-statements", 9),
];
pub(super) const REPORT: &[(&str, i64)] = &[("create-report", 21)];
