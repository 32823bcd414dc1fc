//! The summary line over the jobs in view: how many, the success rate, failures and the median
//! duration.

use super::filter::{StatusCounts, distinct_by_id};
use super::job::Job;
use super::status::derive_status;
use super::time::job_duration;
use chrono::{DateTime, TimeDelta, Utc};
use std::ops::Deref;

/// What the summary line says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RangeSummary {
    /// The jobs by status (each id once).
    pub counts: StatusCounts,
    /// The median duration of the settled jobs whose duration is known.
    pub median_duration: Option<TimeDelta>,
}

impl RangeSummary {
    /// Successes among settled jobs, 0.0 to 1.0; `None` when none has settled.
    pub fn success_rate(&self) -> Option<f64> {
        let settled = self.counts.success + self.counts.failed;
        (settled > 0).then(|| self.counts.success as f64 / settled as f64)
    }
}

/// Summarises `jobs` at `now`. Durations that cannot be known (a missing time, or a created
/// date after the update, as clock skew gives) are left out of the median, not counted as 0.
pub fn summarize(
    jobs: impl IntoIterator<Item = impl Deref<Target = Job>>,
    now: DateTime<Utc>,
) -> RangeSummary {
    let mut counts = StatusCounts::default();
    let mut durations = Vec::new();
    for job in distinct_by_id(jobs) {
        let status = derive_status(&job);
        counts.add(status);
        if status.is_settled()
            && let Some(span) = job_duration(&job, status, now)
        {
            durations.push(span);
        }
    }
    durations.sort();
    let median_duration = match durations.len() {
        0 => None,
        n if n % 2 == 1 => Some(durations[n / 2]),
        n => Some((durations[n / 2 - 1] + durations[n / 2]) / 2),
    };
    RangeSummary {
        counts,
        median_duration,
    }
}
