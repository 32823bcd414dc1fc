//! Job steps and the shapes a step `result` can take (API.md §5).

use crate::i18n::{Locale, td_string};
use serde_json::Value;
use std::sync::Arc;

/// The status of one step. Unknown values are kept verbatim in [`StepStatus::Other`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepStatus {
    /// Queued, or never run because an earlier step failed.
    Pending,
    /// Running now.
    InProgress,
    /// Finished well.
    Success,
    /// Finished with an error.
    Failed,
    /// A status this app does not know, shown raw.
    Other(String),
}

impl StepStatus {
    /// Reads a raw status string; anything unknown is kept as [`StepStatus::Other`].
    pub fn from_raw(raw: &str) -> Self {
        match raw {
            "pending" => Self::Pending,
            "in-progress" => Self::InProgress,
            "success" => Self::Success,
            "failed" => Self::Failed,
            other => Self::Other(other.to_owned()),
        }
    }

    /// The status as Basiq spells it (or the raw unknown text).
    pub fn as_str(&self) -> &str {
        match self {
            Self::Pending => "pending",
            Self::InProgress => "in-progress",
            Self::Success => "success",
            Self::Failed => "failed",
            Self::Other(raw) => raw,
        }
    }

    /// The status in `locale`'s words; a status this app does not know, as Basiq sent it
    /// ("(no status)" when it sent none).
    pub fn label(&self, locale: Locale) -> &str {
        match self {
            Self::Pending => td_string!(locale, step.pending),
            Self::InProgress => td_string!(locale, step.in_progress),
            Self::Success => td_string!(locale, step.success),
            Self::Failed => td_string!(locale, step.failed),
            Self::Other(raw) if raw.trim().is_empty() => td_string!(locale, parse.no_status),
            Self::Other(raw) => raw,
        }
    }

    /// A CSS modifier for this status; unknown statuses share one look.
    pub fn css_modifier(&self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::InProgress => "in-progress",
            Self::Success => "success",
            Self::Failed => "failed",
            Self::Other(_) => "unknown",
        }
    }

    /// A text symbol that carries the status without colour (✓ ✗ ◐ ○ ?).
    pub fn symbol(&self) -> &'static str {
        match self {
            Self::Pending => "○",
            Self::InProgress => "◐",
            Self::Success => "✓",
            Self::Failed => "✗",
            Self::Other(_) => "?",
        }
    }
}

/// A successful step's link to the data it produced (a relative API path).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkResult {
    /// `link` or `report`.
    pub kind: String,
    /// The path or URL, as given.
    pub url: String,
}

/// A failed step's error (API.md §5.2 item 3).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StepError {
    /// The error code, an open string.
    pub code: String,
    /// The short title, if any.
    pub title: Option<String>,
    /// `detail`, falling back to `details`.
    pub detail: Option<String>,
}

impl StepError {
    /// The text to show: the detail, else the title, else the code.
    pub fn message(&self) -> &str {
        self.detail
            .as_deref()
            .filter(|d| !d.trim().is_empty())
            .or(self.title.as_deref().filter(|t| !t.trim().is_empty()))
            .unwrap_or(&self.code)
    }
}

/// A step waiting for the end user to answer a multi-factor challenge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MfaPrompt {
    /// `token`, `security-questions`, or anything else Basiq sends.
    pub method: Option<String>,
    /// What the bank asks for.
    pub description: Option<String>,
    /// One prompt per expected answer.
    pub inputs: Vec<String>,
    /// How long the challenge stays open, in milliseconds.
    pub expiry_ms: Option<u64>,
    /// Where the answer is posted.
    pub response_url: Option<String>,
}

/// What a step produced, classified as API.md §5.2 says.
#[derive(Clone, Debug, PartialEq)]
pub enum StepResult {
    /// `null`, absent, or an empty legacy array.
    None,
    /// A link to produced data.
    Link(LinkResult),
    /// An error (has a `code`).
    Error(StepError),
    /// An MFA challenge.
    Mfa(MfaPrompt),
    /// Any other shape, kept as raw JSON.
    Other(Arc<Value>),
}

/// One step of a job.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The step title, an open string (`verify-credentials`, ...); empty when Basiq sent none,
    /// and the JSON text of a title that is not a string.
    pub title: String,
    /// The step status.
    pub status: StepStatus,
    /// What the step produced.
    pub result: StepResult,
}

/// A step's title as Basiq sent it, or "(untitled step)" in `locale` when it sent none.
pub fn step_title(title: &str, locale: Locale) -> &str {
    if title.trim().is_empty() {
        td_string!(locale, parse.untitled)
    } else {
        title
    }
}

fn text(value: &Value, key: &str) -> Option<String> {
    match value.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

impl StepResult {
    /// Classifies a raw `result`: a `code` makes an error, `type` link/report a link, `type` mfa
    /// an MFA prompt; a legacy array is reduced to its first element with a `code`, else its
    /// first element. Never fails.
    pub fn from_value(value: &Value) -> Self {
        match value {
            Value::Null => Self::None,
            Value::Array(items) => items
                .iter()
                .find(|item| item.get("code").is_some())
                .or_else(|| items.first())
                .map_or(Self::None, Self::from_value),
            Value::Object(_) => Self::from_object(value),
            other => Self::Other(Arc::new(other.clone())),
        }
    }

    fn from_object(value: &Value) -> Self {
        if let Some(code) = text(value, "code") {
            return Self::Error(StepError {
                code,
                title: text(value, "title"),
                detail: text(value, "detail").or_else(|| text(value, "details")),
            });
        }
        match value.get("type").and_then(Value::as_str) {
            Some(kind @ ("link" | "report")) => match text(value, "url") {
                Some(url) => Self::Link(LinkResult {
                    kind: kind.to_owned(),
                    url,
                }),
                None => Self::Other(Arc::new(value.clone())),
            },
            Some("mfa") => Self::Mfa(MfaPrompt {
                method: text(value, "method"),
                description: text(value, "description"),
                inputs: value
                    .get("input")
                    .and_then(Value::as_array)
                    .map(|list| {
                        list.iter()
                            .filter_map(|v| v.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default(),
                expiry_ms: value.get("expiryMs").and_then(Value::as_u64),
                response_url: value.get("links").and_then(|links| text(links, "response")),
            }),
            _ => Self::Other(Arc::new(value.clone())),
        }
    }
}
