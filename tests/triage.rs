//! Triage over the shared fixtures and generated histories: failure groups, connection health,
//! failure streaks, the summary line and their URL filters, with bad input (unknown codes,
//! missing institutions and connections, jobs out of order, duplicate ids, clock skew).
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/fixtures.rs"]
mod fixtures;

use basiq_job_history::domain::health::ordinal;
use basiq_job_history::domain::playbook::Actor;
use basiq_job_history::domain::time::parse_timestamp;
use basiq_job_history::domain::{
    CardStatus, GroupBy, HealthState, Job, JobFilter, NONE_KEY, TimeRange, connection_health,
    failure_groups, failure_streaks, parse_job, parse_job_list, summarize,
};
use basiq_job_history::i18n::Locale;
use basiq_job_history::url::{filter_from_query, filter_to_query};
use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Value, json};

fn t(raw: &str) -> DateTime<Utc> {
    parse_timestamp(raw).expect(raw)
}

/// The fixture list's six jobs, in the answer's own (unsorted) order.
fn fixture_jobs() -> Vec<Job> {
    parse_job_list(&fixtures::json("jobs-list-connection.json"))
        .unwrap()
        .jobs
}

/// What a generated job does.
#[derive(Clone, Copy)]
enum Outcome {
    Ok,
    Fail(&'static str, &'static str),
    Running,
}

/// A list item as Basiq sends it: `conn` and `bank` may be absent; created `at`, 30 s long.
fn item(id: &str, conn: Option<&str>, bank: Option<&str>, at: &str, outcome: Outcome) -> Value {
    let steps = match outcome {
        Outcome::Ok => json!([
            {"title": "verify-credentials", "status": "success", "result": null},
            {"title": "retrieve-accounts", "status": "success", "result": null}
        ]),
        Outcome::Fail(step, code) => json!([
            {"title": step, "status": "failed",
             "result": {"code": code, "title": format!("title of {code}"), "detail": format!("detail of {code}")}},
            {"title": "retrieve-transactions", "status": "pending", "result": null}
        ]),
        Outcome::Running => json!([
            {"title": "verify-credentials", "status": "in-progress", "result": null}
        ]),
    };
    let updated = (t(at) + TimeDelta::seconds(30)).to_rfc3339();
    let mut job =
        json!({"type": "job", "id": id, "created": at, "updated": updated, "steps": steps});
    if let Some(conn) = conn {
        job["links"] =
            json!({"source": format!("https://au-api.basiq.io/users/u-1/connections/{conn}")});
    }
    if let Some(bank) = bank {
        job["institution"] = json!({"type": "institution", "id": bank});
    }
    job
}

fn job(id: &str, conn: Option<&str>, bank: Option<&str>, at: &str, outcome: Outcome) -> Job {
    parse_job(&item(id, conn, bank, at, outcome)).expect("a generated job parses")
}

/// A history with two failing connections, a healthy one, a waiting one, a job without a
/// connection or bank, an unknown code, a duplicate id and a created date in the future.
fn history() -> Vec<Job> {
    use Outcome::*;
    let bad = Fail("verify-credentials", "invalid-credentials");
    let down = Fail("retrieve-transactions", "service-unavailable");
    vec![
        // c-1: worked, then failed three times in a row (a pending job in between).
        job(
            "j01",
            Some("c-1"),
            Some("AU001"),
            "2025-03-01T10:00:00Z",
            Ok,
        ),
        job(
            "j02",
            Some("c-1"),
            Some("AU001"),
            "2025-03-02T10:00:00Z",
            bad,
        ),
        job(
            "j03",
            Some("c-1"),
            Some("AU001"),
            "2025-03-03T10:00:00Z",
            Running,
        ),
        job(
            "j04",
            Some("c-1"),
            Some("AU001"),
            "2025-03-04T10:00:00Z",
            bad,
        ),
        job(
            "j05",
            Some("c-1"),
            Some("AU001"),
            "2025-03-05T10:00:00Z",
            bad,
        ),
        // c-2: never worked; given newest first, as an answer in any order may be.
        job(
            "j07",
            Some("c-2"),
            Some("AU002"),
            "2025-03-04T12:00:00Z",
            down,
        ),
        job(
            "j06",
            Some("c-2"),
            Some("AU002"),
            "2025-03-03T12:00:00Z",
            down,
        ),
        // c-3: failed once with an unknown code, then worked.
        job(
            "j08",
            Some("c-3"),
            Some("AU002"),
            "2025-03-02T08:00:00Z",
            Fail("retrieve-accounts", "brand-new-code"),
        ),
        job(
            "j09",
            Some("c-3"),
            Some("AU002"),
            "2025-03-03T08:00:00Z",
            Ok,
        ),
        // c-4: only a running job.
        job("j10", Some("c-4"), None, "2025-03-05T09:00:00Z", Running),
        // No connection and no bank (a statement upload).
        job("j11", None, None, "2025-03-04T09:00:00Z", bad),
        // The same id twice (an answer listed it twice): counted once.
        job(
            "j05",
            Some("c-1"),
            Some("AU001"),
            "2025-03-05T10:00:00Z",
            bad,
        ),
        // Clock skew: created in the future; it counts as the newest and breaks nothing.
        job(
            "j12",
            Some("c-3"),
            Some("AU002"),
            "2099-01-01T00:00:00Z",
            Ok,
        ),
    ]
}

