//! The summary line above every view of the history: jobs, success rate, failures and the
//! median duration, under the filter (its status aside) and for its time range.

use crate::domain::time::{format_day, format_duration};
use crate::domain::{JobFilter, summarize};
use crate::live::{Clock, JobHistory};
use crate::platform::{self, viewer_offset};
use chrono::TimeDelta;
use leptos::prelude::*;

/// What range the jobs cover, in words.
fn range_words(filter: &JobFilter) -> String {
    let offset = viewer_offset(platform::now());
    let day = |at| format_day(at, offset);
    match (filter.range, filter.from, filter.to) {
        (Some(range), _, _) => range.label().to_owned(),
        (None, Some(from), Some(to)) => {
            format!("{} to {}", day(from), day(to - TimeDelta::days(1)))
        }
        (None, Some(from), None) => format!("Since {}", day(from)),
        (None, None, Some(to)) => format!("Up to {}", day(to - TimeDelta::days(1))),
        (None, None, None) => "All loaded jobs".to_owned(),
    }
}

/// The line.
#[component]
pub fn SummaryLine(
    history: JobHistory,
    #[prop(into)] filter: Signal<JobFilter>,
    clock: Clock,
) -> impl IntoView {
    // Durations of settled jobs do not change with the clock: read it once per data change.
    let summary = Memo::new(move |_| {
        let now = clock.now.get_untracked();
        filter.with(|f| {
            history
                .rows
                .with(|rows| summarize(f.ignoring_status(rows.iter().map(|r| r.job.read())), now))
        })
    });
    let text = move || {
        let s = summary.get();
        let jobs = s.counts.total();
        let mut parts = vec![format!("{jobs} {}", if jobs == 1 { "job" } else { "jobs" })];
        if let Some(rate) = s.success_rate() {
            parts.push(format!("{:.0}% success", rate * 100.0));
        }
        parts.push(format!("{} failed", s.counts.failed));
        if let Some(median) = s.median_duration {
            parts.push(format!("median {}", format_duration(median)));
        }
        parts.join(" · ")
    };
    view! {
        <p class="bjh-summary" data-testid="summary">
            <span class="bjh-summary__range">{move || filter.with(range_words)}</span>
            ": "
            <span class="bjh-summary__figures">{text}</span>
        </p>
    }
}
