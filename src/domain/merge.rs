//! Folding fresh data into what is shown without losing the reader's place: an answer that
//! arrives after a newer one never overwrites newer data, and unknown jobs wait to be shown.

use super::job::Job;
use super::status::derive_status;
use std::collections::HashMap;

/// Whether `incoming` should replace `current` (the same job). An older `updated` never wins,
/// and neither does a Pending copy of a job already known to have settled at the same time.
pub fn supersedes(incoming: &Job, current: &Job) -> bool {
    if incoming.same_as(current) {
        return false;
    }
    match (incoming.updated_at(), current.updated_at()) {
        (Some(new), Some(old)) if new < old => false,
        (Some(new), Some(old)) if new == old => {
            !derive_status(current).is_settled() || derive_status(incoming).is_settled()
        }
        (None, Some(_)) => false,
        _ => true,
    }
}

/// What a fresh list means for the shown one.
#[derive(Debug, Default, PartialEq)]
pub struct ListChanges {
    /// Shown jobs with newer data: (position in the shown list, the new data).
    pub updates: Vec<(usize, Job)>,
    /// Jobs not shown yet, newest first: they wait behind the "N new jobs" pill.
    pub arrivals: Vec<Job>,
}

/// Compares a fresh list with the shown jobs (by id). Shown jobs missing from the fresh list are
/// left alone: the list is a 7-day window and a job may simply have aged out.
pub fn diff_list(shown: &[&Job], fresh: Vec<Job>) -> ListChanges {
    // By id through a map: a 10,000-job list is compared in linear time, not 10⁸ steps.
    let positions: HashMap<&str, usize> = shown
        .iter()
        .enumerate()
        .map(|(index, job)| (job.id.as_str(), index))
        .collect();
    let mut changes = ListChanges::default();
    for job in fresh {
        match positions.get(job.id.as_str()).copied() {
            Some(index) if supersedes(&job, shown[index]) => changes.updates.push((index, job)),
            Some(_) => {}
            None => changes.arrivals.push(job),
        }
    }
    changes.arrivals.sort_by(super::filter::newest_first);
    changes
}
