//! What opening a file came to, under the app bar until dismissed: being read, opened (with
//! the items left out named), or refused with the reason (and nothing changed).

use super::SavedFiles;
use super::saved_files::OpenOutcome;
use crate::i18n::{t_string, td_string, use_i18n};
use leptos::prelude::*;

/// How many left-out items are named; the rest are counted.
const NAMED: usize = 10;

/// The notice, while there is an outcome to tell.
#[component]
pub fn OpenFileNotice() -> impl IntoView {
    let files = SavedFiles::expect();
    let dismiss = move |_| files.outcome.set(None);
    let i18n = use_i18n();
    move || {
        let outcome = files.outcome.get()?;
        let locale = i18n.get_locale();
        let (class, role, title, items) = match outcome {
            OpenOutcome::Reading(name) => (
                "bjh-notice",
                "status",
                td_string!(locale, opening.reading, name),
                Vec::new(),
            ),
            OpenOutcome::Opened {
                name,
                jobs,
                left_out,
            } => {
                let jobs = td_string!(locale, common.jobs, count = jobs);
                let title = match left_out.len() {
                    0 => td_string!(locale, opening.opened, name, jobs),
                    count => td_string!(locale, opening.opened_left_out, name, jobs, count),
                };
                let class = if left_out.is_empty() {
                    "bjh-notice"
                } else {
                    "bjh-notice bjh-notice--warning"
                };
                let items = left_out
                    .iter()
                    .map(|problem| problem.words(locale))
                    .collect();
                (class, "status", title, items)
            }
            OpenOutcome::Refused(name, error) => (
                "bjh-notice bjh-notice--error",
                "alert",
                td_string!(locale, opening.refused, name, why = error.words(locale)),
                Vec::new(),
            ),
        };
        let more = items.len().saturating_sub(NAMED);
        let items = (!items.is_empty()).then(|| {
            view! {
                <ul class="bjh-notice__items">
                    {items.into_iter().take(NAMED).map(|item| view! { <li>{item}</li> }).collect_view()}
                    {(more > 0).then(|| view! { <li>{td_string!(locale, common.and_more, n = more)}</li> })}
                </ul>
            }
        });
        Some(view! {
            <div class=class role=role data-testid="open-file-notice">
                <strong class="bjh-notice__title">{title}</strong>
                {items}
                <button type="button" class="bjh-button" on:click=dismiss>
                    {move || t_string!(i18n, common.dismiss)}
                </button>
            </div>
        })
    }
}
