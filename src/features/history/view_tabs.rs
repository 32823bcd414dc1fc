//! The history's views as links (Jobs, Failure groups, Connection health), so the view lives in
//! the URL (`?view=`) and keeps the filter.

use crate::domain::{GroupBy, JobFilter};
use crate::i18n::{t_string, use_i18n};
use crate::url::{HistoryMode, use_view_href};
use leptos::prelude::*;

/// The view links; the current one is marked.
#[component]
pub fn ViewTabs(
    #[prop(into)] mode: Signal<HistoryMode>,
    #[prop(into)] by: Signal<GroupBy>,
    #[prop(into)] filter: Signal<JobFilter>,
) -> impl IntoView {
    let view_href = use_view_href();
    let i18n = use_i18n();
    let tab = move |option: HistoryMode| {
        let current = move || mode.get() == option;
        view! {
            <a
                class=move || format!("bjh-tab{}", if current() { " bjh-tab--active" } else { "" })
                href=move || filter.with(|f| view_href(f, option, by.get()))
                aria-current=move || current().then_some("page")
                data-view=option.as_query().unwrap_or("jobs")
            >
                {move || option.label(i18n.get_locale())}
            </a>
        }
    };
    view! {
        <nav class="bjh-tabs" aria-label=move || t_string!(i18n, views.label)>
            {HistoryMode::ALL.into_iter().map(tab).collect_view()}
        </nav>
    }
}
