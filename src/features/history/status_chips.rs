//! Status filter chips with counts (All, Pending, Success, Failed), as links so the filter
//! lives in the URL and back / forward work.

use crate::domain::{CardStatus, StatusCounts};
use crate::i18n::{t_string, td_string, use_i18n};
use leptos::prelude::*;

/// The chips. `href` builds the link for a status (`None` is All).
#[component]
pub fn StatusChips(
    #[prop(into)] counts: Signal<StatusCounts>,
    #[prop(into)] active: Signal<Option<CardStatus>>,
    href: impl Fn(Option<CardStatus>) -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let chip = move |status: Option<CardStatus>| {
        let label = move || {
            let locale = i18n.get_locale();
            status.map_or(td_string!(locale, filters.all), |s| s.label(locale))
        };
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
        <nav class="bjh-chips" aria-label=move || t_string!(i18n, filters.by_status)>
            {chip(None)}
            {CardStatus::ALL.into_iter().map(|s| chip(Some(s))).collect_view()}
        </nav>
    }
}
