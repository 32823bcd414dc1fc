//! Tolerant parsing of one Basiq job (API.md §11): unknown fields are ignored, unknown
//! statuses, titles and codes are kept. Lists of jobs build on it in [`super::parse_list`].

use super::job::{Job, JobKind, JobSource, Stamp};
use super::step::{Step, StepResult, StepStatus};
use super::time::parse_timestamp;
use serde_json::{Map, Value};
use std::fmt;
use std::sync::Arc;

/// Why a payload or one job in it could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError(pub String);

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParseError {}

/// Parses response text as JSON, with a message that says where it broke.
pub fn parse_json(body: &str) -> Result<Value, ParseError> {
    if body.trim().is_empty() {
        return Err(ParseError("the response body is empty".into()));
    }
    serde_json::from_str(body)
        .map_err(|e| ParseError(format!("the response is not valid JSON ({e})")))
}

pub(super) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
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
        Some(Value::String(_)) => Err(ParseError("`id` is empty".into())),
        Some(other) => Err(ParseError(format!(
            "`id` is {}, expected a string",
            type_name(other)
        ))),
        None => Err(ParseError("`id` is missing".into())),
    }
}

fn parse_step(index: usize, value: &Value) -> Result<Step, ParseError> {
    let object = value.as_object().ok_or_else(|| {
        ParseError(format!(
            "step {} is {}, expected an object",
            index + 1,
            type_name(value)
        ))
    })?;
    let title = match object.get("title") {
        Some(Value::String(title)) => title.clone(),
        None | Some(Value::Null) => "(untitled step)".to_owned(),
        Some(other) => format!("(title is {})", type_name(other)),
    };
    let status = match object.get("status") {
        Some(Value::String(status)) => StepStatus::from_raw(status),
        None | Some(Value::Null) => StepStatus::Other("(no status)".into()),
        Some(other) => StepStatus::Other(format!("(status is {})", type_name(other))),
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
    let object = value.as_object().ok_or_else(|| {
        ParseError(format!(
            "the job is {}, expected an object",
            type_name(value)
        ))
    })?;
    let id = parse_id(object)?;
    let steps = match object.get("steps") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, step)| parse_step(i, step))
            .collect::<Result<Vec<_>, _>>()?,
        None | Some(Value::Null) => return Err(ParseError("`steps` is missing".into())),
        Some(other) => {
            return Err(ParseError(format!(
                "`steps` is {}, expected an array",
                type_name(other)
            )));
        }
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
        Some(other) => {
            return Err(ParseError(format!(
                "`data` is {}, expected an array",
                type_name(other)
            )));
        }
        None => vec![value],
    };
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let object = item.as_object().ok_or_else(|| {
                ParseError(format!(
                    "reference {} is {}, expected an object",
                    index + 1,
                    type_name(item)
                ))
            })?;
            parse_id(object)
                .map_err(|ParseError(e)| ParseError(format!("reference {}: {e}", index + 1)))
        })
        .collect()
}
