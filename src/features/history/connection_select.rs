//! Narrows the history to one connection (`?connection=`), from the connections seen.

use crate::domain::JobFilter;
use crate::i18n::{t_string, use_i18n};
use crate::url::use_set_filter;
use leptos::prelude::*;

/// The connection picker.
#[component]
pub fn ConnectionSelect(
    #[prop(into)] filter: Signal<JobFilter>,
    #[prop(into)] connections: Signal<Vec<String>>,
) -> impl IntoView {
    let set_filter = use_set_filter();
    let i18n = use_i18n();
    let current = move || filter.with(|f| f.connection.clone().unwrap_or_default());
    let options = move || {
        let mut all = connections.get();
        let chosen = current();
        if !chosen.is_empty() && !all.contains(&chosen) {
            all.push(chosen);
        }
        all.into_iter()
            .map(|id| view! { <option value=id.clone()>{id.clone()}</option> })
            .collect_view()
    };
    let on_change = move |event| {
        let value: String = event_target_value(&event);
        let connection = (!value.is_empty()).then_some(value);
        set_filter(
            JobFilter {
                connection,
                ..filter.get_untracked()
            },
            false,
        );
    };
    view! {
        <label class="bjh-field">
            <span class="bjh-field__label">{move || t_string!(i18n, card.connection)}</span>
            <select class="bjh-field__input" on:change=on_change prop:value=current data-testid="connection">
                <option value="">{move || t_string!(i18n, filters.all_connections)}</option>
                {options}
            </select>
        </label>
    }
}
