//! Reading a saved file back (README "Export and import"): the dashboard's own export
//! ([`super::export`]), or a job list exactly as `GET /users/{id}/jobs` answered it. A file that
//! cannot be read changes nothing and says why; a file with a few bad items is read without them,
//! and names them. Pure, so every kind of bad file is tested on the host.

use super::export::{EXPORT_TYPE, EXPORT_VERSION};
use super::institution::{Institution, parse_institution};
use super::job::Job;
use super::parse::{JsonKind, parse_job};
use super::parse_list::{ItemProblem, JobPage, add_item};
use super::time::parse_timestamp;
use crate::i18n::{Locale, td_string};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The largest file the dashboard opens, checked before the file is read: 20 MiB, twice a
/// 10,000-job export.
pub const MAX_IMPORT_BYTES: u64 = 20 * 1024 * 1024;

/// Why a file was not opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_IMPORT_BYTES`] (its size in bytes).
    TooLarge(u64),
    /// The browser could not read the file (its words).
    Unreadable(String),
    /// The file is empty.
    Empty,
    /// Not JSON at all (the parser's words).
    NotJson(String),
    /// JSON, but neither an export nor a job list (what it is instead).
    NotJobs(NoJobs),
    /// An export of another version (the version it names, if any).
    WrongVersion(Option<String>),
}

/// What a JSON file holds instead of jobs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoJobs {
    /// Not an object at all.
    Is(JsonKind),
    /// An object with neither a `jobs` nor a `data` list.
    NoList,
    /// An export without its `jobs`, or a list without its `data`.
    Missing(&'static str),
    /// That key holds something other than a list.
    NotAList(&'static str, JsonKind),
}

impl NoJobs {
    /// What the file holds instead, in `locale`.
    pub fn words(&self, locale: Locale) -> String {
        match self {
            Self::Is(kind) => td_string!(locale, opening.it_is, kind = kind.words(locale)),
            Self::NoList => td_string!(locale, opening.no_list).to_owned(),
            Self::Missing(key) => td_string!(locale, opening.no_key_list, key),
            Self::NotAList(key, kind) => {
                td_string!(locale, opening.key_is, key, kind = kind.words(locale))
            }
        }
    }
}

impl ImportError {
    /// Why the file was not opened, in `locale` (the parser's own words as it gave them).
    pub fn words(&self, locale: Locale) -> String {
        match self {
            Self::TooLarge(bytes) => td_string!(
                locale,
                opening.too_large,
                size = bytes.div_ceil(1024 * 1024),
                limit = MAX_IMPORT_BYTES / (1024 * 1024)
            ),
            Self::Unreadable(why) => td_string!(locale, opening.unreadable, why),
            Self::Empty => td_string!(locale, opening.empty).to_owned(),
            Self::NotJson(why) => td_string!(locale, opening.not_json, why),
            Self::NotJobs(what) => td_string!(locale, opening.not_jobs, what = what.words(locale)),
            Self::WrongVersion(Some(version)) => td_string!(
                locale,
                opening.wrong_version,
                version,
                supported = EXPORT_VERSION
            ),
            Self::WrongVersion(None) => {
                td_string!(locale, opening.no_version, supported = EXPORT_VERSION)
            }
        }
    }
}

/// Refuses a file larger than [`MAX_IMPORT_BYTES`], from its size alone (before it is read).
pub fn check_import_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_IMPORT_BYTES {
        Err(ImportError::TooLarge(bytes))
    } else {
        Ok(())
    }
}

/// What kind of saved file was opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavedKind {
    /// The dashboard's own export.
    Export,
    /// A job list as the API answered it.
    ApiList,
}

/// A saved file, read: its jobs and everything the views need to show them as they were.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedFile {
    /// What was opened.
    pub kind: SavedKind,
    /// The file's name, as the browser gave it.
    pub name: String,
    /// When it was taken (`exportedAt`); `None` for an API answer, which does not say.
    pub taken: Option<DateTime<Utc>>,
    /// The Basiq user whose jobs these are, when known.
    pub user: Option<String>,
    /// The connection the export was narrowed to, if any.
    pub connection: Option<String>,
    /// The jobs named by `jobIds`, for an export of tracked jobs (or jobs that name no user).
    pub job_ids: Vec<String>,
    /// The exported view's filter, as URL query pairs.
    pub filter: Vec<(String, String)>,
    /// The banks the export knew by name.
    pub institutions: Vec<Institution>,
    /// The jobs, each keeping its text for the raw JSON view.
    pub jobs: Vec<Job>,
    /// Items left out, each with its reason.
    pub problems: Vec<ItemProblem>,
}

