//! What the list says besides the cards: the error banner (the data shown stays, with its age),
//! items that could not be read, and the empty states.

use crate::domain::time::format_relative;
use crate::live::{Clock, JobHistory};
use leptos::prelude::*;

/// The error banner and the malformed-items notice.
#[component]
pub fn ListNotices(history: JobHistory, clock: Clock) -> impl IntoView {
    let error =
        move || {
            history.error.get().map(|error| {
            let age = history
                .last_updated
                .get()
                .map(|at| format!("Showing data from {}.", format_relative(at, clock.now.get())));
            view! {
                <div class="bjh-notice bjh-notice--error" role="alert" data-testid="error">
                    <strong class="bjh-notice__title">{error.headline()}</strong>
                    <span class="bjh-notice__detail">{error.detail()}</span>
                    <span class="bjh-notice__age">{age}</span>
                    <button class="bjh-button" type="button" on:click=move |_| history.refresh()>
                        "Retry"
                    </button>
                </div>
            }
        })
        };
    let problems = move || {
        let problems = history.problems.get();
        (!problems.is_empty()).then(|| {
            view! {
                <details class="bjh-notice bjh-notice--warning" data-testid="problems">
                    <summary>
                        {format!("{} item(s) in the answer could not be shown", problems.len())}
                    </summary>
                    <ul>{problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
                </details>
            }
        })
    };
    view! {
        {error}
        {problems}
    }
}
