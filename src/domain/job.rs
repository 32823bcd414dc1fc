//! The job object (API.md §4), reduced to what the dashboard shows, with the raw JSON kept.

use super::step::{Step, StepError, StepResult, StepStatus};
use chrono::{DateTime, TimeDelta, Utc};
use serde_json::Value;
use std::sync::Arc;

/// A timestamp as received, with its parsed value when it could be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// The text Basiq sent.
    pub raw: String,
    /// The instant, when `raw` is a recognisable date-time.
    pub at: Option<DateTime<Utc>>,
}

/// What started a job, taken from `links.source`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobSource {
    /// The Basiq user id (segment after `/users/`), if present.
    pub user_id: Option<String>,
    /// The connection id (segment after `/connections/`), if present.
    pub connection_id: Option<String>,
}

impl JobSource {
    /// Reads user and connection ids out of a `links.source` URL or path.
    pub fn from_url(url: &str) -> Self {
        let path = url.split(['?', '#']).next().unwrap_or_default();
        let segments: Vec<&str> = path.split('/').collect();
        let after = |name: &str| {
            segments
                .iter()
                .position(|s| *s == name)
                .and_then(|i| segments.get(i + 1))
                .filter(|s| !s.is_empty())
                .map(|s| (*s).to_owned())
        };
        Self {
            user_id: after("users"),
            connection_id: after("connections"),
        }
    }
}

/// The kind of work a job does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobKind {
    /// Connection create or refresh (also consent jobs).
    Connection,
    /// A statement upload.
    Statement,
    /// A report (`POST /reports`), with a job-level status.
    Report,
    /// A `jobType` this app does not know, kept raw.
    Other(String),
    /// No `jobType` and nothing that tells.
    Unknown,
}

impl JobKind {
    /// A short human label.
    pub fn label(&self) -> &str {
        match self {
            Self::Connection => "connection",
            Self::Statement => "statement",
            Self::Report => "report",
            Self::Other(raw) => raw,
            Self::Unknown => "unknown kind",
        }
    }
}

/// The first 8 characters of an id, as the app's sentences quote jobs, connections and users.
pub fn short_id(id: &str) -> String {
    id.chars().take(8).collect()
}

/// One Basiq job.
#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    /// The opaque job id (UUID now, short numbers in older data).
    pub id: String,
    /// What kind of job this is.
    pub kind: JobKind,
    /// When the job started (`created`, else `createdDate`).
    pub created: Option<Stamp>,
    /// The last change (`updated`, else `updatedDate`).
    pub updated: Option<Stamp>,
    /// The institution id, on list items only.
    pub institution_id: Option<String>,
    /// User and connection from `links.source`.
    pub source: Option<JobSource>,
    /// The job-level status of report and payment jobs.
    pub job_status: Option<String>,
    /// The ordered steps.
    pub steps: Vec<Step>,
    /// The job as received, as JSON text for the raw JSON view: a job answer's body, else
    /// compact JSON. `None` for a list item: the detail view asks for the job itself, and a list
    /// of 10,000 jobs would hold 10 MB of text that nothing shows (twice, while a refresh is
    /// compared with it). Text rather than a `Value` tree: a tree costs several times as much.
    pub raw: Option<Arc<str>>,
}

impl Job {
    /// The job as received, parsed again (for the raw JSON view and tests); `Null` for a list
    /// item, which keeps no text.
    pub fn raw_value(&self) -> Value {
        self.raw
            .as_deref()
            .and_then(|text| serde_json::from_str(text).ok())
            .unwrap_or(Value::Null)
    }

    /// Whether two copies of the job say the same: their texts when both kept one, else every
    /// field read from them (a list item keeps no text; the same job polled on its own does).
    pub fn same_as(&self, other: &Job) -> bool {
        if let (Some(mine), Some(theirs)) = (&self.raw, &other.raw) {
            return mine == theirs;
        }
        self.fields_read() == other.fields_read()
    }

    /// Every field read from the job: all but its text.
    fn fields_read(&self) -> impl PartialEq + '_ {
        (
            (&self.id, &self.kind, &self.created, &self.updated),
            (
                &self.institution_id,
                &self.source,
                &self.job_status,
                &self.steps,
            ),
        )
    }

    /// The connection id from `links.source`, if known.
    pub fn connection_id(&self) -> Option<&str> {
        self.source.as_ref()?.connection_id.as_deref()
    }

    /// The user id from `links.source`, if known.
    pub fn user_id(&self) -> Option<&str> {
        self.source.as_ref()?.user_id.as_deref()
    }

    /// When the job started, if readable.
    pub fn created_at(&self) -> Option<DateTime<Utc>> {
        self.created.as_ref()?.at
    }

    /// How long ago the job was created, at `now` (zero when that is not known).
    pub fn age(&self, now: DateTime<Utc>) -> TimeDelta {
        self.created_at()
            .map_or(TimeDelta::zero(), |created| now - created)
    }

    /// When the job ran, for timelines and "first / last seen": `created`, else `updated`.
    pub fn seen_at(&self) -> Option<DateTime<Utc>> {
        self.created_at().or_else(|| self.updated_at())
    }

    /// When the job last changed, if readable.
    pub fn updated_at(&self) -> Option<DateTime<Utc>> {
        self.updated.as_ref()?.at
    }

    /// The first failed step and its index.
    pub fn failing_step(&self) -> Option<(usize, &Step)> {
        self.steps
            .iter()
            .enumerate()
            .find(|(_, step)| step.status == StepStatus::Failed)
    }

    /// The first failed step's error, when it carries one.
    pub fn failure(&self) -> Option<&StepError> {
        match &self.failing_step()?.1.result {
            StepResult::Error(error) => Some(error),
            _ => None,
        }
    }
}
