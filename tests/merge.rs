//! Live updates never lose newer data or the reader's place.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/fixtures.rs"]
mod fixtures;

use basiq_job_history::domain::merge::{diff_list, supersedes};
use basiq_job_history::domain::{
    Job, parse_job, parse_job_list, parse_job_list_text, parse_job_text,
};
use serde_json::json;

fn job(file: &str) -> Job {
    parse_job(&fixtures::json(file)).unwrap()
}

fn with(job: &Job, patch: impl FnOnce(&mut serde_json::Value)) -> Job {
    let mut raw = job.raw_value();
    patch(&mut raw);
    parse_job(&raw).unwrap()
}

#[test]
fn newer_data_wins_and_older_never_does() {
    let pending = job("job-pending-in-progress.json");
    let later = with(&pending, |v| {
        v["updated"] = json!("2025-02-11T03:27:59Z");
        v["steps"][1]["status"] = json!("success");
    });
    assert!(supersedes(&later, &pending));
    assert!(
        !supersedes(&pending, &later),
        "a late answer must not roll back"
    );
    assert!(
        !supersedes(&pending, &pending),
        "identical data changes nothing"
    );
}

#[test]
fn a_pending_copy_with_the_same_time_does_not_undo_a_settled_job() {
    let pending = job("job-pending-in-progress.json");
    let settled = with(&pending, |v| {
        v["steps"][1]["status"] = json!("success");
        v["steps"][2]["status"] = json!("success");
    });
    assert!(supersedes(&settled, &pending));
    assert!(!supersedes(&pending, &settled));
}

#[test]
fn a_fresh_list_updates_in_place_and_holds_back_arrivals() {
    let mut list = fixtures::json("jobs-list-connection.json");
    let all = parse_job_list(&list).unwrap().jobs;
    let shown: Vec<&Job> = all[1..].iter().collect();
    list["data"][3]["updated"] = json!("2025-03-16T00:00:00Z");
    let fresh = parse_job_list(&list).unwrap().jobs;
    let changes = diff_list(&shown, fresh);
    assert_eq!(
        changes
            .arrivals
            .iter()
            .map(|j| j.id.as_str())
            .collect::<Vec<_>>(),
        [all[0].id.as_str()]
    );
    assert_eq!(changes.updates.len(), 1);
    assert_eq!(changes.updates[0].0, 2, "position in the shown list");
}

#[test]
fn a_list_item_and_the_same_job_polled_alone_are_the_same() {
    // A list keeps no text per job; the job's own answer keeps its body. The same data is no
    // update, whichever copy is shown.
    for name in fixtures::names("job-") {
        let alone = parse_job_text(&fixtures::text(&name)).unwrap();
        let list = json!({ "type": "list", "data": [fixtures::json(&name)] }).to_string();
        let listed = parse_job_list_text(&list).unwrap().jobs.remove(0);
        assert_eq!(listed.raw, None, "{name}");
        assert!(listed.same_as(&alone) && alone.same_as(&listed), "{name}");
        assert!(!supersedes(&listed, &alone), "{name}");
        assert!(!supersedes(&alone, &listed), "{name}");
    }
}

#[test]
fn answers_that_differ_only_in_a_field_not_read_differ_for_the_raw_json_view() {
    let job = job("job-success.json");
    let other = with(&job, |v| v["someNewField"] = json!(1));
    assert_eq!(job.steps, other.steps);
    assert!(
        !job.same_as(&other),
        "the raw JSON view must show the change"
    );
    let listed = |job: &Job| Job {
        raw: None,
        ..job.clone()
    };
    assert!(
        listed(&job).same_as(&listed(&other)),
        "nothing a card shows changed"
    );
}
