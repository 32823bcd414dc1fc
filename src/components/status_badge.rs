//! A job's card status as icon + word, never colour alone.

use crate::domain::CardStatus;
use leptos::prelude::*;

/// The status badge: `🕒 Pending`, `✓ Success`, `✕ Failed`.
#[component]
pub fn StatusBadge(#[prop(into)] status: Signal<CardStatus>) -> impl IntoView {
    view! {
        <span class=move || format!("bjh-badge bjh-badge--{}", status.get().as_str())>
            <span class="bjh-badge__icon" aria-hidden="true">
                {move || status.get().icon()}
            </span>
            <span class="bjh-badge__word">{move || status.get().label()}</span>
        </span>
    }
}
