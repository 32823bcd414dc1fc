//! Fuzzes everything that reads text from the network: job and refresh answers, job lists (as a
//! value and straight from the text), error envelopes, token answers, `config.json`, timestamps
//! and `Retry-After`, then derives what the UI shows from whatever parsed (status, duration,
//! failing step, playbook, filters). Any panic is a crash. Seeded from the shared fixtures by
//! `scripts/fuzz.sh`.
#![no_main]

use basiq_job_history::api::answer::{parse_retry_after, parse_token_answer};
use basiq_job_history::config::language::choices;
use basiq_job_history::config::{parse_config, split_job_ids};
use basiq_job_history::domain::time::{
    format_date, format_duration, job_duration, parse_timestamp,
};
use basiq_job_history::domain::{
    ApiError, BasiqError, GroupBy, Job, JobPage, ParseError, StatusCounts, connection_health,
    derive_status, failure_groups, failure_streaks, parse_institution, parse_job, parse_job_list,
    parse_job_list_text, parse_job_references, parse_json, playbook, read_saved_file,
    sort_newest_first, step_title, summarize,
};
use basiq_job_history::url::filter_from_query;
use chrono::{DateTime, FixedOffset, Utc};
use libfuzzer_sys::fuzz_target;

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_739_360_000, 0).expect("a fixed instant")
}

/// Everything a card and the detail derive from one job.
fn derive(job: &Job) {
    let status = derive_status(job);
    if let Some(span) = job_duration(job, status, now()) {
        assert!(span.num_milliseconds() >= 0, "negative duration");
        for (locale, _) in choices() {
            let _ = format_duration(span, locale);
        }
    }
    if let Some(at) = job.created_at() {
        for (locale, _) in choices() {
            let _ = format_date(
                at,
                FixedOffset::east_opt(11 * 3600).expect("offset"),
                locale,
            );
        }
    }
    for step in &job.steps {
        for (locale, _) in choices() {
            assert!(!step.status.label(locale).is_empty());
            assert!(!step_title(&step.title, locale).is_empty());
        }
    }
    let _ = (
        job.failing_step(),
        job.connection_id(),
        job.user_id(),
        job.kind.label(),
    );
    if let Some(error) = job.failure() {
        for (locale, _) in choices() {
            let _ = playbook::advice(error, locale);
        }
    }
}

/// Every refusal and every item left out is worded in every language.
fn word(refused: Option<&ParseError>, page: Option<&JobPage>) {
    for (locale, _) in choices() {
        if let Some(error) = refused {
            assert!(!error.words(locale).is_empty());
        }
        for problem in page.iter().flat_map(|page| &page.problems) {
            assert!(!problem.words(locale).is_empty());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(fault) = parse_token_answer(text) {
        for (locale, _) in choices() {
            let _ = fault.words(locale);
        }
    }
    match read_saved_file(text, "fuzz.json") {
        Ok(saved) => {
            for (locale, _) in choices() {
                saved
                    .problems
                    .iter()
                    .for_each(|p| assert!(!p.words(locale).is_empty()));
            }
        }
        Err(error) => {
            for (locale, _) in choices() {
                assert!(!error.words(locale).is_empty());
            }
        }
    }
    if let Err(error) = parse_config(text) {
        for (locale, _) in choices() {
            let _ = error.words(locale);
        }
    }
    let _ = split_job_ids(text);
    let _ = BasiqError::from_body(text);
    let error = ApiError::from_response(400 + (data.len() % 200) as u16, text, None);
    for (locale, _) in choices() {
        let _ = error.words(locale);
    }
    let _ = error.is_retryable();
    let _ = parse_timestamp(text);
    let _ = parse_retry_after(text, now());
    let filter = filter_from_query(
        text.split('&').filter_map(|pair| pair.split_once('=')),
        FixedOffset::east_opt(0).expect("offset"),
        now(),
    );
    match parse_job_list_text(text) {
        Ok(page) => {
            page.jobs.iter().for_each(derive);
            word(None, Some(&page));
        }
        Err(error) => word(Some(&error), None),
    }
    let value = match parse_json(text) {
        Ok(value) => value,
        Err(error) => return word(Some(&error), None),
    };
    word(parse_job_references(&value).err().as_ref(), None);
    // An institution: whatever it holds, what the views show of it is never empty.
    let asked = value
        .get("id")
        .and_then(|id| id.as_str())
        .unwrap_or("AU00000");
    if let Ok(bank) = parse_institution(&value, asked) {
        assert!(!bank.name_or_id().is_empty() || asked.is_empty());
        assert!(!bank.description().is_empty() || asked.is_empty());
        for (locale, _) in choices() {
            let _ = bank.notice(locale);
        }
    }
    match parse_job(&value) {
        Ok(job) => derive(&job),
        Err(error) => word(Some(&error), None),
    }
    if let Ok(mut page) = parse_job_list(&value) {
        word(None, Some(&page));
        page.jobs.iter().for_each(derive);
        sort_newest_first(&mut page.jobs);
        let counts = StatusCounts::of(&page.jobs);
        assert_eq!(counts.total(), page.jobs.len());
        let unfiltered = StatusCounts::of(filter.ignoring_status(&page.jobs)).total();
        assert!(filter.matching(&page.jobs).count() <= unfiltered);
        // Triage over any list: every failed job in exactly one group, and nothing breaks.
        for by in GroupBy::ALL {
            let groups = failure_groups(&page.jobs, by);
            assert_eq!(groups.total, counts.failed);
            assert_eq!(
                groups.groups.iter().map(|g| g.count).sum::<usize>(),
                groups.total
            );
        }
        let health = connection_health(&page.jobs);
        let rows: usize = health.rows.iter().map(|r| r.recent.len()).sum();
        assert!(rows + health.without_connection <= page.jobs.len());
        let _ = failure_streaks(&page.jobs);
        assert_eq!(summarize(&page.jobs, now()).counts, counts);
    }
});
