//! A "Refresh" button for one connection (or "Refresh all connections" for a user): it opens
//! the page's confirmation. Absent when actions
//! are off, or when there is no connection to refresh.

use crate::domain::RefreshTarget;
use crate::live::use_refresher;
use leptos::prelude::*;

/// The button. `target` is the connection (its user and bank), or all of a user's; `None`
/// renders nothing.
#[component]
pub fn RefreshButton(target: Option<RefreshTarget>) -> impl IntoView {
    let refresher = use_refresher()?;
    let target = target?;
    let label = match &target.connection_id {
        Some(connection) => format!("Refresh connection {connection}"),
        None => format!("Refresh every connection of user {}", target.user_id),
    };
    let text = if target.connection_id.is_some() {
        "Refresh"
    } else {
        "Refresh all connections"
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
