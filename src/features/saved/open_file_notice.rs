//! What opening a file came to, under the app bar until dismissed: being read, opened (with
//! the items left out named), or refused with the reason (and nothing changed).

use super::SavedFiles;
use super::saved_files::OpenOutcome;
use leptos::prelude::*;

/// How many left-out items are named; the rest are counted.
const NAMED: usize = 10;

/// The notice, while there is an outcome to tell.
#[component]
pub fn OpenFileNotice() -> impl IntoView {
    let files = SavedFiles::expect();
    let dismiss = move |_| files.outcome.set(None);
    move || {
        let outcome = files.outcome.get()?;
        let (class, role, title, items) = match outcome {
            OpenOutcome::Reading(name) => (
                "bjh-notice",
                "status",
                format!("Reading {name}…"),
                Vec::new(),
            ),
            OpenOutcome::Opened {
                name,
                jobs,
                left_out,
            } => {
                let jobs = match jobs {
                    1 => "1 job".to_owned(),
                    n => format!("{n} jobs"),
                };
                let title = match left_out.len() {
                    0 => format!("Opened {name}: {jobs}."),
                    1 => format!("Opened {name}: {jobs}. 1 item could not be read:"),
                    n => format!("Opened {name}: {jobs}. {n} items could not be read:"),
                };
                let class = if left_out.is_empty() {
                    "bjh-notice"
                } else {
                    "bjh-notice bjh-notice--warning"
                };
                (class, "status", title, left_out)
            }
            OpenOutcome::Refused(name, error) => (
                "bjh-notice bjh-notice--error",
                "alert",
                format!("{name} was not opened. {error}"),
                Vec::new(),
            ),
        };
        let more = items.len().saturating_sub(NAMED);
        let items = (!items.is_empty()).then(|| {
            view! {
                <ul class="bjh-notice__items">
                    {items.into_iter().take(NAMED).map(|item| view! { <li>{item}</li> }).collect_view()}
                    {(more > 0).then(|| view! { <li>{format!("and {more} more")}</li> })}
                </ul>
            }
        });
        Some(view! {
            <div class=class role=role data-testid="open-file-notice">
                <strong class="bjh-notice__title">{title}</strong>
                {items}
                <button type="button" class="bjh-button" on:click=dismiss>
                    "Dismiss"
                </button>
            </div>
        })
    }
}
