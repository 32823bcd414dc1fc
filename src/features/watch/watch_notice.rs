//! One watched job that settled: its status (icon and word), what happened, a link to it and
//! Dismiss.

use crate::components::StatusBadge;
use crate::domain::{SettledWatch, settled_notice};
use crate::live::{use_institution, use_watcher};
use crate::platform;
use crate::url::use_detail_prefix;
use leptos::prelude::*;
use leptos_router::location::Url;

/// The notice of `settled`; opening the job or Dismiss forgets it.
#[component]
pub fn WatchNotice(settled: SettledWatch) -> impl IntoView {
    let watcher = use_watcher();
    let bank = use_institution(settled.job.institution_id.clone());
    let prefix = use_detail_prefix();
    let (id, status) = (settled.job.id.clone(), settled.status);
    let words = Memo::new(move |_| {
        let bank = bank.get();
        settled_notice(
            &settled,
            bank.as_ref().map(|b| b.name_or_id()),
            platform::now(),
        )
    });
    let escaped = Url::escape(&id);
    let href = move || format!("{}{escaped}", prefix.get());
    let dismiss = {
        let id = id.clone();
        move |_| {
            if let Some(watcher) = watcher {
                watcher.dismiss(&id);
            }
        }
    };
    let short: String = id.chars().take(8).collect();
    view! {
        <div
            class=format!("bjh-notice bjh-watch-notice bjh-watch-notice--{}", status.as_str())
            data-testid="watch-notice"
            data-job-id=id.clone()
            data-status=status.as_str()
        >
            <StatusBadge status=Signal::stored(status) />
            <strong class="bjh-watch-notice__title">{move || words.get().0}</strong>
            <span class="bjh-watch-notice__body">{move || words.get().1}</span>
            <a href=href class="bjh-watch-notice__open" on:click=dismiss.clone()>"Open job"</a>
            <button
                type="button"
                class="bjh-button"
                aria-label=format!("Dismiss the notice of job {short}")
                data-testid="watch-dismiss"
                on:click=dismiss
            >
                "Dismiss"
            </button>
        </div>
    }
}
