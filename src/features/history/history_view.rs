//! The live history of a scope (a user's jobs, or a set of tracked jobs) with filters in the
//! URL.

use super::{
    ConnectionSelect, DateRange, JobList, ListNotices, LiveBar, PagingBar, PurgeRecords, SearchBox,
    StatusChips, StatusReference, SummaryLine, TriageFilters, ViewTabs,
};
use crate::api::backend::JobScope;
use crate::config::Settings;
use crate::domain::{CardStatus, JobFilter, RefreshTarget, connections, short_id, summarize};
use crate::features::actions::{PurgeDialog, RefreshButton, RefreshDialog};
use crate::features::embed::Embed;
use crate::features::saved::ExportButtons;
use crate::features::triage::{FailureGroupsView, HealthView};
use crate::i18n::{t_string, td_string, use_i18n};
use crate::live::{expect_clock, provide_purger, provide_refresher, use_job_history};
use crate::url::{HistoryMode, use_filter_href, use_history_mode, use_url_filter};
use leptos::prelude::*;

/// The live history of `scope`; for a user, the connection chosen in the URL (else the scope's
/// own, from `connectionId`) narrows it on the server.
#[component]
pub fn HistoryView(#[prop(into)] scope: Signal<JobScope>) -> impl IntoView {
    let clock = expect_clock();
    let filter = use_url_filter();
    let i18n = use_i18n();
    let (mode, by) = use_history_mode();
    let filter_href = use_filter_href();
    let narrowed = Signal::derive(move || match scope.get() {
        JobScope::User { user, connection } => JobScope::User {
            user,
            connection: filter.with(|f| f.connection.clone()).or(connection),
        },
        jobs => jobs,
    });
    let history = use_job_history(narrowed, Signal::derive(move || filter.with(|f| f.from)));
    let settings = expect_context::<Settings>();
    provide_refresher(settings.read_only, Some(history));
    provide_purger(settings.allow_purge);

    if let Some(embed) = use_context::<Embed>() {
        Effect::new(move |_| {
            if let Some((id, status)) = history.settled.get() {
                embed.post_settled(&id, status);
            }
        });
    }
    // One pass over the jobs under the filter (its status aside) gives the summary line and
    // the chips' counts. Durations of settled jobs do not change with the clock: it is read
    // once per data change.
    let summary = Memo::new(move |_| {
        let now = clock.now.get_untracked();
        filter.with(|f| {
            history
                .rows
                .with(|rows| summarize(f.ignoring_status(rows.iter().map(|r| r.job.read())), now))
        })
    });
    let counts = Memo::new(move |_| summary.with(|s| s.counts));
    let connections = Memo::new(move |_| {
        history
            .rows
            .with(|rows| connections(rows.iter().map(|r| r.job.read())))
    });
    let chip_href = move |status: Option<CardStatus>| {
        filter_href(&JobFilter {
            status,
            ..filter.get_untracked()
        })
    };
    view! {
        <section class="bjh-history" aria-label=move || t_string!(i18n, app.job_history)>
            <div class="bjh-toolbar">
                <StatusChips counts=counts active=Signal::derive(move || filter.with(|f| f.status)) href=chip_href />
                <SearchBox filter=filter />
            </div>
            <div class="bjh-toolbar">
                <ConnectionSelect filter=filter connections=connections />
                <DateRange filter=filter />
                <TriageFilters filter=filter />
                <StatusReference />
            </div>
            <LiveBar history=history clock=clock />
            <div class="bjh-actions">
                {move || match scope.get() {
                    JobScope::User { user, .. } => {
                        Some(view! { <RefreshButton target=Some(RefreshTarget::all_of(&user)) /> })
                    }
                    JobScope::Jobs(_) => None,
                }}
                <ExportButtons history=history scope=narrowed filter=filter mode=mode by=by clock=clock />
            </div>
            <RefreshDialog />
            <PurgeDialog />
            {move || match scope.get() {
                JobScope::User { user, connection } => {
                    let chosen = Signal::derive(move || filter.with(|f| f.connection.clone()).or(connection.clone()));
                    Some(view! { <PurgeRecords user connection=chosen clock=clock /> })
                }
                JobScope::Jobs(_) => None,
            }}
            <PagingBar history=history />
            <ListNotices history=history clock=clock />
            <div class="bjh-sr-only" role="status" aria-live="polite" data-testid="announcer">
                {move || history.announcement.get().map(|(id, status)| {
                    let locale = i18n.get_locale();
                    td_string!(locale, notices.now_status, id = short_id(&id), status = status.label(locale))
                })}
            </div>
            <ViewTabs mode=mode by=by filter=filter />
            <SummaryLine summary=summary filter=filter />
            {move || match mode.get() {
                HistoryMode::Jobs => view! { <JobList history=history filter=filter clock=clock /> }.into_any(),
                HistoryMode::Failures => {
                    view! { <FailureGroupsView history=history filter=filter by=by clock=clock /> }.into_any()
                }
                HistoryMode::Health => view! { <HealthView history=history filter=filter clock=clock /> }.into_any(),
            }}
        </section>
    }
}
