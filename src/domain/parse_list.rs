//! Tolerant parsing of job lists (`GET /users/{id}/jobs`): one malformed job in a list never
//! loses the others, and of two items with the same id the one updated last is kept. Lists are
//! read straight from the response text, each item parsed on its own, so a 10,000-job answer never
//! exists as one `Value` tree (several times the text's size, and the wasm memory it grows to is
//! never given back). Anything unusual falls back to [`parse_job_list`], with its specific
//! messages.

use super::api_error::ApiError;
use super::job::Job;
use super::parse::{JsonKind, ParseError, Part, parse_job_with_raw, parse_json, string_field};
use crate::i18n::{Locale, td_string};
use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;
use std::collections::HashMap;
use std::fmt;

/// One list item that was left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemProblem {
    /// Position in `data`, from 0.
    pub index: usize,
    /// The item's id, when it had a usable one.
    pub id: Option<String>,
    /// Why it was left out.
    pub reason: LeftOut,
}

/// Why one item of a list was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeftOut {
    /// It could not be read as a job.
    Unreadable(ParseError),
    /// Another item has its id; the copy updated last is shown.
    Duplicate,
    /// A tracked job the API no longer has (jobs are kept for 7 days).
    NotFound,
    /// A tracked job the API did not give (the error it answered instead).
    Unanswered(ApiError),
}

impl ItemProblem {
    /// The item and why it was left out, in `locale`: "item 3 (job 1a2b…): `steps` is missing".
    pub fn words(&self, locale: Locale) -> String {
        let why = match &self.reason {
            LeftOut::Unreadable(error) => error.words(locale),
            LeftOut::Duplicate => td_string!(locale, parse.duplicate).to_owned(),
            LeftOut::NotFound => td_string!(locale, parse.not_found).to_owned(),
            LeftOut::Unanswered(error) => {
                td_string!(locale, parse.unanswered, why = error.headline(locale))
            }
        };
        let n = self.index + 1;
        match &self.id {
            Some(id) => td_string!(locale, parse.item_of_job, n, id, why),
            None => td_string!(locale, parse.item, n, why),
        }
    }
}

/// In English, for logs and tests; the views use [`ItemProblem::words`].
impl fmt::Display for ItemProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Locale::en))
    }
}

/// The usable content of a `GET /users/{id}/jobs` page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JobPage {
    /// The jobs that parsed, in the order received.
    pub jobs: Vec<Job>,
    /// Items that were left out, each with its reason.
    pub problems: Vec<ItemProblem>,
    /// `links.next`, when the server paginates (undocumented, tolerated).
    pub next: Option<String>,
    /// How many jobs the answer says the whole list holds (`totalCount`, else `size`), when it
    /// says.
    pub reported: Option<usize>,
}

/// The list's own count of its jobs: `totalCount` (other Basiq collections), else `size`.
fn reported_count(total_count: Option<&Value>, size: Option<&Value>) -> Option<usize> {
    total_count
        .and_then(Value::as_u64)
        .or_else(|| size.and_then(Value::as_u64))
        .and_then(|n| usize::try_from(n).ok())
}

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    data: Vec<&'a RawValue>,
    #[serde(default)]
    links: Option<Links>,
    #[serde(default)]
    size: Option<Value>,
    #[serde(default, rename = "totalCount")]
    total_count: Option<Value>,
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
        reported: reported_count(envelope.total_count.as_ref(), envelope.size.as_ref()),
        ..JobPage::default()
    };
    let mut seen = HashMap::new();
    for (index, raw) in envelope.data.iter().enumerate() {
        let value = serde_json::from_str::<Value>(raw.get())
            .map_err(|e| ParseError::ItemNotJson(e.to_string()));
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
fn parse_list_item(value: &Value) -> Result<Job, ParseError> {
    parse_job_with_raw(value, || None)
}

/// Parses a list envelope `{"type":"list","data":[...]}`. Malformed items are reported in
/// [`JobPage::problems`] and the rest kept; of two items with the same id, the one updated last
/// is kept and the other reported.
pub fn parse_job_list(value: &Value) -> Result<JobPage, ParseError> {
    let object = value
        .as_object()
        .ok_or_else(|| ParseError::wrong(Part::List, value, JsonKind::Object))?;
    let items = match object.get("data") {
        Some(Value::Array(items)) => items,
        Some(other) => return Err(ParseError::wrong(Part::Data, other, JsonKind::Array)),
        None => return Err(ParseError::Missing(Part::Data)),
    };
    let mut page = JobPage {
        next: object
            .get("links")
            .and_then(Value::as_object)
            .and_then(|l| string_field(l, "next")),
        reported: reported_count(object.get("totalCount"), object.get("size")),
        ..JobPage::default()
    };
    let mut seen = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        let id = || item.get("id").and_then(Value::as_str).map(str::to_owned);
        add_item(&mut page, &mut seen, index, parse_list_item(item), id);
    }
    Ok(page)
}

/// Adds one list item's outcome to `page`: a job, or a problem naming the item; of two jobs with
/// the same id, the one updated last is kept. `seen` maps ids to their place in `page.jobs`.
pub(super) fn add_item(
    page: &mut JobPage,
    seen: &mut HashMap<String, usize>,
    index: usize,
    parsed: Result<Job, ParseError>,
    id: impl FnOnce() -> Option<String>,
) {
    match parsed {
        Ok(job) => match seen.get(&job.id).copied() {
            Some(kept) => {
                let newer = job.updated_at() > page.jobs[kept].updated_at();
                page.problems.push(ItemProblem {
                    index,
                    id: Some(job.id.clone()),
                    reason: LeftOut::Duplicate,
                });
                if newer {
                    page.jobs[kept] = job;
                }
            }
            None => {
                seen.insert(job.id.clone(), page.jobs.len());
                page.jobs.push(job);
            }
        },
        Err(error) => page.problems.push(ItemProblem {
            index,
            id: id(),
            reason: LeftOut::Unreadable(error),
        }),
    }
}
