//! The quick reference: what each status means and what to do about it.

use crate::components::StatusBadge;
use crate::domain::CardStatus;
use crate::i18n::{Locale, t_string, td_string, use_i18n};
use leptos::prelude::*;

fn meaning(status: CardStatus, locale: Locale) -> (&'static str, &'static str) {
    match status {
        CardStatus::Pending => (
            td_string!(locale, reference.pending_means),
            td_string!(locale, reference.pending_todo),
        ),
        CardStatus::Success => (
            td_string!(locale, reference.success_means),
            td_string!(locale, reference.success_todo),
        ),
        CardStatus::Failed => (
            td_string!(locale, reference.failed_means),
            td_string!(locale, reference.failed_todo),
        ),
    }
}

/// The three statuses explained, folded away by default.
#[component]
pub fn StatusReference() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="bjh-reference">
            <summary>{move || t_string!(i18n, reference.title)}</summary>
            <dl class="bjh-reference__list">
                {CardStatus::ALL
                    .into_iter()
                    .map(|status| {
                        let text = move |part: fn((&'static str, &'static str)) -> &'static str| {
                            move || part(meaning(status, i18n.get_locale()))
                        };
                        view! {
                            <dt><StatusBadge status=Signal::stored(status) /></dt>
                            <dd>{text(|m| m.0)}" "<em>{text(|m| m.1)}</em></dd>
                        }
                    })
                    .collect_view()}
            </dl>
        </details>
    }
}
