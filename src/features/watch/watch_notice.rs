//! One watched job that settled: its status (icon and word), what happened, a link to it and
//! Dismiss.

use crate::components::StatusBadge;
use crate::domain::{SettledWatch, settled_notice, short_id};
use crate::i18n::{t_string, td_string, use_i18n};
use crate::live::{use_institution, use_watcher};
use crate::platform;
use crate::url::use_detail_prefix;
use leptos::prelude::*;
use leptos_router::location::Url;

/// The notice of `settled`; opening the job or Dismiss forgets it.
#[component]
pub fn WatchNotice(settled: SettledWatch) -> impl IntoView {
    let watcher = use_watcher();
    let i18n = use_i18n();
    let bank = use_institution(settled.job.institution_id.clone());
    let prefix = use_detail_prefix();
    let (id, status) = (settled.job.id.clone(), settled.status);
    let words = Memo::new(move |_| {
        let bank = bank.get();
        settled_notice(
            &settled,
            bank.as_ref().map(|b| b.name_or_id()),
            platform::now(),
            i18n.get_locale(),
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
    let short = short_id(&id);
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
            <a href=href class="bjh-watch-notice__open" on:click=dismiss.clone()>{move || t_string!(i18n, notify.open_job)}</a>
            <button
                type="button"
                class="bjh-button"
                aria-label=move || td_string!(i18n.get_locale(), notify.dismiss_job, id = short.clone())
                data-testid="watch-dismiss"
                on:click=dismiss
            >
                {move || t_string!(i18n, common.dismiss)}
            </button>
        </div>
    }
}
