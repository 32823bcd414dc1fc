//! Watching pending jobs: the watch list, what the reader is told when a watched job settles
//! (from the shared fixtures), and the page title that counts those notices.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/fixtures.rs"]
mod fixtures;

use basiq_job_history::domain::{
    CardStatus, Job, Watchlist, derive_status, page_title, parse_job, settled_notice,
};
use basiq_job_history::i18n::Locale;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

fn job(value: &Value) -> Job {
    parse_job(value).expect("a job")
}

/// A settled fixture as it was while still running: its first step in progress, the rest pending.
fn running(settled: &Value) -> Value {
    let mut value = settled.clone();
    for (i, step) in value["steps"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        step["status"] = json!(if i == 0 { "in-progress" } else { "pending" });
        step["result"] = Value::Null;
    }
    value
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2025-02-13T00:00:00Z")
        .unwrap()
        .to_utc()
}

#[test]
fn a_watched_job_that_settles_is_told_once_and_others_change_nothing() {
    let success = fixtures::json("job-success.json");
    let (before, after) = (job(&running(&success)), job(&success));
    assert_eq!(derive_status(&before), CardStatus::Pending);
    let mut list = Watchlist::default();
    assert!(list.toggle(&before));
    assert!(list.is_watching(&before.id));
    assert_eq!(list.watching(), 1);
    assert_eq!(list.observe(&before), None, "still pending");
    let unwatched = job(&fixtures::json("job-failed-invalid-credentials.json"));
    assert_eq!(list.observe(&unwatched), None, "not watched");
    let settled = list.observe(&after).expect("told");
    assert_eq!(settled.status, CardStatus::Success);
    assert_eq!(settled.job.id, after.id);
    assert!(!list.is_watching(&after.id));
    assert_eq!(list.watching(), 0);
    assert_eq!(list.observe(&after), None, "told once");
    assert_eq!(list.settled().len(), 1);
    list.dismiss(&after.id);
    assert!(list.settled().is_empty());
}

#[test]
fn toggling_stops_a_watch_and_settled_jobs_cannot_be_watched() {
    let success = fixtures::json("job-success.json");
    let mut list = Watchlist::default();
    assert!(!list.toggle(&job(&success)), "already settled");
    assert_eq!(list.watching(), 0);
    let pending = job(&running(&success));
    assert!(list.toggle(&pending));
    assert!(!list.toggle(&pending), "a second press stops watching");
    assert_eq!(list.observe(&job(&success)), None, "no longer watched");
    assert!(list.settled().is_empty());
}

#[test]
fn a_success_says_its_connection_bank_and_time() {
    let success = fixtures::json("job-success.json");
    let mut pending = job(&running(&success));
    pending.institution_id = Some("AU00000".into());
    let mut list = Watchlist::default();
    list.toggle(&pending);
    // A job's own answer names no bank: the copy that was watched did.
    let settled = list.observe(&job(&success)).expect("told");
    assert_eq!(settled.job.institution_id.as_deref(), Some("AU00000"));
    let (title, body) = settled_notice(&settled, Some("Hooli Bank"), now(), Locale::en);
    assert_eq!(title, "Job 2344261d succeeded");
    assert_eq!(
        body,
        "Connection e017ae98 at Hooli Bank: every step done in 19 s."
    );
    let (_, unnamed) = settled_notice(&settled, None, now(), Locale::en);
    assert!(
        unnamed.starts_with("Connection e017ae98 at AU00000:"),
        "{unnamed}"
    );
}

#[test]
fn a_failure_says_the_step_basiqs_words_and_what_to_do() {
    let failed = fixtures::json("job-failed-invalid-credentials.json");
    let mut list = Watchlist::default();
    list.toggle(&job(&running(&failed)));
    let settled = list.observe(&job(&failed)).expect("told");
    assert_eq!(settled.status, CardStatus::Failed);
    let (title, body) = settled_notice(&settled, None, now(), Locale::en);
    assert_eq!(title, "Job 522c0846 failed");
    assert_eq!(
        body,
        "Connection 8f1ac9cd: verify-credentials failed (invalid-credentials: The institution \
         rejected the stored login details. Ask the user to confirm their credentials, then try \
         again.). Send the user back through the Consent UI to re-enter their credentials."
    );
}

#[test]
fn odd_jobs_are_still_told_in_words() {
    // A report whose own status failed, with no failed step and no connection.
    let report =
        json!({"type": "job", "id": "r1", "jobType": "report", "status": "failed", "steps": []});
    let mut pending = report.clone();
    pending["status"] = json!("in-progress");
    let mut list = Watchlist::default();
    list.toggle(&job(&pending));
    let settled = list.observe(&job(&report)).expect("told");
    let (title, body) = settled_notice(&settled, None, now(), Locale::en);
    assert_eq!(title, "Job r1 failed");
    assert_eq!(body, "A report job: the job failed; no step says why.");
    // Hostile text stays text: the notice carries it as it came.
    let hostile = json!({"type": "job", "id": "<img src=x onerror=alert(1)>", "steps": [
        {"title": "<b>step</b>", "status": "failed", "result": {"code": "x\"><script>", "detail": "</span>"}}
    ]});
    let mut pending = hostile.clone();
    pending["steps"][0]["status"] = json!("in-progress");
    list.toggle(&job(&pending));
    let settled = list.observe(&job(&hostile)).expect("told");
    let (title, body) = settled_notice(&settled, None, now(), Locale::en);
    assert_eq!(title, "Job <img src failed");
    assert!(
        body.contains("<b>step</b> failed (x\"><script>: </span>)"),
        "{body}"
    );
}

#[test]
fn the_title_counts_the_notices_left() {
    assert_eq!(page_title("Basiq Job History", 0), "Basiq Job History");
    assert_eq!(page_title("Basiq Job History", 2), "(2) Basiq Job History");
}
