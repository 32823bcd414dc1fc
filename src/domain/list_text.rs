//! The job list read straight from the response text. Each item is parsed on its own, so a
//! 10,000-job answer never exists as one `Value` tree (several times the text's size, and the
//! wasm memory it grows to is never given back). Anything unusual falls back to
//! [`parse_job_list`], with its specific messages.

use super::job::Job;
use super::parse::{JobPage, ParseError, add_item, parse_job_list, parse_job_with_raw, parse_json};
use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;
use std::collections::HashMap;

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    data: Vec<&'a RawValue>,
    #[serde(default)]
    links: Option<Links>,
}

#[derive(Deserialize)]
struct Links {
    next: Option<String>,
}

/// Parses a list answer's body, as [`parse_job_list`] does for a parsed value.
pub fn parse_job_list_text(body: &str) -> Result<JobPage, ParseError> {
    let Ok(envelope) = serde_json::from_str::<Envelope>(body) else {
        return parse_json(body).and_then(|value| parse_job_list(&value));
    };
    let mut page = JobPage {
        next: envelope.links.and_then(|links| links.next),
        ..JobPage::default()
    };
    let mut seen = HashMap::new();
    for (index, raw) in envelope.data.iter().enumerate() {
        let value = serde_json::from_str::<Value>(raw.get())
            .map_err(|e| ParseError(format!("item is not valid JSON: {e}")));
        let parsed = value
            .as_ref()
            .map_err(Clone::clone)
            .and_then(parse_list_item);
        let id = || {
            value
                .as_ref()
                .ok()
                .and_then(|v| v.get("id"))
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        add_item(&mut page, &mut seen, index, parsed, id);
    }
    Ok(page)
}

/// Parses one item of a job list: as [`super::parse_job`], keeping no raw text (see
/// [`Job::raw`]).
pub(super) fn parse_list_item(value: &Value) -> Result<Job, ParseError> {
    parse_job_with_raw(value, || None)
}
