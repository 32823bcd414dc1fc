//! Watching pending jobs: which jobs are watched, which of them have settled since, what the
//! reader is told about each (the in-page notice and the browser notification say the same) and
//! the page title that counts them. Memory only: a watch lasts as long as the page.

use super::playbook::advice;
use super::time::{format_duration, job_duration};
use super::{CardStatus, Job, derive_status, short_id, step_title};
use crate::i18n::{Locale, td_string};
use chrono::{DateTime, Utc};

/// A watched job that has settled, kept until the reader dismisses its notice.
#[derive(Clone, Debug, PartialEq)]
pub struct SettledWatch {
    /// The job as it settled.
    pub job: Job,
    /// Success or Failed.
    pub status: CardStatus,
}

/// The page's watched jobs: those still pending, and those that settled since, not yet
/// dismissed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Watchlist {
    watching: Vec<Watch>,
    settled: Vec<SettledWatch>,
}

/// A watched job still pending: its id, and its bank as the copy first watched named it (a
/// job's own answer names none; a list item does).
#[derive(Clone, Debug, PartialEq)]
struct Watch {
    id: String,
    institution_id: Option<String>,
}

impl Watchlist {
    /// Whether job `id` is being watched (it has not settled yet).
    pub fn is_watching(&self, id: &str) -> bool {
        self.watching.iter().any(|w| w.id == id)
    }

    /// How many watched jobs are still pending.
    pub fn watching(&self) -> usize {
        self.watching.len()
    }

    /// The watched jobs that settled, oldest first, until dismissed.
    pub fn settled(&self) -> &[SettledWatch] {
        &self.settled
    }

    /// Starts watching `job`, or stops if it is watched; a job that has settled cannot be
    /// watched. Whether it is watched now.
    pub fn toggle(&mut self, job: &Job) -> bool {
        if let Some(at) = self.watching.iter().position(|w| w.id == job.id) {
            self.watching.remove(at);
            return false;
        }
        if derive_status(job).is_settled() {
            return false;
        }
        self.watching.push(Watch {
            id: job.id.clone(),
            institution_id: job.institution_id.clone(),
        });
        true
    }

    /// Folds in fresh data of a job, from wherever it came: a watched job that has settled
    /// leaves the watch and is returned, once; any other job changes nothing.
    pub fn observe(&mut self, job: &Job) -> Option<SettledWatch> {
        let status = derive_status(job);
        let at = self.watching.iter().position(|w| w.id == job.id)?;
        if !status.is_settled() {
            return None;
        }
        let watch = self.watching.remove(at);
        let mut job = job.clone();
        job.institution_id = job.institution_id.or(watch.institution_id);
        let settled = SettledWatch { job, status };
        self.settled.push(settled.clone());
        Some(settled)
    }

    /// Forgets the notice of job `id`.
    pub fn dismiss(&mut self, id: &str) {
        self.settled.retain(|s| s.job.id != id);
    }

    /// Forgets every notice.
    pub fn dismiss_all(&mut self) {
        self.settled.clear();
    }
}

/// What the reader is told when a watched job settles: a title ("Job 1a2b3c4d succeeded")
/// and a body: its connection and bank (`bank`: the name when known), and for a success how
/// long it took, for a failure the failing step, Basiq's words and the first thing to do.
pub fn settled_notice(
    settled: &SettledWatch,
    bank: Option<&str>,
    now: DateTime<Utc>,
    locale: Locale,
) -> (String, String) {
    let job = &settled.job;
    let id = short_id(&job.id);
    let title = match settled.status {
        CardStatus::Failed => td_string!(locale, notify.failed, id),
        _ => td_string!(locale, notify.succeeded, id),
    };
    let kind = job.kind.label();
    let mut body = match (job.connection_id(), bank.or(job.institution_id.as_deref())) {
        (Some(connection), Some(bank)) => {
            td_string!(
                locale,
                notify.connection_at,
                id = short_id(connection),
                bank
            )
        }
        (Some(connection), None) => {
            td_string!(locale, notify.connection, id = short_id(connection))
        }
        (None, Some(bank)) => td_string!(locale, notify.kind_at, kind, bank),
        (None, None) => td_string!(locale, notify.kind, kind),
    };
    match (job.failing_step(), job.failure()) {
        (Some((_, step)), error) => {
            body.push_str(&td_string!(
                locale,
                notify.step_failed,
                step = step_title(&step.title, locale)
            ));
            if let Some(error) = error {
                body.push_str(&format!(" ({}: {})", error.code, error.message()));
                if let Some(action) = advice(error, locale).actions.first() {
                    body.push_str(&format!(". {action}"));
                }
            }
            body.push('.');
        }
        (None, _) if settled.status == CardStatus::Failed => {
            body.push_str(td_string!(locale, notify.no_step));
        }
        (None, _) => match job_duration(job, settled.status, now) {
            Some(took) => body.push_str(&td_string!(
                locale,
                notify.done_in,
                duration = format_duration(took, locale)
            )),
            None => body.push_str(td_string!(locale, notify.done)),
        },
    }
    (title, body)
}

/// The page's title with the count of watched jobs that settled and were not yet looked at in
/// front: "(2) Basiq Job History"; the title alone when there are none.
pub fn page_title(base: &str, settled: usize) -> String {
    match settled {
        0 => base.to_owned(),
        n => format!("({n}) {base}"),
    }
}
