//! Narrows the history to jobs created between two days (`?from=&to=`, both included, in the
//! viewer's time zone).

use crate::domain::JobFilter;
use crate::platform::{self, viewer_offset};
use crate::url::{filter_from_query, filter_to_query, use_set_filter};
use leptos::prelude::*;

/// The two date inputs.
#[component]
pub fn DateRange(#[prop(into)] filter: Signal<JobFilter>) -> impl IntoView {
    let set_filter = use_set_filter();
    let day = move |key: &'static str| {
        move || {
            let pairs = filter.with(|f| filter_to_query(f, viewer_offset(platform::now())));
            pairs
                .into_iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v)
                .unwrap_or_default()
        }
    };
    let change = move |key: &'static str| {
        let set_filter = set_filter.clone();
        move |event| {
            let value: String = event_target_value(&event);
            let offset = viewer_offset(platform::now());
            let mut pairs = filter.with_untracked(|f| filter_to_query(f, offset));
            pairs.retain(|(k, _)| *k != key);
            if !value.is_empty() {
                pairs.push((key, value));
            }
            let next = filter_from_query(pairs.iter().map(|(k, v)| (*k, v.as_str())), offset);
            set_filter(next, false);
        }
    };
    view! {
        <label class="bjh-field">
            <span class="bjh-field__label">"From"</span>
            <input class="bjh-field__input" type="date" prop:value=day("from") on:change=change("from") data-testid="from" />
        </label>
        <label class="bjh-field">
            <span class="bjh-field__label">"To"</span>
            <input class="bjh-field__input" type="date" prop:value=day("to") on:change=change("to") data-testid="to" />
        </label>
    }
}
