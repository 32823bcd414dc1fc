//! Refreshing a connection, or every connection of a user, from the UI (API.md §3.2): what the
//! confirmation asks, the job shown as Pending the moment Basiq names it (before its first
//! poll), and what the outcome says.

use super::job::{Job, JobKind, JobSource, Stamp, short_id};
use crate::i18n::{Locale, td_string};
use chrono::{DateTime, SecondsFormat, Utc};

/// The confirmation's question, naming the connection and its bank (its name when known,
/// else its id; a job with neither says so), or, for every connection, the user.
pub fn refresh_question(target: &RefreshTarget, bank: Option<&str>, locale: Locale) -> String {
    let Some(connection_id) = &target.connection_id else {
        return td_string!(locale, refresh.ask_all, user = short_id(&target.user_id));
    };
    let bank = bank.map_or_else(
        || td_string!(locale, refresh.unknown_bank).to_owned(),
        str::to_owned,
    );
    td_string!(locale, refresh.ask_one, id = short_id(connection_id), bank)
}

/// What the UI says once Basiq named the jobs of a refresh of every connection.
pub fn refreshes_started(count: usize, locale: Locale) -> String {
    match count {
        0 => td_string!(locale, refresh.none_started).to_owned(),
        count => td_string!(locale, refresh.many_started, count),
    }
}

/// What the UI says once Basiq named the job.
pub fn refresh_started(job_id: &str, already_running: bool, locale: Locale) -> String {
    let id = short_id(job_id);
    if already_running {
        td_string!(locale, refresh.already_running, id)
    } else {
        td_string!(locale, refresh.started, id)
    }
}

/// The refresh job as the list shows it before its first poll: Pending (no steps yet), created
/// now, on the connection and bank it refreshes.
pub fn refresh_placeholder(job_id: &str, target: &RefreshTarget, now: DateTime<Utc>) -> Job {
    let stamp = Stamp {
        raw: now.to_rfc3339_opts(SecondsFormat::Secs, true),
        at: Some(now),
    };
    Job {
        id: job_id.to_owned(),
        kind: JobKind::Connection,
        created: Some(stamp.clone()),
        updated: Some(stamp),
        institution_id: target.institution_id.clone(),
        source: Some(JobSource {
            user_id: Some(target.user_id.clone()),
            connection_id: target.connection_id.clone(),
        }),
        job_status: None,
        steps: Vec::new(),
        raw: None,
    }
}

/// The connection a refresh is for, and its bank (for the confirmation and the placeholder).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefreshTarget {
    /// The Basiq user.
    pub user_id: String,
    /// The connection to refresh; `None`: every connection of the user.
    pub connection_id: Option<String>,
    /// Its institution, when known.
    pub institution_id: Option<String>,
}

impl RefreshTarget {
    /// The target of `job`'s connection: `None` when the job names no user or connection
    /// (statement uploads, reports on no connection).
    pub fn of(job: &Job) -> Option<Self> {
        Some(Self {
            user_id: job.user_id()?.to_owned(),
            connection_id: Some(job.connection_id()?.to_owned()),
            institution_id: job.institution_id.clone(),
        })
    }

    /// Every connection of `user_id`.
    pub fn all_of(user_id: &str) -> Self {
        Self {
            user_id: user_id.to_owned(),
            connection_id: None,
            institution_id: None,
        }
    }
}
