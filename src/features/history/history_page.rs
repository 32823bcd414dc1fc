//! The history view: a user's (or one connection's) jobs, live, with filters in the URL.

use super::{JobList, ListNotices, LiveBar, SearchBox, StatusChips};
use crate::api::backend::Backend;
use crate::api::demo::DEMO_USER_ID;
use crate::api::policy::PollPolicy;
use crate::api::urls::encode_component;
use crate::domain::{CardStatus, JobFilter, StatusCounts, derive_status};
use crate::live::{Clock, use_job_history};
use crate::platform::{self, viewer_offset};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

const FILTER_KEYS: [&str; 5] = ["status", "q", "connection", "from", "to"];

/// Builds `path?query` for a filter.
pub fn filter_href(path: &str, filter: &JobFilter) -> String {
    let offset = viewer_offset(platform::now());
    let query: Vec<String> = filter
        .to_query(offset)
        .into_iter()
        .map(|(key, value)| format!("{key}={}", encode_component(&value)))
        .collect();
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// The history view.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let clock = expect_context::<Clock>();
    let query = use_query_map();
    let path = use_location().pathname;
    let filter = Memo::new(move |_| {
        let params = query.get();
        let pairs: Vec<(&str, String)> = FILTER_KEYS
            .iter()
            .filter_map(|k| params.get(k).map(|v| (*k, v)))
            .collect();
        JobFilter::from_query(
            pairs.iter().map(|(k, v)| (*k, v.as_str())),
            viewer_offset(platform::now()),
        )
    });
    let scope = Signal::derive(move || {
        (
            DEMO_USER_ID.to_owned(),
            filter.with(|f| f.connection.clone()),
        )
    });
    let history = use_job_history(backend, scope, PollPolicy::default());

    let counts = Memo::new(move |_| {
        filter.with(|f| {
            history.rows.with(|rows| {
                let mut counts = StatusCounts::default();
                for row in rows {
                    row.job.with(|job| {
                        f.matches_ignoring_status(job)
                            .then(|| counts.add(derive_status(job)))
                    });
                }
                counts
            })
        })
    });
    let chip_href = move |status: Option<CardStatus>| {
        let f = JobFilter {
            status,
            ..filter.get_untracked()
        };
        filter_href(&path.get_untracked(), &f)
    };
    view! {
        <section class="bjh-history" aria-label="Job history">
            <div class="bjh-toolbar">
                <StatusChips counts=counts active=Signal::derive(move || filter.with(|f| f.status)) href=chip_href />
                <SearchBox filter=filter />
            </div>
            <LiveBar history=history clock=clock />
            <ListNotices history=history clock=clock />
            <div class="bjh-sr-only" role="status" aria-live="polite" data-testid="announcer">
                {move || history.announcement.get()}
            </div>
            <JobList history=history filter=filter clock=clock />
        </section>
    }
}