#[test]
fn the_fixture_failures_group_by_code_step_and_bank() {
    let jobs = fixture_jobs();
    let by_code = failure_groups(&jobs, GroupBy::Code);
    assert_eq!(by_code.total, 2);
    let keys: Vec<_> = by_code.groups.iter().map(|g| g.key_text()).collect();
    // One each: the tie goes to the most recent (13 Mar before 12 Mar).
    assert_eq!(keys, ["service-unavailable", "invalid-credentials"]);
    let outage = &by_code.groups[0];
    assert_eq!((outage.count, outage.connections), (1, 1));
    assert_eq!(outage.first_seen, outage.last_seen);
    assert_eq!(outage.share(by_code.total), 0.5);
    assert_eq!(outage.institutions, ["AU00000"]);
    let advice = outage.advice(Locale::en).expect("a documented code");
    assert!(advice.documented);
    assert!(advice.who.contains(&Actor::Bank));

    let by_step = failure_groups(&jobs, GroupBy::Step);
    let keys: Vec<_> = by_step.groups.iter().map(|g| g.key_text()).collect();
    assert_eq!(keys, ["retrieve-transactions", "verify-credentials"]);

    let by_bank = failure_groups(&jobs, GroupBy::Institution);
    assert_eq!(by_bank.groups.len(), 1);
    assert_eq!(by_bank.groups[0].key_text(), "AU00000");
    assert_eq!(by_bank.groups[0].count, 2);
    // The group's advice is for its most recent code when the codes tie.
    assert_eq!(
        by_bank.groups[0].error.as_ref().unwrap().code,
        "service-unavailable"
    );
}

#[test]
fn the_fixture_connection_is_healthy_after_its_last_success() {
    let table = connection_health(&fixture_jobs());
    assert_eq!(table.without_connection, 0);
    let [row] = table.rows.as_slice() else {
        panic!("one connection: {:?}", table.rows);
    };
    assert!(row.connection_id.starts_with("20c7663a"));
    assert_eq!(row.state, HealthState::Healthy);
    assert!(row.last_job.0.starts_with("395087d2"), "the newest job");
    assert_eq!(row.last_job.1, CardStatus::Pending);
    assert_eq!(row.consecutive_failures, 0);
    assert_eq!(row.failing_since, None);
    let last_success = row
        .last_success
        .expect("a success")
        .format("%d %b %Y, %H:%M");
    assert_eq!(last_success.to_string(), "14 Mar 2025, 21:47", "51b9916c");
    // Newest first: Pending, Success, Failed, Failed, Success, Success.
    use CardStatus::*;
    assert_eq!(
        row.recent,
        [Pending, Success, Failed, Failed, Success, Success]
    );
    assert_eq!(row.success_rate(), Some(0.6));
    assert_eq!(row.institution_id.as_deref(), Some("AU00000"));
    // The failures of 12 and 13 Mar came one after the other.
    let streaks = failure_streaks(&fixture_jobs());
    let second: Vec<_> = streaks.keys().map(|id| &id[..8]).collect();
    assert_eq!(second, ["ae18ca40"], "13 Mar's failure is the 2nd in a row");
    let streak = streaks.values().next().unwrap();
    assert_eq!(streak.nth, 2);
    assert!(
        streak.since.unwrap() < t("2025-03-13T00:00:00Z"),
        "since the 12 Mar failure"
    );
}

