//! Where the reader is told about watched jobs: how many are watched and whether the browser
//! may notify, a notice per watched job that settled (until dismissed), the page title counting
//! those notices, and, once per job as it settles, a browser notification (when allowed) and
//! the embed bridge's `job-settled` message. Mounted once, above every view.

use super::watch_notice::WatchNotice;
use crate::domain::{page_title, settled_notice};
use crate::features::embed::Embed;
use crate::i18n::{Locale, t_string, td_string, use_i18n};
use crate::live::{Institutions, use_watcher};
use crate::platform::{self, NotificationAccess};
use crate::url::{use_detail_prefix, use_go};
use leptos::prelude::*;
use leptos_router::location::Url;
use std::collections::HashSet;

/// What the status line says about browser notifications.
fn access_words(access: NotificationAccess, locale: Locale) -> &'static str {
    match access {
        NotificationAccess::Granted => td_string!(locale, notify.granted),
        NotificationAccess::NotAsked => td_string!(locale, notify.not_asked),
        NotificationAccess::Denied => td_string!(locale, notify.denied),
        NotificationAccess::Unsupported => td_string!(locale, notify.unsupported),
    }
}

/// The notices (nothing where no watcher was provided).
#[component]
pub fn WatchNotices() -> impl IntoView {
    let watcher = use_watcher()?;
    let i18n = use_i18n();
    let institutions = expect_context::<Institutions>();
    let embed = use_context::<Embed>();
    let prefix = use_detail_prefix();
    let go = use_go();
    // Each watched job that settles is told once, however long its notice stays.
    let told = StoredValue::new(HashSet::<String>::new());
    Effect::new(move |_| {
        let fresh: Vec<_> = watcher.list.with(|list| {
            list.settled()
                .iter()
                .filter(|s| !told.with_value(|told| told.contains(&s.job.id)))
                .cloned()
                .collect()
        });
        for settled in fresh {
            let id = settled.job.id.clone();
            told.update_value(|told| {
                told.insert(id.clone());
            });
            if let Some(embed) = embed {
                embed.post_settled(&id, settled.status);
            }
            let bank = settled
                .job
                .institution_id
                .as_deref()
                .and_then(|bank| institutions.get(bank).get_untracked());
            let bank = bank.as_ref().map(|bank| bank.name_or_id());
            let (title, body) =
                settled_notice(&settled, bank, platform::now(), i18n.get_locale_untracked());
            let title = format!("{} {title}", settled.status.symbol());
            let href = format!("{}{}", prefix.get_untracked(), Url::escape(&id));
            let go = go.clone();
            platform::notify(&title, &body, &id, move || go(&href, false));
        }
    });
    // The title counts the notices not yet dismissed; the page's own title comes back after.
    let base_title = document().title();
    let count = Memo::new(move |_| watcher.list.with(|list| list.settled().len()));
    Effect::new(move |_| document().set_title(&page_title(&base_title, count.get())));
    let watching = Memo::new(move |_| watcher.list.with(|list| list.watching()));
    let status = move || {
        let watching = watching.get();
        (watching > 0).then(|| {
            view! {
                <p class="bjh-watch-notices__status" data-testid="watch-status">
                    {move || td_string!(i18n.get_locale(), notify.watching, count = watching)}
                    " "
                    {move || access_words(watcher.permission.get(), i18n.get_locale())}
                </p>
            }
        })
    };
    let settled = move || watcher.list.with(|list| list.settled().to_vec());
    Some(view! {
        // Not a landmark: it is empty until a job is watched. The live list is always there,
        // so that a notice added to it is announced.
        <div class="bjh-watch-notices" data-testid="watch-notices">
            {status}
            <div class="bjh-watch-notices__list" aria-live="polite">
                <For each=settled key=|settled| settled.job.id.clone() let:settled>
                    <WatchNotice settled />
                </For>
            </div>
            {move || (count.get() > 1).then(|| view! {
                <button type="button" class="bjh-button" data-testid="watch-dismiss-all" on:click=move |_| watcher.dismiss_all()>
                    {move || t_string!(i18n, notify.dismiss_all)}
                </button>
            })}
        </div>
    })
}
