//! A job's card status as icon + word, never colour alone.

use crate::domain::CardStatus;
use leptos::prelude::*;

/// The SVG path of each status icon (16 × 16, stroked): a clock, a check, a cross.
fn icon_path(status: CardStatus) -> &'static str {
    match status {
        CardStatus::Pending => "M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M8 4.5V8l2.5 1.5",
        CardStatus::Success => "M3.5 8.5l3 3l6-7",
        CardStatus::Failed => "M4.5 4.5l7 7M11.5 4.5l-7 7",
    }
}

/// The status badge: a clock and "Pending", a check and "Success", a cross and "Failed".
#[component]
pub fn StatusBadge(#[prop(into)] status: Signal<CardStatus>) -> impl IntoView {
    view! {
        <span class=move || format!("bjh-badge bjh-badge--{}", status.get().as_str())>
            <svg
                class="bjh-badge__icon"
                data-icon=move || status.get().icon()
                viewBox="0 0 16 16"
                width="14"
                height="14"
                aria-hidden="true"
                focusable="false"
            >
                <path
                    d=move || icon_path(status.get())
                    fill="none"
                    stroke="currentColor"
                    stroke-width="2"
                    stroke-linecap="round"
                    stroke-linejoin="round"
                />
            </svg>
            <span class="bjh-badge__word">{move || status.get().label()}</span>
        </span>
    }
}
