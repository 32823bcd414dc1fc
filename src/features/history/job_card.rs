//! One job as a card: status, ID, date, duration, kind and institution, the step strip and, for
//! a failure, the playbook: failing step, error, cause, who acts and what to do; a refresh of
//! its connection when actions are allowed, and Watch while it is pending.

use crate::components::{BankName, CopyButton, LocalTime, PlaybookCard, StatusBadge, StepStrip};
use crate::domain::health::ordinal;
use crate::domain::time::{format_day_month, format_duration, job_duration};
use crate::domain::{Job, RefreshTarget, Streak, derive_status};
use crate::features::actions::RefreshButton;
use crate::features::watch::WatchToggle;
use crate::i18n::{t_string, td_string, use_i18n};
use crate::platform::viewer_offset;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::location::Url;

/// Selects every job card on the page (the keyboard shortcuts move between them).
pub const CARD_SELECTOR: &str = "article.bjh-card[data-job-id]";

/// Selects a card's link to its job's detail, inside the card.
pub const CARD_LINK_SELECTOR: &str = "a.bjh-card__link";

/// A job card. Its root carries `data-job-id` and `data-status` (`pending|success|failed`).
/// `detail_prefix` is how detail links start on this page (`use_detail_prefix`); `streak`, for
/// a failure, its place in a run of failures on its connection.
#[component]
pub fn JobCard(
    #[prop(into)] job: Signal<Job>,
    #[prop(into)] now: Signal<DateTime<Utc>>,
    #[prop(into)] detail_prefix: Signal<String>,
    #[prop(into, optional)] streak: Signal<Option<Streak>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // A job's ID, kind, institution, creation and connection never change: read once, so that
    // each card costs one reactive effect per part that does change (status, duration, steps).
    let (id, kind, bank, created, connection, target) = job.with_untracked(|job| {
        let kind = job.kind.label().to_owned();
        let bank = job.institution_id.clone();
        let connection = job.connection_id().map(str::to_owned);
        let target = RefreshTarget::of(job);
        (
            job.id.clone(),
            kind,
            bank,
            job.created.clone(),
            connection,
            target,
        )
    });
    let status = Signal::derive(move || derive_status(&job.read()));
    let escaped_id = Url::escape(&id);
    let href = move || format!("{}{escaped_id}", detail_prefix.read());
    let duration = move || {
        job_duration(&job.read(), status.get(), now.get())
            .map(|span| format_duration(span, i18n.get_locale()))
            .unwrap_or_else(|| "—".into())
    };
    let failure = move || {
        let job = job.read();
        let (_, step) = job.failing_step()?;
        Some(view! { <PlaybookCard step=step.clone() error=job.failure().cloned() /> })
    };
    let streak_note = move || {
        let Streak { nth, since } = streak.get()?;
        let words = move || {
            let locale = i18n.get_locale();
            let nth = ordinal(nth, locale);
            match since {
                Some(at) => {
                    let since = format_day_month(at, viewer_offset(at), locale);
                    td_string!(locale, health.streak_since, nth, since)
                }
                None => td_string!(locale, health.streak, nth),
            }
        };
        Some(view! {
            <p class="bjh-card__streak" data-testid="streak">{words}</p>
        })
    };
    view! {
        <article
            class=move || format!("bjh-card bjh-card--{}", status.get().as_str())
            data-job-id=id.clone()
            data-status=move || status.get().as_str()
            tabindex="-1"
        >
            <header class="bjh-card__head">
                <StatusBadge status=status />
                <a href=href class="bjh-card__link">
                    <code class="bjh-card__id">{id.clone()}</code>
                </a>
                <CopyButton text=Signal::stored(id.clone()) label=|l| td_string!(l, card.copy_id) />
                <span class="bjh-card__kind">
                    {kind}
                    {bank.map(|id| view! { " · " <BankName id compact=true /> })}
                </span>
                <RefreshButton target=target />
                <WatchToggle job status />
            </header>
            <dl class="bjh-card__meta">
                <div class="bjh-card__field">
                    <dt>{move || t_string!(i18n, card.date)}</dt>
                    <dd>
                        <LocalTime stamp=Signal::stored(created) now=now />
                    </dd>
                </div>
                <div class="bjh-card__field">
                    <dt>{move || t_string!(i18n, card.duration)}</dt>
                    <dd class="bjh-card__duration">{duration}</dd>
                </div>
                <div class="bjh-card__field">
                    <dt>{move || t_string!(i18n, card.connection)}</dt>
                    <dd>
                        <code>
                            {match connection {
                                Some(connection) => connection.into_any(),
                                None => (move || t_string!(i18n, list.unknown_connection)).into_any(),
                            }}
                        </code>
                    </dd>
                </div>
            </dl>
            <StepStrip steps=Signal::derive(move || job.read().steps.clone()) />
            {streak_note}
            {failure}
        </article>
    }
}
