//! Search by job ID: any substring, case-insensitive. Typing replaces the URL's `q` in place
//! (no history entry per keystroke); `/` focuses the box.

use super::history_page::filter_href;
use crate::domain::JobFilter;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

/// The search box.
#[component]
pub fn SearchBox(#[prop(into)] filter: Signal<JobFilter>) -> impl IntoView {
    let navigate = use_navigate();
    let path = use_location().pathname;
    let on_input = move |event| {
        let query = event_target_value(&event);
        let next = JobFilter {
            query,
            ..filter.get_untracked()
        };
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&filter_href(&path.get_untracked(), &next), options);
    };
    view! {
        <label class="bjh-search">
            <span class="bjh-sr-only">"Search by job ID"</span>
            <input
                class="bjh-search__input"
                type="search"
                placeholder="Search job ID  ( / )"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || filter.with(|f| f.query.clone())
                on:input=on_input
                data-testid="search"
            />
        </label>
    }
}
