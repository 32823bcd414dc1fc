//! A "Refresh" button for one connection (or "Refresh all connections" for a user): it opens
//! the page's confirmation. Absent when actions
//! are off, or when there is no connection to refresh.

use crate::domain::RefreshTarget;
use crate::i18n::{td_string, use_i18n};
use crate::live::use_refresher;
use leptos::prelude::*;

/// The button. `target` is the connection (its user and bank), or all of a user's; `None`
/// renders nothing.
#[component]
pub fn RefreshButton(target: Option<RefreshTarget>) -> impl IntoView {
    let refresher = use_refresher()?;
    let target = target?;
    let i18n = use_i18n();
    let (connection, user) = (target.connection_id.clone(), target.user_id.clone());
    let label = move || {
        let locale = i18n.get_locale();
        match &connection {
            Some(id) => td_string!(locale, actions.refresh_connection, id = id),
            None => td_string!(locale, actions.refresh_user, id = &user),
        }
    };
    let one = target.connection_id.is_some();
    let text = move || match one {
        true => td_string!(i18n.get_locale(), actions.refresh),
        false => td_string!(i18n.get_locale(), actions.refresh_all),
    };
    Some(view! {
        <button
            type="button"
            class="bjh-button bjh-refresh"
            aria-label=label
            data-testid="refresh"
            on:click=move |_| refresher.ask(target.clone())
        >
            <span aria-hidden="true">"↻ "</span>
            {text}
        </button>
    })
}
