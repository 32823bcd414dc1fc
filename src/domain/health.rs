//! Connection health: one row per connection, from its jobs in the order they ran: the last
//! job's status, the last success, "failing since" with the count of consecutive failures, the
//! last ten results, and per failed job its place in a run of failures. What the history's
//! `?view=health` and the cards' "3rd failure in a row" show.

use super::filter::distinct_by_id;
use super::job::Job;
use super::status::{CardStatus, derive_status};
use super::step::StepError;
use crate::i18n::{Locale, td_string};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};
use std::ops::Deref;

/// How many of a connection's latest jobs its results strip shows.
pub const RECENT: usize = 10;

/// How a connection is doing, most severe first (the health table's order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HealthState {
    /// Its latest settled jobs failed and none of its jobs ever succeeded.
    NeverSucceeded,
    /// Its latest settled job failed, after an earlier success.
    Failing,
    /// No job of it has settled yet.
    Waiting,
    /// Its latest settled job succeeded.
    Healthy,
}

impl HealthState {
    /// The word shown beside the icon.
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            Self::NeverSucceeded => td_string!(locale, health.never_succeeded),
            Self::Failing => td_string!(locale, health.failing),
            Self::Waiting => td_string!(locale, health.waiting),
            Self::Healthy => td_string!(locale, health.healthy),
        }
    }

    /// A text symbol that carries the state without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::NeverSucceeded => "⊘",
            Self::Failing => "✗",
            Self::Waiting => "○",
            Self::Healthy => "✓",
        }
    }

    /// The name used in CSS modifiers and `data-state`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NeverSucceeded => "never-succeeded",
            Self::Failing => "failing",
            Self::Waiting => "waiting",
            Self::Healthy => "healthy",
        }
    }
}

/// One connection's health. `Hash` lets a view key its row by the whole value, so that only
/// rows whose health changed are built again.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ConnectionHealth {
    /// The connection id.
    pub connection_id: String,
    /// The institution of its newest job that names one.
    pub institution_id: Option<String>,
    /// The Basiq user of its newest job that names one (whose connection it is).
    pub user_id: Option<String>,
    /// How it is doing.
    pub state: HealthState,
    /// Its newest job's id and status.
    pub last_job: (String, CardStatus),
    /// When its newest job ran.
    pub last_at: Option<DateTime<Utc>>,
    /// When its newest successful job ran.
    pub last_success: Option<DateTime<Utc>>,
    /// How many of its latest settled jobs failed in a row (pending ones are passed over).
    pub consecutive_failures: usize,
    /// When the first of those failures ran.
    pub failing_since: Option<DateTime<Utc>>,
    /// The newest failure's error, when it carries one.
    pub failing_error: Option<StepError>,
    /// The statuses of its latest [`RECENT`] jobs, newest first.
    pub recent: Vec<CardStatus>,
}

impl ConnectionHealth {
    /// Successes among the settled jobs of [`Self::recent`], 0.0 to 1.0; `None` if none settled.
    pub fn success_rate(&self) -> Option<f64> {
        let settled = self.recent.iter().filter(|s| s.is_settled()).count();
        let success = self
            .recent
            .iter()
            .filter(|s| **s == CardStatus::Success)
            .count();
        (settled > 0).then(|| success as f64 / settled as f64)
    }
}

/// The health of every connection in a history.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HealthTable {
    /// Most severe first; then the most failures in a row; then the most recent.
    pub rows: Vec<ConnectionHealth>,
    /// Jobs that name no connection (statement uploads, reports), left out of the rows.
    pub without_connection: usize,
}

/// A failed job's place in a run of failures on its connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Streak {
    /// 2 for the second failure in a row, and so on.
    pub nth: usize,
    /// When the first failure of the run ran.
    pub since: Option<DateTime<Utc>>,
}

/// Each connection's jobs, oldest first (by [`Job::seen_at`], jobs without a time first, then
/// by id), and how many jobs name no connection.
fn timelines<J: Deref<Target = Job>>(jobs: &[J]) -> (BTreeMap<&str, Vec<&Job>>, usize) {
    let mut by_connection: BTreeMap<&str, Vec<&Job>> = BTreeMap::new();
    let mut without = 0;
    for job in jobs {
        match job.connection_id() {
            Some(connection) => by_connection.entry(connection).or_default().push(job),
            None => without += 1,
        }
    }
    for timeline in by_connection.values_mut() {
        timeline.sort_by(|a, b| a.seen_at().cmp(&b.seen_at()).then_with(|| a.id.cmp(&b.id)));
    }
    (by_connection, without)
}

