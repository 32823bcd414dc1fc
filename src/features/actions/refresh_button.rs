//! A "Refresh" button for one connection: it opens the page's confirmation. Absent when actions
//! are off, or when there is no connection to refresh.

use crate::domain::RefreshTarget;
use crate::live::use_refresher;
use leptos::prelude::*;

/// The button. `target` is the connection (its user and bank); `None` renders nothing.
#[component]
pub fn RefreshButton(target: Option<RefreshTarget>) -> impl IntoView {
    let refresher = use_refresher()?;
    let target = target?;
    let label = format!("Refresh connection {}", target.connection_id);
    Some(view! {
        <button
            type="button"
            class="bjh-button bjh-refresh"
            aria-label=label
            data-testid="refresh"
            on:click=move |_| refresher.ask(target.clone())
        >
            <span aria-hidden="true">"↻ "</span>
            "Refresh"
        </button>
    })
}
