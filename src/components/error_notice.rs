//! The error banner: Basiq's specific message, the age of the data that stays on screen, and a
//! Retry button.

use crate::domain::ApiError;
use crate::domain::time::format_relative;
use crate::i18n::{t_string, td_string, use_i18n};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// Shown while `error` is set (its headline and detail in the viewer's language, Basiq's own
/// words as sent); nothing otherwise.
#[component]
pub fn ErrorNotice(
    #[prop(into)] error: Signal<Option<ApiError>>,
    #[prop(into)] last_updated: Signal<Option<DateTime<Utc>>>,
    #[prop(into)] now: Signal<DateTime<Utc>>,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().map(|error| {
            let (headline, detail) = error.words(i18n.get_locale());
            let age = last_updated.get().map(|at| {
                let age = format_relative(at, now.get(), i18n.get_locale());
                td_string!(i18n.get_locale(), common.showing_data_from, age)
            });
            view! {
                <div class="bjh-notice bjh-notice--error" role="alert" data-testid="error">
                    <strong class="bjh-notice__title">{headline}</strong>
                    <span class="bjh-notice__detail">{detail}</span>
                    <span class="bjh-notice__age">{age}</span>
                    <button class="bjh-button" type="button" on:click=move |_| on_retry.run(())>
                        {move || t_string!(i18n, common.retry)}
                    </button>
                </div>
            }
        })
    }
}