/// One connection's row, from its jobs oldest first (never empty).
fn health_of(connection: &str, timeline: &[&Job]) -> ConnectionHealth {
    let newest = timeline[timeline.len() - 1];
    let statuses: Vec<CardStatus> = timeline.iter().map(|job| derive_status(job)).collect();
    let mut consecutive_failures = 0;
    let mut failing_since = None;
    let mut failing_error = None;
    for (job, status) in timeline.iter().zip(&statuses).rev() {
        match status {
            CardStatus::Pending => continue,
            CardStatus::Success => break,
            CardStatus::Failed => {
                consecutive_failures += 1;
                failing_since = job.seen_at();
                if failing_error.is_none() {
                    failing_error = job.failure().cloned();
                }
            }
        }
    }
    let last_success = timeline
        .iter()
        .zip(&statuses)
        .rev()
        .find(|(_, status)| **status == CardStatus::Success)
        .and_then(|(job, _)| job.seen_at());
    let ever_succeeded = statuses.contains(&CardStatus::Success);
    let state = match (consecutive_failures, ever_succeeded) {
        (0, _) if statuses.iter().all(|s| !s.is_settled()) => HealthState::Waiting,
        (0, _) => HealthState::Healthy,
        (_, false) => HealthState::NeverSucceeded,
        (_, true) => HealthState::Failing,
    };
    ConnectionHealth {
        connection_id: connection.to_owned(),
        institution_id: timeline
            .iter()
            .rev()
            .find_map(|job| job.institution_id.clone()),
        user_id: timeline
            .iter()
            .rev()
            .find_map(|job| job.user_id().map(str::to_owned)),
        state,
        last_job: (
            newest.id.clone(),
            *statuses.last().unwrap_or(&CardStatus::Pending),
        ),
        last_at: newest.seen_at(),
        last_success,
        consecutive_failures,
        failing_since,
        failing_error,
        recent: statuses.iter().rev().take(RECENT).copied().collect(),
    }
}

/// The health of each connection among `jobs` (each id once: the first copy given).
pub fn connection_health(jobs: impl IntoIterator<Item = impl Deref<Target = Job>>) -> HealthTable {
    let jobs: Vec<_> = distinct_by_id(jobs).collect();
    let (timelines, without_connection) = timelines(&jobs);
    let mut rows: Vec<ConnectionHealth> = timelines
        .iter()
        .map(|(connection, timeline)| health_of(connection, timeline))
        .collect();
    rows.sort_by(|a, b| {
        a.state
            .cmp(&b.state)
            .then_with(|| b.consecutive_failures.cmp(&a.consecutive_failures))
            .then_with(|| b.last_at.cmp(&a.last_at))
            .then_with(|| a.connection_id.cmp(&b.connection_id))
    });
    HealthTable {
        rows,
        without_connection,
    }
}

/// For each failed job that is the second or later failure in a row on its connection (pending
/// jobs between them passed over), its place in that run: "3rd failure in a row since 02 Dec".
pub fn failure_streaks(
    jobs: impl IntoIterator<Item = impl Deref<Target = Job>>,
) -> HashMap<String, Streak> {
    let jobs: Vec<_> = distinct_by_id(jobs).collect();
    let (timelines, _) = timelines(&jobs);
    let mut streaks = HashMap::new();
    for timeline in timelines.values() {
        let mut run = Streak {
            nth: 0,
            since: None,
        };
        for job in timeline {
            match derive_status(job) {
                CardStatus::Pending => {}
                CardStatus::Success => run.nth = 0,
                CardStatus::Failed => {
                    run.nth += 1;
                    if run.nth == 1 {
                        run.since = job.seen_at();
                    } else {
                        streaks.insert(job.id.clone(), run);
                    }
                }
            }
        }
    }
    streaks
}

/// An ordinal for the streak note: "2nd", "3rd", "11th", "22nd" in English; "1er", "2e" in
/// French (of "échec", masculine).
pub fn ordinal(n: usize, locale: Locale) -> String {
    let suffix = match (locale, n % 10, n % 100) {
        (Locale::fr, ..) if n == 1 => "er",
        (Locale::fr, ..) => "e",
        (Locale::en, _, 11..=13) => "th",
        (Locale::en, 1, _) => "st",
        (Locale::en, 2, _) => "nd",
        (Locale::en, 3, _) => "rd",
        (Locale::en, ..) => "th",
    };
    format!("{n}{suffix}")
}
