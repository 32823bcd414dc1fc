//! The error banner: Basiq's specific message, the age of the data that stays on screen, and a
//! Retry button.

use crate::domain::time::format_relative;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// Shown while `error` (its headline and detail, as the API error words them)
/// is set; nothing otherwise.
#[component]
pub fn ErrorNotice(
    #[prop(into)] error: Signal<Option<(String, String)>>,
    #[prop(into)] last_updated: Signal<Option<DateTime<Utc>>>,
    #[prop(into)] now: Signal<DateTime<Utc>>,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    move || {
        error.get().map(|(headline, detail)| {
            let age = last_updated
                .get()
                .map(|at| format!("Showing data from {}.", format_relative(at, now.get())));
            view! {
                <div class="bjh-notice bjh-notice--error" role="alert" data-testid="error">
                    <strong class="bjh-notice__title">{headline}</strong>
                    <span class="bjh-notice__detail">{detail}</span>
                    <span class="bjh-notice__age">{age}</span>
                    <button class="bjh-button" type="button" on:click=move |_| on_retry.run(())>
                        "Retry"
                    </button>
                </div>
            }
        })
    }
}
