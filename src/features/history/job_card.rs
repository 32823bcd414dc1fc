//! One job as a card: status, ID, date, duration, kind and institution, the step strip and, for
//! a failure, the playbook: failing step, error, cause, who acts and what to do.

use crate::components::{CopyButton, LocalTime, PlaybookCard, StatusBadge, StepStrip};
use crate::domain::time::{format_duration, job_duration};
use crate::domain::{Job, derive_status};
use crate::features::page_url::use_detail_href;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// A job card. Its root carries `data-job-id` and `data-status` (`pending|success|failed`).
#[component]
pub fn JobCard(
    #[prop(into)] job: Signal<Job>,
    #[prop(into)] now: Signal<DateTime<Utc>>,
) -> impl IntoView {
    let status = Signal::derive(move || derive_status(&job.read()));
    let href = use_detail_href(Signal::derive(move || job.read().id.clone()));
    let duration = move || {
        job_duration(&job.read(), status.get(), now.get())
            .map(format_duration)
            .unwrap_or_else(|| "—".into())
    };
    let kind = move || {
        let job = job.read();
        match &job.institution_id {
            Some(institution) => format!("{} · {institution}", job.kind.label()),
            None => job.kind.label().to_owned(),
        }
    };
    let failure = move || {
        let job = job.read();
        let (_, step) = job.failing_step()?;
        Some(view! { <PlaybookCard step=step.clone() error=job.failure().cloned() /> })
    };
    view! {
        <article
            class=move || format!("bjh-card bjh-card--{}", status.get().as_str())
            data-job-id=move || job.read().id.clone()
            data-status=move || status.get().as_str()
            tabindex="-1"
        >
            <header class="bjh-card__head">
                <StatusBadge status=status />
                <a href=href class="bjh-card__link">
                    <code class="bjh-card__id">{move || job.read().id.clone()}</code>
                </a>
                <CopyButton text=Signal::derive(move || job.read().id.clone()) label="Copy ID" />
                <span class="bjh-card__kind">{kind}</span>
            </header>
            <dl class="bjh-card__meta">
                <div class="bjh-card__field">
                    <dt>"Date"</dt>
                    <dd>
                        <LocalTime stamp=Signal::derive(move || job.read().created.clone()) now=now />
                    </dd>
                </div>
                <div class="bjh-card__field">
                    <dt>"Duration"</dt>
                    <dd class="bjh-card__duration">{duration}</dd>
                </div>
                <div class="bjh-card__field">
                    <dt>"Connection"</dt>
                    <dd>
                        <code>
                            {move || job.read().connection_id().unwrap_or("unknown connection").to_owned()}
                        </code>
                    </dd>
                </div>
            </dl>
            <StepStrip steps=Signal::derive(move || job.read().steps.clone()) />
            {failure}
        </article>
    }
}
