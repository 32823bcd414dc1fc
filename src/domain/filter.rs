//! Filtering, searching, sorting and counting jobs: pure functions over any sequence of jobs
//! (references, or read guards of the history's per-row signals), which the history's chips,
//! list and empty states call over the jobs they show.

use super::groups::GroupBy;
use super::job::Job;
use super::status::{CardStatus, derive_status};
use crate::i18n::{Locale, td_string};
use chrono::{DateTime, TimeDelta, Utc};
use std::cmp::Ordering;
use std::collections::HashSet;
use std::ops::Deref;

/// Newest first: by `updated` descending, then `created` descending, then id (API.md §3.1).
/// Jobs without a readable time sort after those with one.
pub fn newest_first(a: &Job, b: &Job) -> Ordering {
    b.updated_at()
        .cmp(&a.updated_at())
        .then_with(|| b.created_at().cmp(&a.created_at()))
        .then_with(|| a.id.cmp(&b.id))
}

/// Sorts jobs newest first, in place.
pub fn sort_newest_first(jobs: &mut [Job]) {
    jobs.sort_by(newest_first);
}

/// How many jobs have each card status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusCounts {
    /// Jobs still processing.
    pub pending: usize,
    /// Jobs that finished well.
    pub success: usize,
    /// Jobs that failed.
    pub failed: usize,
}

impl StatusCounts {
    /// Counts the jobs by card status.
    pub fn of(jobs: impl IntoIterator<Item = impl Deref<Target = Job>>) -> Self {
        jobs.into_iter().fold(Self::default(), |mut counts, job| {
            counts.add(derive_status(&job));
            counts
        })
    }

    /// Counts one more job with this status.
    pub fn add(&mut self, status: CardStatus) {
        match status {
            CardStatus::Pending => self.pending += 1,
            CardStatus::Success => self.success += 1,
            CardStatus::Failed => self.failed += 1,
        }
    }

    /// The number with one status.
    pub fn get(&self, status: CardStatus) -> usize {
        match status {
            CardStatus::Pending => self.pending,
            CardStatus::Success => self.success,
            CardStatus::Failed => self.failed,
        }
    }

    /// All jobs counted.
    pub fn total(&self) -> usize {
        self.pending + self.success + self.failed
    }
}

/// A time range relative to now, the presets of the range picker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeRange {
    /// The last 24 hours.
    Day,
    /// The last 7 days (all that Basiq keeps).
    Week,
    /// The last 30 days (for histories kept or imported beyond Basiq's 7).
    Month,
}

impl TimeRange {
    /// Every preset, shortest first.
    pub const ALL: [TimeRange; 3] = [Self::Day, Self::Week, Self::Month];

    /// The URL form (`?range=24h`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "24h",
            Self::Week => "7d",
            Self::Month => "30d",
        }
    }

    /// Reads the URL form back.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// The picker's label.
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            Self::Day => td_string!(locale, range.day),
            Self::Week => td_string!(locale, range.week),
            Self::Month => td_string!(locale, range.month),
        }
    }

    /// How far back it reaches.
    pub fn span(self) -> TimeDelta {
        match self {
            Self::Day => TimeDelta::hours(24),
            Self::Week => TimeDelta::days(7),
            Self::Month => TimeDelta::days(30),
        }
    }
}

/// What the history view shows: a status, a job-ID search, a connection, a failure's code,
/// step or bank, and a time range. Lives in the URL query (the `url` module), so every field
/// has a text form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JobFilter {
    /// Only jobs with this card status.
    pub status: Option<CardStatus>,
    /// A case-insensitive substring of the job ID.
    pub query: String,
    /// Only jobs of this connection.
    pub connection: Option<String>,
    /// Only jobs whose failing step has this error code (`(none)`: failed without one).
    pub code: Option<String>,
    /// Only jobs whose failing step has this title (`(none)`: failed without a failed step).
    pub step: Option<String>,
    /// Only jobs of this institution (`(none)`: jobs that name none).
    pub institution: Option<String>,
    /// A preset range; when set, `from` is now minus its span, as of reading the URL.
    pub range: Option<TimeRange>,
    /// Only jobs created at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Only jobs created before this instant.
    pub to: Option<DateTime<Utc>>,
}

impl JobFilter {
    /// Whether a job passes every part of the filter except the status (what the status chips
    /// count).
    pub fn matches_ignoring_status(&self, job: &Job) -> bool {
        let query = self.query.trim();
        (query.is_empty() || job.id.to_lowercase().contains(&query.to_lowercase()))
            && self
                .connection
                .as_deref()
                .is_none_or(|c| job.connection_id() == Some(c))
            && GroupBy::ALL.into_iter().all(|by| {
                self.group_key(by)
                    .is_none_or(|value| by.key_matches(job, value))
            })
            && self
                .from
                .is_none_or(|from| job.created_at().is_some_and(|at| at >= from))
            && self
                .to
                .is_none_or(|to| job.created_at().is_some_and(|at| at < to))
    }

    /// The filter on a failure's code, step or bank: the field `by` names.
    pub fn group_key(&self, by: GroupBy) -> Option<&str> {
        match by {
            GroupBy::Code => self.code.as_deref(),
            GroupBy::Step => self.step.as_deref(),
            GroupBy::Institution => self.institution.as_deref(),
        }
    }

    /// Sets (or, with `None`, clears) the field `by` names.
    pub fn set_group_key(&mut self, by: GroupBy, value: Option<String>) {
        match by {
            GroupBy::Code => self.code = value,
            GroupBy::Step => self.step = value,
            GroupBy::Institution => self.institution = value,
        }
    }

    /// Whether a job passes the whole filter.
    pub fn matches(&self, job: &Job) -> bool {
        self.status.is_none_or(|s| derive_status(job) == s) && self.matches_ignoring_status(job)
    }

    /// The jobs that pass every part of the filter except the status: what the summary line
    /// (and the chips' counts in it), the failure groups and connection health are derived from.
    pub fn ignoring_status<'a, J: Deref<Target = Job> + 'a>(
        &'a self,
        jobs: impl IntoIterator<Item = J> + 'a,
    ) -> impl Iterator<Item = J> + 'a {
        jobs.into_iter()
            .filter(move |job| self.matches_ignoring_status(job))
    }

    /// The positions of the jobs that pass, in the order given (the history keeps its jobs
    /// newest first, with arrivals shown on top). Lazy: each job is read only when it is
    /// reached, so taking the first few reads no further.
    pub fn matching(
        &self,
        jobs: impl IntoIterator<Item = impl Deref<Target = Job>>,
    ) -> impl Iterator<Item = usize> {
        jobs.into_iter()
            .enumerate()
            .filter(|(_, job)| self.matches(job))
            .map(|(index, _)| index)
    }
}

/// The jobs with each id once (the first copy given): the derivations over a history count a
/// job that an answer listed twice once.
pub fn distinct_by_id<J: Deref<Target = Job>>(
    jobs: impl IntoIterator<Item = J>,
) -> impl Iterator<Item = J> {
    let mut seen = HashSet::new();
    jobs.into_iter()
        .filter(move |job| seen.insert(job.id.clone()))
}

/// The distinct connection ids of the jobs, sorted: what the connection picker offers.
pub fn connections(jobs: impl IntoIterator<Item = impl Deref<Target = Job>>) -> Vec<String> {
    let mut ids: Vec<String> = jobs
        .into_iter()
        .filter_map(|job| job.connection_id().map(str::to_owned))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}
