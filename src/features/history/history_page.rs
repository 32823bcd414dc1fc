//! The history view: the jobs named by `?jobIds=` (the Consent UI's redirect) or the config's
//! `jobIds`, else the user's jobs (`?userId=`, else the config's `userId`), or only one
//! connection's (`?connectionId=`, else the config's `connectionId`).

use super::HistoryView;
use crate::api::backend::JobScope;
use crate::config::{Settings, split_job_ids};
use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The history view. Without jobs or a user to show, it says how to name them.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let settings = expect_context::<Settings>();
    let query = use_query_map();
    let i18n = use_i18n();
    let scope = Memo::new(move |_| {
        let from_url = query
            .with(|q| q.get("jobIds"))
            .map(|ids| split_job_ids(&ids))
            .unwrap_or_default();
        let ids = if from_url.is_empty() {
            settings.job_ids.clone()
        } else {
            from_url
        };
        if !ids.is_empty() {
            return Some(JobScope::Jobs(ids));
        }
        let from_query = |key: &str| query.with(|q| q.get(key)).filter(|v| !v.trim().is_empty());
        let user = from_query("userId").or_else(|| settings.user_id.clone());
        let connection = from_query("connectionId").or_else(|| settings.connection_id.clone());
        user.map(|user| JobScope::User { user, connection })
    });
    let has_scope = Memo::new(move |_| scope.with(Option::is_some));
    move || {
        if has_scope.get() {
            let scope = Signal::derive(move || scope.get().unwrap_or(JobScope::Jobs(Vec::new())));
            view! { <HistoryView scope=scope /> }.into_any()
        } else {
            view! {
                <p class="bjh-notice" data-testid="no-user">
                    {move || t_string!(i18n, app.nothing_to_show)}
                </p>
            }
            .into_any()
        }
    }
}
