//! The quick reference: what each status means and what to do about it.

use crate::components::StatusBadge;
use crate::domain::CardStatus;
use leptos::prelude::*;

fn meaning(status: CardStatus) -> (&'static str, &'static str) {
    match status {
        CardStatus::Pending => (
            "Still processing: a step is queued, running or waiting for the user (MFA).",
            "Wait; it updates live. Connection jobs usually finish in 3–30 s.",
        ),
        CardStatus::Success => (
            "Finished: every step succeeded and the data is updated.",
            "Nothing to do.",
        ),
        CardStatus::Failed => (
            "A step failed; later steps never ran.",
            "Read the cause and who must act on the card, then retry once it is fixed.",
        ),
    }
}

/// The three statuses explained, folded away by default.
#[component]
pub fn StatusReference() -> impl IntoView {
    view! {
        <details class="bjh-reference">
            <summary>"What the statuses mean"</summary>
            <dl class="bjh-reference__list">
                {CardStatus::ALL
                    .into_iter()
                    .map(|status| {
                        let (means, todo) = meaning(status);
                        view! {
                            <dt><StatusBadge status=Signal::stored(status) /></dt>
                            <dd>{means}" "<em>{todo}</em></dd>
                        }
                    })
                    .collect_view()}
            </dl>
        </details>
    }
}
