//! Tolerant parsing of one Basiq job (API.md §11): unknown fields are ignored, unknown
//! statuses, titles and codes are kept. Lists of jobs build on it in [`super::parse_list`].

use super::job::{Job, JobKind, JobSource, Stamp};
use super::step::{Step, StepResult, StepStatus};
use super::time::parse_timestamp;
use crate::i18n::{Locale, td_string};
use serde_json::{Map, Value};
use std::fmt;
use std::sync::Arc;

/// What kind of JSON value stood where another was expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl JsonKind {
    /// The kind of `value`.
    pub fn of(value: &Value) -> Self {
        match value {
            Value::Null => Self::Null,
            Value::Bool(_) => Self::Boolean,
            Value::Number(_) => Self::Number,
            Value::String(_) => Self::String,
            Value::Array(_) => Self::Array,
            Value::Object(_) => Self::Object,
        }
    }

    /// The kind in `locale`'s words, with its article: "an object", "un objet".
    pub fn words(self, locale: Locale) -> &'static str {
        match self {
            Self::Null => td_string!(locale, parse.null),
            Self::Boolean => td_string!(locale, parse.boolean),
            Self::Number => td_string!(locale, parse.number),
            Self::String => td_string!(locale, parse.string),
            Self::Array => td_string!(locale, parse.array),
            Self::Object => td_string!(locale, parse.object),
        }
    }
}

/// The part of a payload that a [`ParseError`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The job object.
    Job,
    /// The job list (`{"type":"list","data":[…]}`).
    List,
    /// The institution object.
    Institution,
    /// A job's `id` (or a reference's).
    Id,
    /// A job's `steps`.
    Steps,
    /// A list's `data`.
    Data,
    /// One step, from 0.
    Step(usize),
    /// One job reference of a refresh answer, from 0.
    Reference(usize),
}

impl Part {
    /// The part in `locale`'s words: "the job", "step 2", "`id`".
    pub fn words(self, locale: Locale) -> String {
        match self {
            Self::Job => td_string!(locale, parse.the_job).to_owned(),
            Self::List => td_string!(locale, parse.the_list).to_owned(),
            Self::Institution => td_string!(locale, parse.the_institution).to_owned(),
            Self::Id => "`id`".to_owned(),
            Self::Steps => "`steps`".to_owned(),
            Self::Data => "`data`".to_owned(),
            Self::Step(index) => td_string!(locale, parse.the_step, n = index + 1),
            Self::Reference(index) => td_string!(locale, parse.the_reference, n = index + 1),
        }
    }
}

/// Why a payload or one job in it could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// The body is empty.
    Empty,
    /// The body is not JSON (serde's words, as it gives them).
    NotJson(String),
    /// One item of a list is not JSON (serde's words).
    ItemNotJson(String),
    /// A required field is missing or null.
    Missing(Part),
    /// The id is an empty string.
    EmptyId,
    /// A part is of the wrong kind.
    Wrong {
        /// Which part.
        part: Part,
        /// What it is.
        found: JsonKind,
        /// What it should be.
        expected: JsonKind,
    },
    /// One reference of a refresh answer is unusable.
    InReference(usize, Box<ParseError>),
    /// The institution answered is not the one asked for.
    OtherInstitution {
        /// The id asked for.
        asked: String,
        /// The id the answer names.
        answered: String,
    },
    /// A list's `links.next` points outside the job list.
    ForeignNext,
    /// A refresh answer names no job.
    NoJob,
}

impl ParseError {
    /// What is wrong, in `locale` (serde's own words inside, as it gives them).
    pub fn words(&self, locale: Locale) -> String {
        match self {
            Self::Empty => td_string!(locale, parse.empty).to_owned(),
            Self::NotJson(why) => td_string!(locale, parse.not_json, why),
            Self::ItemNotJson(why) => td_string!(locale, parse.item_not_json, why),
            Self::Missing(part) => td_string!(locale, parse.missing, part = part.words(locale)),
            Self::EmptyId => td_string!(locale, parse.empty_id).to_owned(),
            Self::Wrong {
                part,
                found,
                expected,
            } => td_string!(
                locale,
                parse.wrong,
                part = part.words(locale),
                found = found.words(locale),
                expected = expected.words(locale)
            ),
            Self::InReference(index, why) => td_string!(
                locale,
                parse.in_reference,
                n = index + 1,
                why = why.words(locale)
            ),
            Self::OtherInstitution { asked, answered } => {
                td_string!(locale, parse.other_institution, asked, answered)
            }
            Self::ForeignNext => td_string!(locale, parse.foreign_next).to_owned(),
            Self::NoJob => td_string!(locale, parse.no_job).to_owned(),
        }
    }

    /// `part` is `found`, where `expected` belongs.
    pub(super) fn wrong(part: Part, found: &Value, expected: JsonKind) -> Self {
        Self::Wrong {
            part,
            found: JsonKind::of(found),
            expected,
        }
    }
}

/// In English, for logs and tests; the views use [`ParseError::words`].
impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Locale::en))
    }
}

impl std::error::Error for ParseError {}

