//! The list of a user's jobs, newest first, from the demo source.

use super::JobCard;
use crate::api::demo::demo_job_list;
use crate::domain::{Job, parse_job_list, sort_newest_first};
use crate::platform;
use leptos::prelude::*;

/// The history view.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let now = platform::now();
    let page = parse_job_list(&demo_job_list(now, now));
    let mut jobs: Vec<Job> = page.map(|p| p.jobs).unwrap_or_default();
    sort_newest_first(&mut jobs);
    let clock = Signal::stored(now);
    view! {
        <section class="bjh-history" aria-label="Job history">
            <ul class="bjh-history__list">
                {jobs
                    .into_iter()
                    .map(|job| view! { <li><JobCard job=Signal::stored(job) now=clock /></li> })
                    .collect_view()}
            </ul>
        </section>
    }
}
