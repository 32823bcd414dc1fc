//! Failure groups: the failed jobs grouped by error code, failing step or institution, each
//! with its count, first and last seen, distinct connections and the error the playbook advises
//! on. What the history's `?view=failures` shows.

use super::filter::distinct_by_id;
use super::job::Job;
use super::playbook::{Advice, advice};
use super::status::{CardStatus, derive_status};
use super::step::StepError;
use crate::i18n::{Locale, td_string};
use chrono::{DateTime, Utc};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Deref;

/// The URL value (and group key text) for "none": a failed job with no error code, no failed
/// step (a report failed by its own status) or no institution. Basiq codes, step titles and
/// institution ids are never written in brackets.
pub const NONE_KEY: &str = "(none)";

/// What failed jobs are grouped by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum GroupBy {
    /// The failing step's error code.
    #[default]
    Code,
    /// The failing step's title.
    Step,
    /// The job's institution.
    Institution,
}

impl GroupBy {
    /// Every grouping, in the order the switch offers them.
    pub const ALL: [GroupBy; 3] = [Self::Code, Self::Step, Self::Institution];

    /// The name used in the URL (`?by=`) and as the history filter's key.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Code => "code",
            Self::Step => "step",
            Self::Institution => "institution",
        }
    }

    /// Reads the URL name back.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|by| by.as_str() == name)
    }

    /// The switch's label.
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            Self::Code => td_string!(locale, groups.by_code),
            Self::Step => td_string!(locale, groups.by_step),
            Self::Institution => td_string!(locale, groups.by_bank),
        }
    }

    /// The job's key under this grouping; `None` when the job has none.
    pub fn key_of(self, job: &Job) -> Option<&str> {
        match self {
            Self::Code => job.failure().map(|error| error.code.as_str()),
            Self::Step => job
                .failing_step()
                .map(|(_, step)| step.title.as_str())
                .filter(|title| !title.trim().is_empty()),
            Self::Institution => job.institution_id.as_deref(),
        }
    }

    /// Whether the job's key is `value` ([`NONE_KEY`] matches a job without one).
    pub fn key_matches(self, job: &Job, value: &str) -> bool {
        match self.key_of(job) {
            Some(key) => key == value,
            None => value == NONE_KEY,
        }
    }
}

/// One group of failed jobs.
#[derive(Clone, Debug, PartialEq)]
pub struct FailureGroup {
    /// The code, step title or institution id; `None` for the jobs without one.
    pub key: Option<String>,
    /// How many failed jobs.
    pub count: usize,
    /// The earliest of the jobs' times ([`Job::seen_at`]).
    pub first_seen: Option<DateTime<Utc>>,
    /// The latest of the jobs' times.
    pub last_seen: Option<DateTime<Utc>>,
    /// How many distinct connections (jobs without one are not counted).
    pub connections: usize,
    /// The group's most frequent error (ties: the most recent), as the newest job gave it: what
    /// the playbook advises on. `None` when no job in the group carries an error code.
    pub error: Option<StepError>,
    /// The distinct institution ids of the group's jobs, sorted.
    pub institutions: Vec<String>,
}

impl FailureGroup {
    /// The key as the URL filter writes it ([`NONE_KEY`] for none).
    pub fn key_text(&self) -> &str {
        self.key.as_deref().unwrap_or(NONE_KEY)
    }

    /// The group's share of `total` failures, 0.0 to 1.0.
    pub fn share(&self, total: usize) -> f64 {
        if total == 0 {
            0.0
        } else {
            self.count as f64 / total as f64
        }
    }

    /// The playbook's cause, who acts and actions for the group's error, in `locale`.
    pub fn advice(&self, locale: Locale) -> Option<Advice> {
        self.error.as_ref().map(|error| advice(error, locale))
    }
}

/// The failed jobs, grouped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FailureGroups {
    /// How many failed jobs were grouped (each id once).
    pub total: usize,
    /// The groups: by count, then the most recently seen, then key.
    pub groups: Vec<FailureGroup>,
}

#[derive(Default)]
struct Tally {
    count: usize,
    first: Option<DateTime<Utc>>,
    last: Option<DateTime<Utc>>,
    connections: HashSet<String>,
    institutions: BTreeSet<String>,
    /// Per error code: how many, the newest time seen, and the newest job's error.
    errors: HashMap<String, (usize, Option<DateTime<Utc>>, StepError)>,
}

impl Tally {
    fn add(&mut self, job: &Job) {
        let at = job.seen_at();
        self.count += 1;
        self.first = earliest(self.first, at);
        self.last = self.last.max(at);
        if let Some(connection) = job.connection_id() {
            self.connections.insert(connection.to_owned());
        }
        if let Some(institution) = &job.institution_id {
            self.institutions.insert(institution.clone());
        }
        if let Some(error) = job.failure() {
            let entry = self
                .errors
                .entry(error.code.clone())
                .or_insert_with(|| (0, at, error.clone()));
            entry.0 += 1;
            if at > entry.1 {
                (entry.1, entry.2) = (at, error.clone());
            }
        }
    }

    fn into_group(self, key: Option<String>) -> FailureGroup {
        let error = self
            .errors
            .into_iter()
            .max_by(|(code_a, a), (code_b, b)| {
                (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| code_b.cmp(code_a))
            })
            .map(|(_, (_, _, error))| error);
        FailureGroup {
            key,
            count: self.count,
            first_seen: self.first,
            last_seen: self.last,
            connections: self.connections.len(),
            error,
            institutions: self.institutions.into_iter().collect(),
        }
    }
}

/// The earlier of two optional times, a known time winning over none.
fn earliest(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Groups the failed jobs among `jobs` by `by`. A job id seen twice counts once (the first
/// copy given). Unknown codes form their own groups under their raw code.
pub fn failure_groups(
    jobs: impl IntoIterator<Item = impl Deref<Target = Job>>,
    by: GroupBy,
) -> FailureGroups {
    let mut tallies: HashMap<Option<String>, Tally> = HashMap::new();
    let mut total = 0;
    for job in distinct_by_id(jobs) {
        if derive_status(&job) != CardStatus::Failed {
            continue;
        }
        total += 1;
        tallies
            .entry(by.key_of(&job).map(str::to_owned))
            .or_default()
            .add(&job);
    }
    let mut groups: Vec<FailureGroup> = tallies
        .into_iter()
        .map(|(key, tally)| tally.into_group(key))
        .collect();
    groups.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| b.last_seen.cmp(&a.last_seen))
            .then_with(|| a.key.cmp(&b.key))
    });
    FailureGroups { total, groups }
}
