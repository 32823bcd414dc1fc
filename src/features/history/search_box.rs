//! Search by job ID: any substring, case-insensitive. Typing replaces the URL's `q` in place
//! (no history entry per keystroke); `/` focuses the box.

use crate::domain::JobFilter;
use crate::i18n::{t_string, use_i18n};
use crate::url::use_set_filter;
use leptos::prelude::*;

/// Selects the search box (`/` focuses it).
pub const SEARCH_SELECTOR: &str = "[data-testid=search]";

/// The search box.
#[component]
pub fn SearchBox(#[prop(into)] filter: Signal<JobFilter>) -> impl IntoView {
    let set_filter = use_set_filter();
    let i18n = use_i18n();
    let on_input = move |event| {
        let query = event_target_value(&event);
        set_filter(
            JobFilter {
                query,
                ..filter.get_untracked()
            },
            true,
        );
    };
    view! {
        <label class="bjh-search">
            <span class="bjh-sr-only">{move || t_string!(i18n, filters.search_label)}</span>
            <input
                class="bjh-search__input"
                type="search"
                placeholder=move || t_string!(i18n, filters.search_placeholder)
                autocomplete="off"
                spellcheck="false"
                prop:value=move || filter.with(|f| f.query.clone())
                on:input=on_input
                data-testid="search"
            />
        </label>
    }
}
