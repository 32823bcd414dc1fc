//! The card-status rule (API.md §6) and the derived facts of fixtures/README.md, asserted over
//! every shared job fixture. A job fixture added without an expectation here fails the test.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/fixtures.rs"]
mod fixtures;

use basiq_job_history::domain::time::{format_date, format_duration, job_duration};
use basiq_job_history::domain::{
    CardStatus, Job, StatusCounts, StepResult, StepStatus, derive_status, parse_job,
    parse_job_list, sort_newest_first,
};
use basiq_job_history::i18n::Locale;
use chrono::{DateTime, FixedOffset, Utc};

/// What fixtures/README.md says a client must derive from one job.
struct Expected {
    file: &'static str,
    status: CardStatus,
    /// The first failed step's title and code.
    failure: Option<(&'static str, &'static str)>,
    /// The first 8 characters of the connection id.
    conn: Option<&'static str>,
    date: &'static str,
    /// Seconds from created to updated, for settled jobs.
    seconds: Option<i64>,
}

const fn e(
    file: &'static str,
    status: CardStatus,
    failure: Option<(&'static str, &'static str)>,
    conn: Option<&'static str>,
    date: &'static str,
    seconds: Option<i64>,
) -> Expected {
    Expected {
        file,
        status,
        failure,
        conn,
        date,
        seconds,
    }
}

use CardStatus::{Failed, Pending, Success};

const EXPECTED: &[Expected] = &[
    e(
        "job-pending-in-progress.json",
        Pending,
        None,
        None,
        "11 Feb 2025, 03:27",
        None,
    ),
    e(
        "job-success.json",
        Success,
        None,
        Some("e017ae98"),
        "12 Feb 2025, 22:41",
        Some(19),
    ),
    e(
        "job-failed-invalid-credentials.json",
        Failed,
        Some(("verify-credentials", "invalid-credentials")),
        Some("8f1ac9cd"),
        "18 Nov 2024, 06:12",
        Some(12),
    ),
    e(
        "job-failed-service-unavailable.json",
        Failed,
        Some(("retrieve-transactions", "service-unavailable")),
        Some("4ca35eda"),
        "10 Dec 2024, 04:33",
        Some(53),
    ),
    e(
        "job-failed-user-action-required.json",
        Failed,
        Some((
            "retrieve-accounts",
            "account-not-accessible-requires-user-action",
        )),
        Some("288f67a9"),
        "21 Jan 2025, 11:08",
        Some(21),
    ),
    e(
        "job-failed-authorization-failed.json",
        Failed,
        Some(("verify-credentials", "authorization-failed")),
        Some("e2a99b8e"),
        "27 Jan 2025, 09:50",
        Some(77),
    ),
    e(
        "job-mfa-challenge.json",
        Pending,
        None,
        Some("a610929b"),
        "18 Feb 2025, 13:20",
        None,
    ),
    e(
        "job-report-success.json",
        Success,
        None,
        None,
        "10 Mar 2025, 02:14",
        Some(21),
    ),
    e(
        "job-legacy-array-result.json",
        Success,
        None,
        Some("b77ed3a4"),
        "25 Nov 2024, 10:41",
        Some(26),
    ),
    e(
        "job-unknown-fields.json",
        Failed,
        Some(("retrieve-transactions", "upstream-session-conflict")),
        Some("5096ea4f"),
        "24 Feb 2025, 16:02",
        Some(95),
    ),
];

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap()
}

fn check(job: &Job, want: &Expected, now: DateTime<Utc>) {
    let name = want.file;
    let status = derive_status(job);
    assert_eq!(status, want.status, "{name}: status");
    let failure = job.failing_step().map(|(_, step)| step.title.as_str());
    let code = job.failure().map(|error| error.code.as_str());
    assert_eq!(
        failure.zip(code),
        want.failure,
        "{name}: failing step and code"
    );
    assert_eq!(
        job.connection_id().map(|c| &c[..8]),
        want.conn,
        "{name}: connection"
    );
    let created = job
        .created_at()
        .unwrap_or_else(|| panic!("{name}: created unreadable"));
    assert_eq!(
        format_date(created, utc(), Locale::en),
        want.date,
        "{name}: date"
    );
    let duration = job_duration(job, status, now).map(|d| d.num_seconds());
    match want.seconds {
        Some(seconds) => assert_eq!(duration, Some(seconds), "{name}: duration"),
        None => assert_eq!(
            duration,
            Some((now - created).num_seconds()),
            "{name}: elapsed"
        ),
    }
}

#[test]
fn every_job_fixture_derives_what_the_readme_says() {
    let now = DateTime::parse_from_rfc3339("2025-03-20T00:00:00Z")
        .unwrap()
        .to_utc();
    let mut listed: Vec<String> = EXPECTED.iter().map(|want| want.file.to_owned()).collect();
    listed.sort();
    assert_eq!(
        fixtures::names("job-"),
        listed,
        "every job fixture has an expectation"
    );
    for want in EXPECTED {
        let job =
            parse_job(&fixtures::json(want.file)).unwrap_or_else(|e| panic!("{}: {e}", want.file));
        check(&job, want, now);
    }
}

