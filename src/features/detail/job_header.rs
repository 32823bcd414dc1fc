//! The detail view's header: status, ID (copy), created, updated, duration, institution,
//! connection and kind; a refresh of its connection when actions are allowed, and Watch while it
//! is pending.

use crate::components::{BankName, BankNotice, CopyButton, LocalTime, StatusBadge};
use crate::domain::time::{format_duration, job_duration};
use crate::domain::{Job, RefreshTarget, derive_status};
use crate::features::actions::{PurgeButton, RefreshButton};
use crate::features::watch::WatchToggle;
use crate::i18n::{td_string, use_i18n};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// The header of one job.
#[component]
pub fn JobHeader(
    #[prop(into)] job: Signal<Job>,
    #[prop(into)] now: Signal<DateTime<Utc>>,
) -> impl IntoView {
    let status = Signal::derive(move || derive_status(&job.read()));
    let id = Signal::derive(move || job.read().id.clone());
    let text = move |get: fn(&Job) -> Option<String>| {
        move || get(&job.read()).unwrap_or_else(|| "—".into())
    };
    let bank = Memo::new(move |_| job.read().institution_id.clone());
    let bank = move || match bank.get() {
        Some(id) => view! { <BankName id=id.clone() /> <BankNotice id /> }.into_any(),
        None => "—".into_any(),
    };
    let i18n = use_i18n();
    let duration = move || {
        job_duration(&job.read(), status.get(), now.get())
            .map(|span| format_duration(span, i18n.get_locale()))
    };
    view! {
        <header class="bjh-detail__head" data-job-id=id data-status=move || status.get().as_str()>
            <div class="bjh-detail__title">
                <StatusBadge status=status />
                <h1 class="bjh-detail__id"><code>{id}</code></h1>
                <CopyButton text=id label=|l| td_string!(l, card.copy_id) />
                <RefreshButton target=job.with_untracked(RefreshTarget::of) />
                <PurgeButton target=job.with_untracked(RefreshTarget::of) />
                <WatchToggle job status />
            </div>
            <dl class="bjh-detail__fields">
                <div><dt>{move || td_string!(i18n.get_locale(), detail.created)}</dt><dd><LocalTime stamp=Signal::derive(move || job.read().created.clone()) now=now /></dd></div>
                <div><dt>{move || td_string!(i18n.get_locale(), detail.updated)}</dt><dd><LocalTime stamp=Signal::derive(move || job.read().updated.clone()) now=now /></dd></div>
                <div><dt>{move || td_string!(i18n.get_locale(), card.duration)}</dt><dd data-testid="duration">{move || duration().unwrap_or_else(|| "—".into())}</dd></div>
                <div><dt>{move || td_string!(i18n.get_locale(), detail.kind)}</dt><dd>{move || job.read().kind.label().to_owned()}</dd></div>
                <div><dt>{move || td_string!(i18n.get_locale(), detail.institution)}</dt><dd>{bank}</dd></div>
                <div><dt>{move || td_string!(i18n.get_locale(), card.connection)}</dt><dd><code>{text(|j| j.connection_id().map(str::to_owned))}</code></dd></div>
                <div><dt>{move || td_string!(i18n.get_locale(), detail.user)}</dt><dd><code>{text(|j| j.user_id().map(str::to_owned))}</code></dd></div>
            </dl>
        </header>
    }
}
