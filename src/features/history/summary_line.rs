//! The summary line above every view of the history: jobs, success rate, failures and the
//! median duration, under the filter (its status aside) and for its time range.

use crate::domain::time::format_duration;
use crate::domain::{JobFilter, RangeSummary, percent};
use crate::i18n::{Locale, td_string, use_i18n};
use crate::platform::{self, viewer_offset};
use crate::url::range_days;
use leptos::prelude::*;

/// What range the jobs cover, in words.
fn range_words(filter: &JobFilter, locale: Locale) -> String {
    if let Some(range) = filter.range {
        return range.label(locale).to_owned();
    }
    match range_days(filter, viewer_offset(platform::now())) {
        (Some(from), Some(to)) => td_string!(locale, range.between, from = from, to = to),
        (Some(from), None) => td_string!(locale, range.since, from = from),
        (None, Some(to)) => td_string!(locale, range.up_to, to = to),
        (None, None) => td_string!(locale, range.all_loaded).to_owned(),
    }
}

/// The line, for `summary` (the history view's, whose counts the chips show too).
#[component]
pub fn SummaryLine(
    #[prop(into)] summary: Signal<RangeSummary>,
    #[prop(into)] filter: Signal<JobFilter>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        let (s, locale) = (summary.get(), i18n.get_locale());
        let mut parts = vec![td_string!(locale, summary.jobs, count = s.counts.total())];
        if let Some(rate) = s.success_rate() {
            let rate = percent(rate, 0);
            parts.push(td_string!(locale, summary.success_rate, rate = rate));
        }
        parts.push(td_string!(locale, summary.failed, n = s.counts.failed));
        if let Some(median) = s.median_duration {
            let duration = format_duration(median, locale);
            parts.push(td_string!(locale, summary.median, duration = duration));
        }
        parts.join(" · ")
    };
    view! {
        <p class="bjh-summary" data-testid="summary">
            <span class="bjh-summary__range">{move || filter.with(|f| range_words(f, i18n.get_locale()))}</span>
            ": "
            <span class="bjh-summary__figures">{text}</span>
        </p>
    }
}
