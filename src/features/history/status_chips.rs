//! Status filter chips with counts (All, Pending, Success, Failed), as links so the filter
//! lives in the URL and back / forward work.

use crate::domain::{CardStatus, StatusCounts};
use leptos::prelude::*;

/// The chips. `href` builds the link for a status (`None` is All).
#[component]
pub fn StatusChips(
    #[prop(into)] counts: Signal<StatusCounts>,
    #[prop(into)] active: Signal<Option<CardStatus>>,
    href: impl Fn(Option<CardStatus>) -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let chip = move |status: Option<CardStatus>| {
        let label = status.map_or("All", CardStatus::label);
        let name = status.map_or("all", CardStatus::as_str);
        let count = move || counts.with(|c| status.map_or(c.total(), |s| c.get(s)));
        let current = move || active.get() == status;
        view! {
            <a
                class=move || format!("bjh-chip bjh-chip--{name}{}", if current() { " bjh-chip--active" } else { "" })
                href=move || href(status)
                data-chip=name
                aria-current=move || current().then_some("page")
            >
                <span class="bjh-chip__label">{label}</span>
                <span class="bjh-chip__count">{count}</span>
            </a>
        }
    };
    view! {
        <nav class="bjh-chips" aria-label="Filter by status">
            {chip(None)}
            {CardStatus::ALL.into_iter().map(|s| chip(Some(s))).collect_view()}
        </nav>
    }
}
