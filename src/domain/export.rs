//! Exporting the jobs a view shows (README "Export and import"): as JSON, in a versioned
//! envelope that [`super::import`] reads back, and as CSV, one row per job, for a spreadsheet.
//! Pure, so both formats are tested on the host.

use super::filter::TimeRange;
use super::institution::Institution;
use super::job::{Job, JobKind, Stamp};
use super::status::derive_status;
use super::step::{Step, StepResult};
use super::time::{format_day, format_iso_utc, job_duration};
use chrono::{DateTime, FixedOffset, Utc};
use serde_json::{Map, Value, json};
use std::ops::Deref;

/// The export format's name, in every export's `type`.
pub const EXPORT_TYPE: &str = "basiq-job-history-export";

/// The export format's version, in every export's `version`; an import reads this one only.
pub const EXPORT_VERSION: u64 = 1;

/// What an export holds besides its jobs: whose they are, the view they were shown in, when.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportView {
    /// The Basiq user, when the view was a user's history.
    pub user: Option<String>,
    /// The connection the view was narrowed to, if any.
    pub connection: Option<String>,
    /// The jobs named by `jobIds`, when the view was a set of tracked jobs.
    pub job_ids: Vec<String>,
    /// The view's filter, as its URL query pairs (`status`, `q`, `range`, …).
    pub filter: Vec<(&'static str, String)>,
    /// The preset range of the filter, for the file name.
    pub range: Option<TimeRange>,
    /// The first and last day of a custom range (`YYYY-MM-DD`), for the file name.
    pub days: (Option<String>, Option<String>),
    /// When the export was taken.
    pub at: DateTime<Utc>,
    /// The API the jobs came from (to write `links` of the jobs kept without their text).
    pub api_base: String,
}

/// The job as Basiq's job object: the text it arrived with when it was kept (a job fetched on
/// its own), else every field the dashboard read from the list item, in the API's shape and
/// spelling, so that it reads back to the same job (list items keep no text; see [`Job::raw`]).
pub fn job_value(job: &Job, api_base: &str) -> Value {
    if let Some(value) = job
        .raw
        .as_deref()
        .and_then(|text| serde_json::from_str::<Value>(text).ok())
        .filter(Value::is_object)
    {
        return value;
    }
    let mut object = Map::new();
    object.insert("type".into(), json!("job"));
    object.insert("id".into(), json!(job.id));
    let kind = match &job.kind {
        JobKind::Unknown => None,
        kind => Some(kind.label()),
    };
    if let Some(kind) = kind {
        object.insert("jobType".into(), json!(kind));
    }
    if let Some(status) = &job.job_status {
        object.insert("status".into(), json!(status));
    }
    if let Some(created) = &job.created {
        object.insert("created".into(), json!(created.raw));
    }
    if let Some(updated) = &job.updated {
        object.insert("updated".into(), json!(updated.raw));
    }
    if let Some(id) = &job.institution_id {
        object.insert(
            "institution".into(),
            json!({ "type": "institution", "id": id }),
        );
    }
    let steps: Vec<Value> = job.steps.iter().map(step_value).collect();
    object.insert("steps".into(), Value::Array(steps));
    let base = api_base.trim_end_matches('/');
    let mut links = Map::new();
    links.insert("self".into(), json!(format!("{base}/jobs/{}", job.id)));
    if let Some(user) = job.user_id() {
        let source = match job.connection_id() {
            Some(connection) => format!("{base}/users/{user}/connections/{connection}"),
            None => format!("{base}/users/{user}"),
        };
        links.insert("source".into(), json!(source));
    }
    object.insert("links".into(), Value::Object(links));
    Value::Object(object)
}

/// One step in the API's shape.
fn step_value(step: &Step) -> Value {
    let result = match &step.result {
        StepResult::None => Value::Null,
        StepResult::Link(link) => json!({ "type": link.kind, "url": link.url }),
        StepResult::Error(error) => {
            json!({ "code": error.code, "title": error.title, "detail": error.detail })
        }
        StepResult::Mfa(mfa) => {
            let mut object = Map::new();
            object.insert("type".into(), json!("mfa"));
            object.insert("method".into(), json!(mfa.method));
            object.insert("description".into(), json!(mfa.description));
            object.insert("input".into(), json!(mfa.inputs));
            if let Some(expiry) = mfa.expiry_ms {
                object.insert("expiryMs".into(), json!(expiry));
            }
            if let Some(response) = &mfa.response_url {
                object.insert("links".into(), json!({ "response": response }));
            }
            Value::Object(object)
        }
        StepResult::Other(value) => (**value).clone(),
    };
    json!({ "title": step.title, "status": step.status.as_str(), "result": result })
}

/// The JSON export: the envelope (`type`, `version`, `exportedAt`, `scope`, `filter`, the
/// banks known by name) and the jobs, each as [`job_value`] gives it.
pub fn export_json(
    jobs: impl IntoIterator<Item = impl Deref<Target = Job>>,
    institutions: &[Institution],
    view: &ExportView,
) -> String {
    let mut scope = Map::new();
    if let Some(user) = &view.user {
        scope.insert("userId".into(), json!(user));
        scope.insert("connectionId".into(), json!(view.connection));
    } else {
        scope.insert("jobIds".into(), json!(view.job_ids));
    }
    let filter: Map<String, Value> = view
        .filter
        .iter()
        .map(|(key, value)| ((*key).to_owned(), json!(value)))
        .collect();
    let banks: Vec<Value> = institutions
        .iter()
        .map(|bank| {
            json!({
                "type": "institution",
                "id": bank.id,
                "name": bank.name,
                "shortName": bank.short_name,
                "status": bank.status.as_ref().map(|s| s.as_raw()),
            })
        })
        .collect();
    let jobs: Vec<Value> = jobs
        .into_iter()
        .map(|job| job_value(&job, &view.api_base))
        .collect();
    let envelope = json!({
        "type": EXPORT_TYPE,
        "version": EXPORT_VERSION,
        "exportedAt": format_iso_utc(view.at),
        "scope": scope,
        "filter": filter,
        "institutions": banks,
        "jobs": jobs,
    });
    serde_json::to_string_pretty(&envelope).unwrap_or_default()
}

