//! A "Purge" button for one connection: it opens the page's typed confirmation. Absent unless
//! purge is allowed, and when there is no connection.

use crate::domain::RefreshTarget;
use crate::i18n::{t_string, td_string, use_i18n};
use crate::live::use_purger;
use leptos::prelude::*;

/// The button; `target` `None` (or a target for every connection) renders nothing.
#[component]
pub fn PurgeButton(target: Option<RefreshTarget>) -> impl IntoView {
    let purger = use_purger()?;
    let target = target.filter(|t| t.connection_id.is_some())?;
    let i18n = use_i18n();
    let id = target.connection_id.clone().unwrap_or_default();
    let label = move || td_string!(i18n.get_locale(), actions.purge_connection, id = &id);
    Some(view! {
        <button
            type="button"
            class="bjh-button bjh-purge"
            aria-label=label
            data-testid="purge"
            on:click=move |_| purger.ask(target.clone())
        >
            {move || t_string!(i18n, actions.purge)}
        </button>
    })
}
