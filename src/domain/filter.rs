//! Filtering, searching, sorting and counting jobs: pure functions over slices.

use super::job::Job;
use super::status::{CardStatus, derive_status};
use std::cmp::Ordering;

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
    pub fn of<'a>(jobs: impl IntoIterator<Item = &'a Job>) -> Self {
        jobs.into_iter().fold(Self::default(), |mut counts, job| {
            match derive_status(job) {
                CardStatus::Pending => counts.pending += 1,
                CardStatus::Success => counts.success += 1,
                CardStatus::Failed => counts.failed += 1,
            }
            counts
        })
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