/// The CSV export's header row.
pub const CSV_HEADER: [&str; 12] = [
    "id",
    "status",
    "created",
    "updated",
    "duration_seconds",
    "connection",
    "institution",
    "institution_name",
    "failing_step",
    "error_code",
    "error_title",
    "error_detail",
];

/// A cell as a spreadsheet may show it but never run: text starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return (a formula, or one after a control character) gets a leading `'`
/// (OWASP's advice against CSV injection). Everything else is kept as it is.
pub fn neutralise_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The CSV export: [`CSV_HEADER`], then one row per job (RFC 4180 quoting by `csv-core`,
/// CRLF line ends, every cell through [`neutralise_cell`]). Times are as Basiq sent them; the
/// duration in whole seconds (a pending job's up to `now`); the bank's name where it is known.
pub fn export_csv(
    jobs: impl IntoIterator<Item = impl Deref<Target = Job>>,
    institutions: &[Institution],
    now: DateTime<Utc>,
) -> String {
    let mut writer = csv_core::WriterBuilder::new()
        .terminator(csv_core::Terminator::CRLF)
        .build();
    let mut out = Vec::new();
    write_row(&mut writer, CSV_HEADER.iter().copied(), &mut out);
    for job in jobs {
        let job = &*job;
        let status = derive_status(job);
        let step = job.failing_step().map(|(_, step)| step.title.clone());
        let error = job.failure();
        let bank = job
            .institution_id
            .as_deref()
            .and_then(|id| institutions.iter().find(|bank| bank.id == id))
            .and_then(|bank| bank.name.as_deref().or(bank.short_name.as_deref()));
        let stamp =
            |stamp: &Option<Stamp>| stamp.as_ref().map(|s| s.raw.clone()).unwrap_or_default();
        let row = [
            job.id.clone(),
            status.as_str().to_owned(),
            stamp(&job.created),
            stamp(&job.updated),
            job_duration(job, status, now)
                .map(|span| span.num_seconds().to_string())
                .unwrap_or_default(),
            job.connection_id().unwrap_or_default().to_owned(),
            job.institution_id.clone().unwrap_or_default(),
            bank.unwrap_or_default().to_owned(),
            step.unwrap_or_default(),
            error.map(|e| e.code.clone()).unwrap_or_default(),
            error.and_then(|e| e.title.clone()).unwrap_or_default(),
            error.and_then(|e| e.detail.clone()).unwrap_or_default(),
        ];
        let cells: Vec<String> = row.iter().map(|cell| neutralise_cell(cell)).collect();
        write_row(&mut writer, cells.iter().map(String::as_str), &mut out);
    }
    String::from_utf8(out).unwrap_or_default()
}

/// One CSV record through `csv-core`'s writer (the `csv` crate's engine, without its I/O
/// layer): each field quoted only when it needs it, quotes doubled, the record ended.
fn write_row<'a>(
    writer: &mut csv_core::Writer,
    cells: impl Iterator<Item = &'a str>,
    out: &mut Vec<u8>,
) {
    use csv_core::WriteResult;
    let mut buffer = [0u8; 1024];
    // Writes what `step` produces until it has nothing more to say.
    let mut drain = |step: &mut dyn FnMut(&mut [u8]) -> (WriteResult, usize)| loop {
        let (result, written) = step(&mut buffer);
        out.extend_from_slice(&buffer[..written]);
        if result == WriteResult::InputEmpty {
            break;
        }
    };
    for (index, cell) in cells.enumerate() {
        if index > 0 {
            drain(&mut |buffer| writer.delimiter(buffer));
        }
        let mut input = cell.as_bytes();
        drain(&mut |buffer| {
            let (result, read, written) = writer.field(input, buffer);
            input = &input[read..];
            (result, written)
        });
    }
    drain(&mut |buffer| writer.terminator(buffer));
}

/// The file name of an export: `basiq-jobs-` and the user (or connection, or `tracked-jobs`),
/// the range (`last-24h`, `2025-03-01-to-2025-03-07`, or `all`), the day taken at `offset`, and
/// the extension. Only letters, digits, `-` and `_` from ids reach the name.
pub fn export_file_name(view: &ExportView, offset: FixedOffset, extension: &str) -> String {
    let safe = |text: &str| -> String {
        let kept: String = text
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .take(40)
            .collect();
        if kept.is_empty() {
            "unnamed".into()
        } else {
            kept
        }
    };
    let whose = match (&view.user, &view.connection) {
        (Some(user), Some(connection)) => format!("{}-{}", safe(user), safe(connection)),
        (Some(user), None) => safe(user),
        (None, _) => "tracked-jobs".into(),
    };
    let range = match (view.range, &view.days) {
        (Some(range), _) => format!("last-{}", range.as_str()),
        (None, (Some(from), Some(to))) => format!("{}-to-{}", safe(from), safe(to)),
        (None, (Some(from), None)) => format!("from-{}", safe(from)),
        (None, (None, Some(to))) => format!("to-{}", safe(to)),
        (None, (None, None)) => "all".into(),
    };
    let day = format_day(view.at, offset);
    format!("basiq-jobs-{whose}-{range}-{day}.{extension}")
}
