//! Property tests: no JSON, however strange, panics the parser or anything derived from a job.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/fixtures.rs"]
mod fixtures;

use basiq_job_history::domain::playbook::advice;
use basiq_job_history::domain::time::job_duration;
use basiq_job_history::domain::{
    ApiError, JobFilter, StatusCounts, derive_status, parse_job, parse_job_list,
    parse_job_references, parse_json,
};
use basiq_job_history::i18n::Locale;
use chrono::DateTime;
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Any JSON value, a few levels deep, biased towards the keys and words Basiq uses.
fn json() -> impl Strategy<Value = Value> {
    let word = prop_oneof![
        Just("pending".to_owned()),
        Just("in-progress".to_owned()),
        Just("success".to_owned()),
        Just("failed".to_owned()),
        Just("2025-03-14T21:47:30Z".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        ".{0,12}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        word.prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        let key = prop_oneof![
            Just("id".to_owned()),
            Just("steps".to_owned()),
            Just("status".to_owned()),
            Just("title".to_owned()),
            Just("result".to_owned()),
            Just("code".to_owned()),
            Just("type".to_owned()),
            Just("data".to_owned()),
            Just("created".to_owned()),
            Just("updated".to_owned()),
            Just("links".to_owned()),
            Just("source".to_owned()),
            "[a-z]{1,6}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Everything the app derives from a payload, exercised once.
fn exercise(value: &Value) {
    let now = DateTime::from_timestamp(1_750_000_000, 0).unwrap();
    let _ = parse_job_references(value);
    let mut jobs = parse_job_list(value)
        .map(|page| page.jobs)
        .unwrap_or_default();
    jobs.extend(parse_job(value));
    for job in &jobs {
        let status = derive_status(job);
        let _ = job_duration(job, status, now);
        if let Some(error) = job.failure() {
            let _ = advice(error, Locale::en);
            let _ = error.message();
        }
    }
    let _ = StatusCounts::of(&jobs);
    let filter = JobFilter {
        query: "a".into(),
        ..JobFilter::default()
    };
    let _ = (
        filter.matching(&jobs).count(),
        StatusCounts::of(filter.ignoring_status(&jobs)),
    );
    let text = value.to_string();
    let _ = ApiError::from_response(503, &text, None).to_string();
}

/// Replaces the node at a pseudo-random path in `value` with `replacement`.
fn mutate(value: &mut Value, mut choice: u64, replacement: Value) {
    let children = match value {
        Value::Array(items) if !items.is_empty() => items.len(),
        Value::Object(map) if !map.is_empty() => map.len(),
        _ => 0,
    };
    if children == 0 || choice.is_multiple_of(4) {
        *value = replacement;
        return;
    }
    let index = (choice / 4) as usize % children;
    choice /= 4 * children as u64 + 1;
    match value {
        Value::Array(items) => mutate(&mut items[index], choice, replacement),
        Value::Object(map) => {
            if choice.is_multiple_of(5) {
                let key = map.keys().nth(index).cloned().unwrap_or_default();
                map.remove(&key);
            } else if let Some(child) = map.values_mut().nth(index) {
                mutate(child, choice, replacement);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics(value in json()) {
        exercise(&value);
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        if let Ok(value) = parse_json(&text) {
            exercise(&value);
        }
    }

    #[test]
    fn mutated_fixtures_never_panic(file in 0usize..64, choice in any::<u64>(), replacement in json()) {
        let names: Vec<String> = fixtures::names("");
        let mut value = fixtures::json(&names[file % names.len()]);
        mutate(&mut value, choice, replacement);
        exercise(&value);
    }
}