#[test]
fn groups_stay_correct_with_unknown_codes_missing_banks_duplicates_and_skew() {
    let jobs = history();
    let by_code = failure_groups(&jobs, GroupBy::Code);
    // j02, j04, j05 (once), j06, j07, j08, j11.
    assert_eq!(by_code.total, 7);
    let summary: Vec<_> = by_code
        .groups
        .iter()
        .map(|g| (g.key_text(), g.count, g.connections))
        .collect();
    assert_eq!(
        summary,
        [
            ("invalid-credentials", 4, 1),
            ("service-unavailable", 2, 1),
            ("brand-new-code", 1, 1),
        ]
    );
    let unknown = &by_code.groups[2];
    let advice = unknown.advice(Locale::en).unwrap();
    assert!(
        !advice.documented,
        "an unknown code gets the generic advice"
    );
    assert!(advice.cause.contains("title of brand-new-code"));
    let bad = &by_code.groups[0];
    assert_eq!(bad.first_seen, Some(t("2025-03-02T10:00:00Z")));
    assert_eq!(bad.last_seen, Some(t("2025-03-05T10:00:00Z")));
    assert_eq!(
        bad.institutions,
        ["AU001"],
        "the job without a bank adds none"
    );

    let by_bank = failure_groups(&jobs, GroupBy::Institution);
    let keys: Vec<_> = by_bank
        .groups
        .iter()
        .map(|g| (g.key.clone(), g.count))
        .collect();
    assert_eq!(
        keys,
        [
            (Some("AU001".to_owned()), 3),
            (Some("AU002".to_owned()), 3),
            (None, 1)
        ]
    );
    assert_eq!(by_bank.groups[2].key_text(), NONE_KEY);
    let shares: f64 = by_bank.groups.iter().map(|g| g.share(by_bank.total)).sum();
    assert!((shares - 1.0).abs() < 1e-9);
}

#[test]
fn health_sorts_by_severity_and_counts_failures_in_a_row() {
    let table = connection_health(&history());
    assert_eq!(table.without_connection, 1, "j11 names no connection");
    let rows: Vec<_> = table
        .rows
        .iter()
        .map(|r| (r.connection_id.as_str(), r.state, r.consecutive_failures))
        .collect();
    assert_eq!(
        rows,
        [
            ("c-2", HealthState::NeverSucceeded, 2),
            ("c-1", HealthState::Failing, 3),
            ("c-4", HealthState::Waiting, 0),
            ("c-3", HealthState::Healthy, 0),
        ]
    );
    let c1 = &table.rows[1];
    assert_eq!(
        c1.failing_since,
        Some(t("2025-03-02T10:00:00Z")),
        "the pending job is passed over"
    );
    assert_eq!(c1.last_success, Some(t("2025-03-01T10:00:00Z")));
    assert_eq!(
        c1.failing_error.as_ref().unwrap().code,
        "invalid-credentials"
    );
    assert_eq!(c1.recent.len(), 5, "the duplicate j05 counts once");
    let c2 = &table.rows[0];
    assert_eq!(
        c2.failing_since,
        Some(t("2025-03-03T12:00:00Z")),
        "out of order, still the first"
    );
    assert_eq!(c2.last_job.0, "j07");
    assert_eq!(c2.success_rate(), Some(0.0));
    let c3 = &table.rows[3];
    assert_eq!(
        c3.last_job.0, "j12",
        "a future date is the newest, and breaks nothing"
    );
    assert_eq!(table.rows[2].success_rate(), None, "nothing settled");
}

#[test]
fn the_strip_shows_the_last_ten_jobs() {
    let jobs: Vec<Job> = (0..25)
        .map(|i| {
            let outcome = if i % 5 == 0 {
                Outcome::Fail("verify-credentials", "x")
            } else {
                Outcome::Ok
            };
            let at = (t("2025-03-01T00:00:00Z") + TimeDelta::hours(i)).to_rfc3339();
            job(&format!("g{i:02}"), Some("c"), None, &at, outcome)
        })
        .collect();
    let table = connection_health(&jobs);
    let row = &table.rows[0];
    assert_eq!(row.recent.len(), 10);
    assert_eq!(row.last_job.0, "g24");
    assert_eq!(
        row.success_rate(),
        Some(0.8),
        "g15 and g20 failed among g15..g24"
    );
}

#[test]
fn streaks_number_each_failure_in_a_row_since_the_first() {
    let streaks = failure_streaks(&history());
    let mut found: Vec<_> = streaks
        .iter()
        .map(|(id, s)| (id.as_str(), s.nth, s.since))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("j04", 2, Some(t("2025-03-02T10:00:00Z"))),
            ("j05", 3, Some(t("2025-03-02T10:00:00Z"))),
            ("j07", 2, Some(t("2025-03-03T12:00:00Z"))),
        ]
    );
    assert_eq!(
        [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(|n| ordinal(n, Locale::en)),
        [
            "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st",
            "111th"
        ]
    );
    assert_eq!(
        [1, 2, 3, 11].map(|n| ordinal(n, Locale::fr)),
        ["1er", "2e", "3e", "11e"]
    );
}

