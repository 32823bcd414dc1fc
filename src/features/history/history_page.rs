//! The history view: the configured user's jobs, or `?userId=`'s.

use super::UserHistory;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The history view. Without a user to show, it says how to name one.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let settings = expect_context::<Settings>();
    let query = use_query_map();
    let user = Memo::new(move |_| {
        query
            .with(|q| q.get("userId"))
            .filter(|u| !u.trim().is_empty())
            .or_else(|| settings.user_id.clone())
    });
    let has_user = Memo::new(move |_| user.with(Option::is_some));
    move || {
        if has_user.get() {
            view! { <UserHistory user=Signal::derive(move || user.get().unwrap_or_default()) /> }
                .into_any()
        } else {
            view! {
                <p class="bjh-notice" data-testid="no-user">
                    "No user to show: set \"userId\" in config.json, or add ?userId=… to the URL."
                </p>
            }
            .into_any()
        }
    }
}
