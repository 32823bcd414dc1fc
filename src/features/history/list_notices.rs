//! What the list says besides the cards: the error banner (the data shown stays, with its age),
//! items that could not be read, and the empty states.

use crate::api::error::ApiError;
use crate::components::ErrorNotice;
use crate::live::{Clock, JobHistory};
use leptos::prelude::*;

/// The error banner and the malformed-items notice.
#[component]
pub fn ListNotices(history: JobHistory, clock: Clock) -> impl IntoView {
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
        <ErrorNotice
            error=Signal::derive(move || history.error.with(|e| e.as_ref().map(ApiError::words)))
            last_updated=history.last_updated
            now=clock.now
            on_retry=move |_| history.refresh()
        />
        {problems}
    }
}
