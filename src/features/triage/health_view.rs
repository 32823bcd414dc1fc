//! `?view=health`: one row per connection in the history under its filter, the most severe
//! first (never succeeded, failing, no result yet, healthy).

use super::HealthRow;
use crate::domain::{GroupBy, JobFilter, connection_health};
use crate::i18n::{t_string, td_string, use_i18n};
use crate::live::{Clock, JobHistory};
use crate::url::{HistoryMode, use_view_href};
use leptos::prelude::*;

/// The health table.
#[component]
pub fn HealthView(
    history: JobHistory,
    #[prop(into)] filter: Signal<JobFilter>,
    clock: Clock,
) -> impl IntoView {
    let view_href = use_view_href();
    let i18n = use_i18n();
    let table = Memo::new(move |_| {
        filter.with(|f| {
            history.rows.with(|rows| {
                connection_health(f.ignoring_status(rows.iter().map(|r| r.job.read())))
            })
        })
    });
    // A connection's jobs: the history under the same filter, narrowed to it, any status.
    let connection_href = move |connection: &str| {
        let mut next = filter.get_untracked();
        next.status = None;
        next.connection = Some(connection.to_owned());
        view_href(&next, HistoryMode::Jobs, GroupBy::default())
    };
    let empty = Memo::new(move |_| table.with(|table| table.rows.is_empty()));
    let without = Memo::new(move |_| table.with(|table| table.without_connection));
    // Each row with its link, keyed by both: a job that settles rebuilds its connection's row
    // and moves it if its place changes; every other row stays as it is.
    let rows = move || {
        table.with(|table| {
            table
                .rows
                .iter()
                .map(|row| (row.clone(), connection_href(&row.connection_id)))
                .collect::<Vec<_>>()
        })
    };
    let body = move || {
        if empty.get() {
            return view! {
                <p class="bjh-empty" data-testid="no-connections">{move || t_string!(i18n, health.none)}</p>
            }
            .into_any();
        }
        let without = move || {
            let count = without.get();
            (count > 0).then(|| {
                view! {
                    <p class="bjh-muted" data-testid="without-connection">
                        {move || td_string!(i18n.get_locale(), health.without_connection, count)}
                    </p>
                }
            })
        };
        view! {
            <div class="bjh-health__scroll">
                <table class="bjh-health" data-testid="health-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || t_string!(i18n, health.connection)}</th>
                            <th scope="col">{move || t_string!(i18n, health.bank)}</th>
                            <th scope="col">{move || t_string!(i18n, health.health)}</th>
                            <th scope="col">{move || t_string!(i18n, health.last_job)}</th>
                            <th scope="col">{move || t_string!(i18n, health.last_success)}</th>
                            <th scope="col">{move || t_string!(i18n, health.failing_since)}</th>
                            <th scope="col">{move || t_string!(i18n, health.last_10)}</th>
                            <th scope="col">{move || t_string!(i18n, health.action)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=rows
                            key=|keyed| keyed.clone()
                            children=move |(row, href)| view! { <HealthRow row href now=clock.now /> }
                        />
                    </tbody>
                </table>
            </div>
            {without}
        }
        .into_any()
    };
    view! {
        <section class="bjh-triage" aria-label=move || t_string!(i18n, views.health)>
            {body}
        </section>
    }
}
