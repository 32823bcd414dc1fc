//! Filtering, searching, sorting and counting over the shared connection-list fixture.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/fixtures.rs"]
mod fixtures;

use basiq_job_history::domain::time::parse_timestamp;
use basiq_job_history::domain::{
    CardStatus, Job, JobFilter, StatusCounts, connections, parse_job_list, sort_newest_first,
};
use basiq_job_history::url::{filter_from_query, filter_to_query};

/// The fixture's jobs as the history holds them: newest first.
fn jobs() -> Vec<Job> {
    let mut jobs = parse_job_list(&fixtures::json("jobs-list-connection.json"))
        .unwrap()
        .jobs;
    sort_newest_first(&mut jobs);
    jobs
}

/// The jobs the history shows under `filter`, in its order.
fn apply<'a>(filter: &JobFilter, jobs: &'a [Job]) -> Vec<&'a Job> {
    filter.matching(jobs).map(|index| &jobs[index]).collect()
}

fn ids(shown: &[&Job]) -> Vec<String> {
    shown.iter().map(|j| j.id[..8].to_owned()).collect()
}

#[test]
fn no_filter_shows_everything_newest_first() {
    let jobs = jobs();
    let shown = apply(&JobFilter::default(), &jobs);
    assert_eq!(
        ids(&shown),
        [
            "395087d2", "51b9916c", "ae18ca40", "a4783945", "bb6561cb", "82b8716a"
        ]
    );
}

#[test]
fn status_filter_keeps_counts_of_the_other_statuses() {
    let jobs = jobs();
    let filter = JobFilter {
        status: Some(CardStatus::Failed),
        ..JobFilter::default()
    };
    assert_eq!(ids(&apply(&filter, &jobs)), ["ae18ca40", "a4783945"]);
    assert_eq!(
        StatusCounts::of(filter.ignoring_status(&jobs)),
        StatusCounts {
            pending: 1,
            success: 3,
            failed: 2
        }
    );
}

#[test]
fn search_is_a_case_insensitive_id_substring() {
    let jobs = jobs();
    let filter = JobFilter {
        query: " AE18CA ".into(),
        ..JobFilter::default()
    };
    assert_eq!(ids(&apply(&filter, &jobs)), ["ae18ca40"]);
    let middle = JobFilter {
        query: "4d30-beef".into(),
        ..JobFilter::default()
    };
    assert_eq!(ids(&apply(&middle, &jobs)), ["395087d2"]);
    let none = JobFilter {
        query: "zzz".into(),
        ..JobFilter::default()
    };
    assert!(apply(&none, &jobs).is_empty());
    assert_eq!(StatusCounts::of(none.ignoring_status(&jobs)).total(), 0);
}

#[test]
fn connection_and_date_range_narrow_the_list() {
    let jobs = jobs();
    let other = JobFilter {
        connection: Some("another".into()),
        ..JobFilter::default()
    };
    assert!(apply(&other, &jobs).is_empty());
    let same = JobFilter {
        connection: Some("20c7663a-8da5-49bc-8a28-9337b83743d9".into()),
        from: parse_timestamp("2025-03-12T00:00:00Z"),
        to: parse_timestamp("2025-03-14T00:00:00Z"),
        ..JobFilter::default()
    };
    assert_eq!(ids(&apply(&same, &jobs)), ["ae18ca40", "a4783945"]);
}

#[test]
fn the_url_query_round_trips() {
    let sydney = chrono::FixedOffset::east_opt(11 * 3600).unwrap();
    let query = [
        ("status", "failed"),
        ("q", "6f0c"),
        ("connection", "c-1"),
        ("from", "2025-03-12"),
        ("to", "2025-03-13"),
    ];
    let filter = filter_from_query(
        query,
        sydney,
        parse_timestamp("2025-03-16T00:00:00Z").unwrap(),
    );
    assert_eq!(filter.status, Some(CardStatus::Failed));
    assert_eq!(filter.query, "6f0c");
    assert_eq!(filter.from, parse_timestamp("2025-03-11T13:00:00Z"));
    assert_eq!(
        filter.to,
        parse_timestamp("2025-03-13T13:00:00Z"),
        "the end day is included"
    );
    let back = filter_to_query(&filter, sydney);
    let back: Vec<(&str, &str)> = back.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(back, query);
}

#[test]
fn malformed_query_values_are_ignored() {
    let utc = chrono::FixedOffset::east_opt(0).unwrap();
    let filter = filter_from_query(
        [
            ("status", "weird"),
            ("from", "12/03/2025"),
            ("range", "1y"),
            ("code", " "),
            ("x", "y"),
        ],
        utc,
        parse_timestamp("2025-03-16T00:00:00Z").unwrap(),
    );
    assert_eq!(filter, JobFilter::default());
    assert!(filter_to_query(&filter, utc).is_empty());
}

#[test]
fn the_connection_picker_offers_each_connection_once() {
    assert_eq!(
        connections(&jobs()),
        ["20c7663a-8da5-49bc-8a28-9337b83743d9"]
    );
    assert!(connections(&[]).is_empty());
}
