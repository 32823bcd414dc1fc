//! The summary line above every view of the history: jobs, success rate, failures and the
//! median duration, under the filter (its status aside) and for its time range.

use crate::domain::time::format_duration;
use crate::domain::{JobFilter, RangeSummary};
use crate::platform::{self, viewer_offset};
use crate::url::range_days;
use leptos::prelude::*;

/// What range the jobs cover, in words.
fn range_words(filter: &JobFilter) -> String {
    if let Some(range) = filter.range {
        return range.label().to_owned();
    }
    match range_days(filter, viewer_offset(platform::now())) {
        (Some(from), Some(to)) => format!("{from} to {to}"),
        (Some(from), None) => format!("Since {from}"),
        (None, Some(to)) => format!("Up to {to}"),
        (None, None) => "All loaded jobs".to_owned(),
    }
}

/// The line, for `summary` (the history view's, whose counts the chips show too).
#[component]
pub fn SummaryLine(
    #[prop(into)] summary: Signal<RangeSummary>,
    #[prop(into)] filter: Signal<JobFilter>,
) -> impl IntoView {
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