impl SavedFile {
    /// The instant the file shows its jobs as of: when it was taken, else its newest job's last
    /// change (an API answer does not say when it was given), else `fallback`.
    pub fn as_of(&self, fallback: DateTime<Utc>) -> DateTime<Utc> {
        self.taken
            .or_else(|| {
                self.jobs
                    .iter()
                    .filter_map(|job| job.updated_at().or(job.seen_at()))
                    .max()
            })
            .unwrap_or(fallback)
    }

    /// The URL query that shows the file's jobs in the view they were exported from:
    /// `userId` (and `connectionId`) or `jobIds`, then those of the filter's keys that are in
    /// `allowed` (a file's other keys never reach the URL).
    pub fn view_query(&self, allowed: &[&str]) -> Vec<(String, String)> {
        let mut query = Vec::new();
        match &self.user {
            Some(user) => {
                query.push(("userId".to_owned(), user.clone()));
                if let Some(connection) = &self.connection {
                    query.push(("connectionId".to_owned(), connection.clone()));
                }
            }
            None => query.push(("jobIds".to_owned(), self.job_ids.join(","))),
        }
        query.extend(
            self.filter
                .iter()
                .filter(|(key, _)| allowed.contains(&key.as_str()))
                .cloned(),
        );
        query
    }
}

/// Reads a saved file's text. `name` is the file's name, kept for the badge.
pub fn read_saved_file(text: &str, name: &str) -> Result<SavedFile, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let object = value
        .as_object()
        .ok_or_else(|| ImportError::NotJobs(NoJobs::Is(JsonKind::of(&value))))?;
    let (kind, items) = if object.get("type").and_then(Value::as_str) == Some(EXPORT_TYPE) {
        let version = object.get("version").cloned().unwrap_or(Value::Null);
        if version.as_u64() != Some(EXPORT_VERSION) {
            let named = match version {
                Value::Null => None,
                Value::String(text) => Some(text),
                other => Some(other.to_string()),
            };
            return Err(ImportError::WrongVersion(named));
        }
        (SavedKind::Export, array(object, "jobs")?)
    } else if object.contains_key("data") {
        (SavedKind::ApiList, array(object, "data")?)
    } else {
        return Err(ImportError::NotJobs(NoJobs::NoList));
    };
    let mut page = JobPage::default();
    let mut seen = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        let id = || item.get("id").and_then(Value::as_str).map(str::to_owned);
        add_item(&mut page, &mut seen, index, parse_job(item), id);
    }
    let mut saved = SavedFile {
        kind,
        name: name.to_owned(),
        taken: None,
        user: None,
        connection: None,
        job_ids: Vec::new(),
        filter: Vec::new(),
        institutions: Vec::new(),
        jobs: page.jobs,
        problems: page.problems,
    };
    match kind {
        SavedKind::Export => read_envelope(object, &mut saved),
        SavedKind::ApiList => {
            saved.user = saved
                .jobs
                .iter()
                .find_map(|job| job.user_id().map(str::to_owned));
        }
    }
    if saved.user.is_none() && saved.job_ids.is_empty() {
        saved.job_ids = saved.jobs.iter().map(|job| job.id.clone()).collect();
    }
    Ok(saved)
}

/// The list under `key`, or why there is none.
fn array<'a>(
    object: &'a Map<String, Value>,
    key: &'static str,
) -> Result<&'a Vec<Value>, ImportError> {
    match object.get(key) {
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(ImportError::NotJobs(NoJobs::NotAList(
            key,
            JsonKind::of(other),
        ))),
        None => Err(ImportError::NotJobs(NoJobs::Missing(key))),
    }
}

/// The export's envelope: when, whose, which view, which banks. Parts that cannot be read are
/// left out (the jobs still open).
fn read_envelope(object: &Map<String, Value>, saved: &mut SavedFile) {
    let text = |value: Option<&Value>| {
        value
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|text| !text.is_empty())
            .map(str::to_owned)
    };
    saved.taken = text(object.get("exportedAt")).and_then(|raw| parse_timestamp(&raw));
    if let Some(scope) = object.get("scope").and_then(Value::as_object) {
        saved.user = text(scope.get("userId"));
        saved.connection = text(scope.get("connectionId"));
        saved.job_ids = scope
            .get("jobIds")
            .and_then(Value::as_array)
            .map(|ids| ids.iter().filter_map(|id| text(Some(id))).collect())
            .unwrap_or_default();
    }
    if let Some(filter) = object.get("filter").and_then(Value::as_object) {
        saved.filter = filter
            .iter()
            .filter_map(|(key, value)| Some((key.clone(), text(Some(value))?)))
            .collect();
    }
    if let Some(banks) = object.get("institutions").and_then(Value::as_array) {
        saved.institutions = banks
            .iter()
            .filter_map(|bank| {
                let id = text(bank.get("id"))?;
                parse_institution(bank, &id).ok()
            })
            .collect();
    }
}
