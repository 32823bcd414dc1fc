//! Fuzzes everything that reads text from the network: job and refresh answers, job lists (as a
//! value and straight from the text), error envelopes, token answers, `config.json`, timestamps
//! and `Retry-After`, then derives what the UI shows from whatever parsed (status, duration,
//! failing step, playbook, filters). Any panic is a crash. Seeded from the shared fixtures by
//! `scripts/fuzz.sh`.
#![no_main]

use basiq_job_history::api::answer::{parse_retry_after, parse_token_answer};
use basiq_job_history::api::error::{ApiError, BasiqError};
use basiq_job_history::config::language::choices;
use basiq_job_history::config::{parse_config, split_job_ids};
use basiq_job_history::domain::time::{
    format_date, format_duration, job_duration, parse_timestamp,
};
use basiq_job_history::domain::{
    GroupBy, Job, StatusCounts, connection_health, derive_status, failure_groups, failure_streaks,
    parse_institution, parse_job, parse_job_list, parse_job_list_text, parse_job_references,
    parse_json, playbook, sort_newest_first, summarize,
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
            let _ = step.status.label(locale);
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

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = parse_token_answer(text);
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
    if let Ok(page) = parse_job_list_text(text) {
        page.jobs.iter().for_each(derive);
    }
    let Ok(value) = parse_json(text) else {
        return;
    };
    let _ = parse_job_references(&value);
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
    if let Ok(job) = parse_job(&value) {
        derive(&job);
    }
    if let Ok(mut page) = parse_job_list(&value) {
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
