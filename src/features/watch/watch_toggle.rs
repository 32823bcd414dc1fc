//! "Watch" on a pending job: pressed, the page tells the reader when the job settles. The
//! first press asks the browser whether it may notify (a question only a click may ask).

use crate::domain::{CardStatus, Job, short_id};
use crate::i18n::{td_string, use_i18n};
use crate::live::use_watcher;
use leptos::prelude::*;

/// The toggle, while `status` is Pending (nothing once the job has settled, or where no watcher
/// was provided).
#[component]
pub fn WatchToggle(
    #[prop(into)] job: Signal<Job>,
    #[prop(into)] status: Signal<CardStatus>,
) -> impl IntoView {
    let watcher = use_watcher()?;
    let i18n = use_i18n();
    let id = job.with_untracked(|job| job.id.clone());
    Some(move || {
        (status.get() == CardStatus::Pending).then(|| {
            let short = short_id(&id);
            let id = id.clone();
            let watching = Memo::new(move |_| watcher.is_watching(&id));
            let label = move || match watching.get() {
                true => td_string!(i18n.get_locale(), watch.watching_job, id = &short),
                false => td_string!(i18n.get_locale(), watch.watch_job, id = &short),
            };
            view! {
                <button
                    type="button"
                    class="bjh-button bjh-watch"
                    aria-pressed=move || watching.get().to_string()
                    aria-label=label
                    data-testid="watch"
                    on:click=move |_| {
                        if watcher.toggle(&job.get_untracked()) {
                            watcher.ask_permission();
                        }
                    }
                >
                    <svg class="bjh-watch__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                        <path d="M8 1.75a4 4 0 0 0-4 4v3.5L2.5 11.5h11L12 9.25v-3.5a4 4 0 0 0-4-4M6.5 13.5a1.5 1.5 0 0 0 3 0" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" />
                    </svg>
                    " "
                    {move || match watching.get() {
                        true => td_string!(i18n.get_locale(), watch.watching),
                        false => td_string!(i18n.get_locale(), watch.watch),
                    }}
                </button>
            }
        })
    })
}
