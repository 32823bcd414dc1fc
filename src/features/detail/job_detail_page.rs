//! `?job={jobId}`: a deep link that works for any job, listed or not, kept live while Pending;
//! a refresh of its connection links to the job it starts.

use super::{JobHeader, RawJson, StepTimeline};
use crate::components::{ErrorNotice, PlaybookCard};
use crate::config::Settings;
use crate::domain::derive_status;
use crate::features::actions::{PurgeDialog, RefreshDialog};
use crate::features::embed::{Embed, job_selected};
use crate::i18n::{t_string, use_i18n};
use crate::live::{api_base, expect_clock, provide_purger, provide_refresher, use_job};
use crate::url::{use_detail_prefix, use_list_href, use_shown_job};
use leptos::prelude::*;

/// The detail view.
#[component]
pub fn JobDetailPage() -> impl IntoView {
    let clock = expect_clock();
    let shown = use_shown_job();
    let i18n = use_i18n();
    let job_id = Signal::derive(move || shown.get().unwrap_or_default());
    let api_base = api_base();
    let live = use_job(job_id);
    let settings = expect_context::<Settings>();
    provide_refresher(settings.read_only, None);
    provide_purger(settings.allow_purge);
    let detail_prefix = use_detail_prefix();
    let job_link =
        Callback::new(move |id: String| format!("{}{id}", detail_prefix.get_untracked()));

    if let Some(embed) = use_context::<Embed>() {
        Effect::new(move |previous: Option<Option<String>>| {
            let shown = live
                .job
                .with(|job| job.as_ref().map(|j| (j.id.clone(), derive_status(j))));
            let id = shown.as_ref().map(|(id, _)| id.clone());
            if let Some((id, status)) =
                shown.filter(|(id, _)| previous.flatten().as_ref() != Some(id))
            {
                embed.post(&job_selected(&id, status));
            }
            id
        });
    }
    // Re-rendered only when the job appears or goes; its updates flow through the `job` memo.
    let loaded = Memo::new(move |_| live.job.with(Option::is_some));
    let body = move || {
        match loaded.get().then(|| live.job.get_untracked()).flatten() {
        None if live.error.with(Option::is_some) => ().into_any(),
        None => view! { <div class="bjh-card bjh-card--skeleton" aria-label=move || t_string!(i18n, app.loading)></div> }
            .into_any(),
        Some(first) => {
            // Keeps the last data while an id change reloads, so nothing reads an empty job.
            let job = Memo::new(move |previous: Option<&_>| {
                live.job
                    .get()
                    .or_else(|| previous.cloned())
                    .unwrap_or_else(|| first.clone())
            });
            let failure = move || {
                let job = job.read();
                job.failing_step().map(|(_, step)| view! { <PlaybookCard step=step.clone() error=job.failure().cloned() /> })
            };
            view! {
                <JobHeader job=job now=clock.now />
                <RefreshDialog job_link=job_link />
                <PurgeDialog />
                {failure}
                <StepTimeline steps=Signal::derive(move || job.read().steps.clone()) />
                <RawJson job=job api_base=api_base.clone() />
            }
            .into_any()
        }
    }
    };
    view! {
        <article class="bjh-detail" aria-label=move || t_string!(i18n, app.job_detail)>
            <a href=use_list_href() class="bjh-back">{move || t_string!(i18n, notices.all_jobs)}</a>
            <ErrorNotice
                error=live.error
                last_updated=live.last_updated
                now=clock.now
                on_retry=move |_| live.refresh()
            />
            {body}
        </article>
    }
}
