//! A job's card status as icon + word, never colour alone.

use crate::domain::CardStatus;
use crate::i18n::{Locale, use_i18n};
use leptos::prelude::*;

/// The badge of one status: a clock and "Pending", a check and "Success", a cross and "Failed"
/// (16 × 16 stroked icons), worded in `locale`. Its text is plain, not a closure of its own, so
/// a change of status or language patches the badge in place.
fn badge(status: CardStatus, locale: Locale) -> AnyView {
    match status {
        CardStatus::Pending => view! {
            <span class="bjh-badge bjh-badge--pending">
                <svg class="bjh-badge__icon" data-icon="clock" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                    <path d="M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
                </svg>
                <span class="bjh-badge__word">{CardStatus::Pending.label(locale)}</span>
            </span>
        }
        .into_any(),
        CardStatus::Success => view! {
            <span class="bjh-badge bjh-badge--success">
                <svg class="bjh-badge__icon" data-icon="check" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                    <path d="M3.5 8.5l3 3l6-7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
                </svg>
                <span class="bjh-badge__word">{CardStatus::Success.label(locale)}</span>
            </span>
        }
        .into_any(),
        CardStatus::Failed => view! {
            <span class="bjh-badge bjh-badge--failed">
                <svg class="bjh-badge__icon" data-icon="cross" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                    <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
                </svg>
                <span class="bjh-badge__word">{CardStatus::Failed.label(locale)}</span>
            </span>
        }
        .into_any(),
    }
}

/// The status badge, following `status`.
#[component]
pub fn StatusBadge(#[prop(into)] status: Signal<CardStatus>) -> impl IntoView {
    let i18n = use_i18n();
    move || badge(status.get(), i18n.get_locale())
}
