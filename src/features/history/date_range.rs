//! The time range: a preset (`?range=24h|7d|30d`, back from now) or two days (`?from=&to=`,
//! both included, in the viewer's time zone). Picking one clears the other.

use crate::domain::{JobFilter, TimeRange};
use crate::i18n::{t_string, use_i18n};
use crate::live::expect_clock;
use crate::platform::{self, viewer_offset};
use crate::url::{day_start, range_days, use_set_filter};
use chrono::TimeDelta;
use leptos::prelude::*;

/// The select's value for the two days.
const CUSTOM: &str = "custom";

/// The preset picker and the two date inputs.
#[component]
pub fn DateRange(#[prop(into)] filter: Signal<JobFilter>) -> impl IntoView {
    let set_filter = use_set_filter();
    let i18n = use_i18n();
    let clock = expect_clock();
    let offset = move || viewer_offset(platform::now());
    let days = move || filter.with(|f| range_days(f, offset()));
    let preset = move || {
        filter.with(|f| match (f.range, f.from.or(f.to)) {
            (Some(range), _) => range.as_str(),
            (None, Some(_)) => CUSTOM,
            (None, None) => "",
        })
    };
    let pick = {
        let set_filter = set_filter.clone();
        move |event| {
            let value: String = event_target_value(&event);
            let now = clock.now_untracked();
            let mut next = filter.get_untracked();
            next.range = TimeRange::from_name(&value);
            match next.range {
                Some(range) => (next.from, next.to) = (Some(now - range.span()), None),
                // "Custom" keeps the days shown (a preset's start becomes an editable day).
                None if value == CUSTOM => {}
                None => (next.from, next.to) = (None, None),
            }
            set_filter(next, false);
        }
    };
    let change = move |end: bool| {
        let set_filter = set_filter.clone();
        move |event| {
            let value: String = event_target_value(&event);
            let day =
                day_start(&value, offset()).map(|start| start + TimeDelta::days(i64::from(end)));
            let mut next = filter.get_untracked();
            next.range = None;
            if end {
                next.to = day;
            } else {
                next.from = day;
            }
            set_filter(next, false);
        }
    };
    view! {
        <label class="bjh-field">
            <span class="bjh-field__label">{move || t_string!(i18n, range.label)}</span>
            <select class="bjh-field__input" prop:value=preset on:change=pick data-testid="range">
                <option value="">{move || t_string!(i18n, range.any)}</option>
                {TimeRange::ALL
                    .into_iter()
                    .map(|range| view! { <option value=range.as_str()>{move || range.label(i18n.get_locale())}</option> })
                    .collect_view()}
                <option value=CUSTOM>{move || t_string!(i18n, range.custom)}</option>
            </select>
        </label>
        <label class="bjh-field">
            <span class="bjh-field__label">{move || t_string!(i18n, range.from)}</span>
            <input class="bjh-field__input" type="date" prop:value=move || days().0.unwrap_or_default() on:change=change(false) data-testid="from" />
        </label>
        <label class="bjh-field">
            <span class="bjh-field__label">{move || t_string!(i18n, range.to)}</span>
            <input class="bjh-field__input" type="date" prop:value=move || days().1.unwrap_or_default() on:change=change(true) data-testid="to" />
        </label>
    }
}