#[test]
fn failed_job_is_failed_despite_pending_later_steps() {
    let job = parse_job(&fixtures::json("job-failed-invalid-credentials.json")).unwrap();
    assert!(
        job.steps[1..]
            .iter()
            .all(|s| s.status == StepStatus::Pending)
    );
    assert_eq!(derive_status(&job), Failed);
}

#[test]
fn unknown_step_title_and_status_are_kept_raw() {
    let job = parse_job(&fixtures::json("job-unknown-fields.json")).unwrap();
    let step = &job.steps[2];
    assert_eq!(step.title, "retrieve-account-holders");
    assert_eq!(step.status, StepStatus::Other("skipped".into()));
    let error = job.failure().unwrap();
    assert_eq!(error.title.as_deref(), Some("Institution session conflict"));
    assert!(
        error
            .message()
            .starts_with("The institution ended the session")
    );
}

#[test]
fn legacy_ids_and_array_results_are_normalised() {
    let job = parse_job(&fixtures::json("job-legacy-array-result.json")).unwrap();
    assert_eq!(job.id, "84317");
    assert!(
        job.steps
            .iter()
            .all(|s| matches!(s.result, StepResult::Link(_)))
    );
}

#[test]
fn mfa_step_carries_its_prompt() {
    let job = parse_job(&fixtures::json("job-mfa-challenge.json")).unwrap();
    let (mfa_step, prompt) = job
        .steps
        .iter()
        .find_map(|s| match &s.result {
            StepResult::Mfa(prompt) => Some((s, prompt)),
            _ => None,
        })
        .expect("an MFA step");
    assert_eq!(mfa_step.title, "mfa-challenge");
    assert_eq!(mfa_step.status, StepStatus::InProgress);
    assert_eq!(prompt.method.as_deref(), Some("token"));
    assert_eq!(prompt.inputs, ["One-time code"]);
    assert_eq!(prompt.expiry_ms, Some(120_000));
    assert!(prompt.response_url.as_deref().unwrap().ends_with("/mfa"));
}

#[test]
fn connection_list_sorts_and_counts_as_the_readme_says() {
    let page = parse_job_list(&fixtures::json("jobs-list-connection.json")).unwrap();
    assert!(page.problems.is_empty(), "{:?}", page.problems);
    let mut jobs = page.jobs;
    assert!(
        jobs.iter()
            .all(|j| j.connection_id().unwrap().starts_with("20c7663a"))
    );
    let counts = StatusCounts::of(&jobs);
    assert_eq!((counts.success, counts.failed, counts.pending), (3, 2, 1));
    sort_newest_first(&mut jobs);
    let rows: Vec<(String, CardStatus, String)> = jobs
        .iter()
        .map(|j| {
            (
                j.id[..8].to_owned(),
                derive_status(j),
                format_date(j.created_at().unwrap(), utc(), Locale::en),
            )
        })
        .collect();
    let want = [
        ("395087d2", Pending, "15 Mar 2025, 08:02"),
        ("51b9916c", Success, "14 Mar 2025, 21:47"),
        ("ae18ca40", Failed, "13 Mar 2025, 10:05"),
        ("a4783945", Failed, "12 Mar 2025, 23:30"),
        ("bb6561cb", Success, "11 Mar 2025, 04:33"),
        ("82b8716a", Success, "10 Mar 2025, 19:15"),
    ];
    let want: Vec<(String, CardStatus, String)> = want
        .iter()
        .map(|(id, s, d)| (id.to_string(), *s, d.to_string()))
        .collect();
    assert_eq!(rows, want);
    let durations: Vec<Option<String>> = jobs
        .iter()
        .filter(|j| derive_status(j).is_settled())
        .map(|j| {
            job_duration(j, derive_status(j), DateTime::<Utc>::MIN_UTC)
                .map(|d| format_duration(d, Locale::en))
        })
        .collect();
    let want: Vec<Option<String>> = [
        Some("22 s"),
        Some("38 s"),
        Some("12 s"),
        Some("26 s"),
        Some("22 s"),
    ]
    .iter()
    .map(|d| d.map(str::to_owned))
    .collect();
    assert_eq!(durations, want);
}

#[test]
fn empty_list_is_not_an_error() {
    let page = parse_job_list(&fixtures::json("jobs-list-empty.json")).unwrap();
    assert!(page.jobs.is_empty() && page.problems.is_empty());
}

#[test]
fn step_statuses_are_worded_in_each_language_and_unknown_ones_as_sent() {
    let parse = StepStatus::from_raw;
    assert_eq!(parse("in-progress").label(Locale::en), "in-progress");
    assert_eq!(parse("in-progress").label(Locale::fr), "en cours");
    assert_eq!(parse("success").label(Locale::fr), "réussie");
    assert_eq!(parse("failed").label(Locale::fr), "échouée");
    assert_eq!(parse("pending").label(Locale::fr), "en attente");
    assert_eq!(parse("paused-by-bank").label(Locale::fr), "paused-by-bank");
}