#[test]
fn the_summary_counts_rates_and_the_median_duration() {
    let jobs = history();
    let now = t("2025-03-06T00:00:00Z");
    let summary = summarize(&jobs, now);
    // 12 distinct jobs: 3 success (j01, j09, j12), 7 failed, 2 pending.
    assert_eq!(
        (
            summary.counts.total(),
            summary.counts.success,
            summary.counts.failed,
            summary.counts.pending
        ),
        (12, 3, 7, 2)
    );
    assert_eq!(summary.success_rate(), Some(0.3));
    // Every settled job took 30 s, the future one included (its span is still 30 s).
    assert_eq!(summary.median_duration, Some(TimeDelta::seconds(30)));
    let fixture = summarize(&fixture_jobs(), now);
    assert_eq!(fixture.counts.total(), 6);
    assert_eq!(fixture.success_rate(), Some(0.6));
    // Settled durations 22, 38, 12, 26, 22 s: the median is 22 s.
    assert_eq!(fixture.median_duration, Some(TimeDelta::seconds(22)));
    let empty: Vec<Job> = Vec::new();
    let none = summarize(&empty, now);
    assert_eq!((none.success_rate(), none.median_duration), (None, None));
}

#[test]
fn an_even_count_takes_the_mean_of_the_middle_two() {
    let jobs: Vec<Job> = [10, 20, 40, 80]
        .iter()
        .enumerate()
        .map(|(i, secs)| {
            let mut value = item(
                &format!("d{i}"),
                Some("c"),
                None,
                "2025-03-01T00:00:00Z",
                Outcome::Ok,
            );
            value["updated"] =
                json!((t("2025-03-01T00:00:00Z") + TimeDelta::seconds(*secs)).to_rfc3339());
            parse_job(&value).unwrap()
        })
        .collect();
    let summary = summarize(&jobs, t("2025-03-02T00:00:00Z"));
    assert_eq!(summary.median_duration, Some(TimeDelta::seconds(30)));
}

#[test]
fn a_group_link_filters_the_history_to_that_group() {
    let jobs = history();
    let by_step = failure_groups(&jobs, GroupBy::Step);
    for group in &by_step.groups {
        let filter = JobFilter {
            status: Some(CardStatus::Failed),
            step: Some(group.key_text().to_owned()),
            ..JobFilter::default()
        };
        let shown: std::collections::HashSet<_> = jobs
            .iter()
            .filter(|j| filter.matches(j))
            .map(|j| &j.id)
            .collect();
        assert_eq!(shown.len(), group.count, "{}", group.key_text());
    }
    let by_bank = failure_groups(&jobs, GroupBy::Institution);
    let none = by_bank.groups.iter().find(|g| g.key.is_none()).unwrap();
    let filter = JobFilter {
        status: Some(CardStatus::Failed),
        institution: Some(none.key_text().to_owned()),
        ..JobFilter::default()
    };
    let shown: Vec<_> = jobs
        .iter()
        .filter(|j| filter.matches(j))
        .map(|j| j.id.as_str())
        .collect();
    assert_eq!(shown, ["j11"]);
}

#[test]
fn triage_filters_and_the_range_round_trip_through_the_url() {
    let utc = chrono::FixedOffset::east_opt(0).unwrap();
    let now = t("2025-03-06T09:00:00Z");
    let query = [
        ("status", "failed"),
        ("code", "invalid-credentials"),
        ("step", "verify-credentials"),
        ("institution", "AU001"),
        ("range", "24h"),
    ];
    let filter = filter_from_query(query, utc, now);
    assert_eq!(filter.code.as_deref(), Some("invalid-credentials"));
    assert_eq!(filter.range, Some(TimeRange::Day));
    assert_eq!(
        filter.from,
        Some(t("2025-03-05T09:00:00Z")),
        "24 h back from now"
    );
    assert_eq!(filter.to, None);
    let back = filter_to_query(&filter, utc);
    let back: Vec<(&str, &str)> = back.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        back, query,
        "the range is written, not the days it stands for"
    );
    // A range wins over days given with it.
    let both = filter_from_query([("range", "7d"), ("from", "2025-01-01")], utc, now);
    assert_eq!(both.from, Some(now - TimeDelta::days(7)));
    // Only j05 (c-1's last failure) ran in the last 24 h with that code, step and bank.
    let jobs = history();
    let shown: Vec<_> = jobs
        .iter()
        .filter(|j| filter.matches(j))
        .map(|j| j.id.as_str())
        .collect();
    // (Twice: this test history lists j05 twice; the live history never holds an id twice.)
    assert_eq!(shown, ["j05", "j05"]);
}