/// Parses response text as JSON, with a message that says where it broke.
pub fn parse_json(body: &str) -> Result<Value, ParseError> {
    if body.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    serde_json::from_str(body).map_err(|e| ParseError::NotJson(e.to_string()))
}

pub(super) fn string_field(object: &Map<String, Value>, key: &str) -> Option<String> {
    object.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn stamp(object: &Map<String, Value>, key: &str, alias: &str) -> Option<Stamp> {
    let raw = string_field(object, key).or_else(|| string_field(object, alias))?;
    let at = parse_timestamp(&raw);
    Some(Stamp { raw, at })
}

fn parse_id(object: &Map<String, Value>) -> Result<String, ParseError> {
    match object.get("id") {
        Some(Value::String(id)) if !id.trim().is_empty() => Ok(id.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(Value::String(_)) => Err(ParseError::EmptyId),
        None => Err(ParseError::Missing(Part::Id)),
        Some(other) => Err(ParseError::wrong(Part::Id, other, JsonKind::String)),
    }
}

fn parse_step(index: usize, value: &Value) -> Result<Step, ParseError> {
    let object = value
        .as_object()
        .ok_or_else(|| ParseError::wrong(Part::Step(index), value, JsonKind::Object))?;
    let title = match object.get("title") {
        Some(Value::String(title)) => title.clone(),
        None | Some(Value::Null) => String::new(),
        Some(other) => other.to_string(),
    };
    let status = match object.get("status") {
        Some(Value::String(status)) => StepStatus::from_raw(status),
        None | Some(Value::Null) => StepStatus::Other(String::new()),
        Some(other) => StepStatus::Other(other.to_string()),
    };
    let result = object
        .get("result")
        .map_or(StepResult::None, StepResult::from_value);
    Ok(Step {
        title,
        status,
        result,
    })
}

fn job_kind(object: &Map<String, Value>, source: Option<&JobSource>, steps: &[Step]) -> JobKind {
    match object.get("jobType").and_then(Value::as_str) {
        Some("connection") => JobKind::Connection,
        Some("report") => JobKind::Report,
        Some("statement") => JobKind::Statement,
        Some(other) => JobKind::Other(other.to_owned()),
        None if steps.iter().any(|s| s.title == "create-report") => JobKind::Report,
        None if source.is_some_and(|s| s.connection_id.is_some()) => JobKind::Connection,
        None => JobKind::Unknown,
    }
}

/// Parses one job object. Fails only when there is no usable `id` or `steps` is not a list of
/// objects; everything else is tolerated.
pub fn parse_job(value: &Value) -> Result<Job, ParseError> {
    parse_job_with_raw(value, || Some(Arc::from(value.to_string())))
}

/// Parses a `GET /jobs/{id}` answer's body. The job keeps that body as its raw text: what the
/// API sent, without parsing it to a value and writing it out again.
pub fn parse_job_text(body: &str) -> Result<Job, ParseError> {
    let value = parse_json(body)?;
    parse_job_with_raw(&value, || Some(Arc::from(body.trim())))
}

/// [`parse_job`], with the raw text to keep given (none for a list item).
pub(super) fn parse_job_with_raw(
    value: &Value,
    raw: impl FnOnce() -> Option<Arc<str>>,
) -> Result<Job, ParseError> {
    let object = value
        .as_object()
        .ok_or_else(|| ParseError::wrong(Part::Job, value, JsonKind::Object))?;
    let id = parse_id(object)?;
    let steps = match object.get("steps") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, step)| parse_step(i, step))
            .collect::<Result<Vec<_>, _>>()?,
        None | Some(Value::Null) => return Err(ParseError::Missing(Part::Steps)),
        Some(other) => return Err(ParseError::wrong(Part::Steps, other, JsonKind::Array)),
    };
    let links = object.get("links").and_then(Value::as_object);
    let source = links
        .and_then(|l| string_field(l, "source"))
        .map(|url| JobSource::from_url(&url));
    let institution_id = match object.get("institution") {
        Some(Value::Object(inst)) => string_field(inst, "id"),
        Some(Value::String(id)) => Some(id.clone()),
        _ => None,
    };
    Ok(Job {
        kind: job_kind(object, source.as_ref(), &steps),
        created: stamp(object, "created", "createdDate"),
        updated: stamp(object, "updated", "updatedDate"),
        institution_id,
        source,
        job_status: string_field(object, "status"),
        steps,
        raw: raw(),
        id,
    })
}

/// Reads the job ids from a job reference (`{"type":"job","id":…}`, the answer to a refresh) or
/// a list of them (`{"type":"list","data":[…]}`, refresh-all). Key on `id`, never `links.self`.
pub fn parse_job_references(value: &Value) -> Result<Vec<String>, ParseError> {
    let items = match value.get("data") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(other) => return Err(ParseError::wrong(Part::Data, other, JsonKind::Array)),
        None => vec![value],
    };
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let object = item
                .as_object()
                .ok_or_else(|| ParseError::wrong(Part::Reference(index), item, JsonKind::Object))?;
            parse_id(object).map_err(|why| ParseError::InReference(index, Box::new(why)))
        })
        .collect()
}
