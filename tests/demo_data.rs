//! The demo data (the `basiq-demo` crate) read by the app's own parser: what the demo shows.
#![cfg(not(target_arch = "wasm32"))]

use basiq_demo::{
    self as demo, DEMO_USER_ID, SECOND_USER_ID, bulk_jobs, demo_jobs, job_list, refresh_job,
};
use basiq_job_history::domain::time::format_iso_utc;
use basiq_job_history::domain::{
    CardStatus, StatusCounts, derive_status, parse_job, parse_job_list,
};
use chrono::{DateTime, TimeDelta, Utc};

fn statuses(started: DateTime<Utc>, now: DateTime<Utc>) -> Vec<(String, CardStatus)> {
    let page =
        parse_job_list(&job_list(DEMO_USER_ID, demo_jobs(started, now))).expect("demo list parses");
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
    let page = parse_job_list(&job_list(DEMO_USER_ID, demo_jobs(start(), start()))).unwrap();
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
            .filter(|(job_id, _)| *job_id == demo::job_id(10) || *job_id == demo::job_id(11))
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
            .any(|(j, _)| *j == demo::job_id(12))
    );
    assert!(
        statuses(start(), start() + TimeDelta::seconds(20))
            .iter()
            .any(|(j, _)| *j == demo::job_id(12))
    );
}

#[test]
fn bulk_jobs_are_many_distinct_settled_jobs() {
    let page = parse_job_list(&job_list(DEMO_USER_ID, bulk_jobs(500, start()))).unwrap();
    assert_eq!(page.jobs.len(), 500);
    assert!(page.problems.is_empty(), "{:?}", page.problems);
    let counts = StatusCounts::of(&page.jobs);
    assert_eq!(
        (counts.success, counts.failed, counts.pending),
        (300, 200, 0)
    );
}

#[test]
fn refresh_jobs_run_to_their_outcome() {
    let status = |fails, secs| {
        let raw = refresh_job(
            7,
            DEMO_USER_ID,
            "c-1",
            fails,
            start(),
            start() + TimeDelta::seconds(secs),
        );
        derive_status(&parse_job(&raw).unwrap())
    };
    assert_eq!(status(false, 5), CardStatus::Pending);
    assert_eq!(status(false, 25), CardStatus::Success);
    assert_eq!(status(true, 25), CardStatus::Failed);
}

#[test]
fn a_second_user_has_jobs_of_their_own() {
    let page = parse_job_list(&job_list(SECOND_USER_ID, demo_jobs(start(), start()))).unwrap();
    let theirs = page
        .jobs
        .iter()
        .filter(|j| j.user_id() == Some(SECOND_USER_ID))
        .count();
    assert_eq!(theirs, 3);
}

#[test]
fn demo_times_are_written_as_the_app_writes_utc() {
    let page = parse_job_list(&job_list(DEMO_USER_ID, demo_jobs(start(), start()))).unwrap();
    for job in &page.jobs {
        let created = job
            .created
            .as_ref()
            .expect("every demo job has a created time");
        assert_eq!(created.raw, format_iso_utc(created.at.expect("readable")));
    }
}
