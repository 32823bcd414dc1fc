//! "Export JSON" and "Export CSV": the jobs the view shows under its filter and range, as a
//! file named after the user and the range.

use crate::api::backend::JobScope;
use crate::domain::{
    ExportView, GroupBy, JobFilter, distinct_by_id, export_csv, export_file_name, export_json,
};
use crate::i18n::{t_string, td_string, use_i18n};
use crate::live::{Clock, Institutions, JobHistory, api_base};
use crate::platform::{self, viewer_offset};
use crate::url::{HistoryMode, filter_to_query, mode_to_query, range_days};
use leptos::prelude::*;

/// The two export buttons, and what the last export did.
#[component]
pub fn ExportButtons(
    history: JobHistory,
    #[prop(into)] scope: Signal<JobScope>,
    #[prop(into)] filter: Signal<JobFilter>,
    #[prop(into)] mode: Signal<HistoryMode>,
    #[prop(into)] by: Signal<GroupBy>,
    clock: Clock,
) -> impl IntoView {
    let institutions = expect_context::<Institutions>();
    let base = api_base();
    let said = RwSignal::new(String::new());
    let i18n = use_i18n();
    let export = move |csv: bool| {
        let (institutions, base) = (institutions.clone(), base.clone());
        move |_| {
            let now = clock.now_untracked();
            let offset = viewer_offset(now);
            let filter = filter.get_untracked();
            let (user, connection, job_ids) = match scope.get_untracked() {
                JobScope::User { user, connection } => (Some(user), connection, Vec::new()),
                JobScope::Jobs(ids) => (None, None, ids),
            };
            let mut query = filter_to_query(&filter, offset);
            query.extend(mode_to_query(mode.get_untracked(), by.get_untracked()));
            let view = ExportView {
                user,
                connection,
                job_ids,
                filter: query,
                range: filter.range,
                days: range_days(&filter, offset),
                at: now,
                api_base: base.clone(),
            };
            let banks = institutions.known();
            let (text, count) = history.rows.with_untracked(|rows| {
                let shown = || {
                    distinct_by_id(rows.iter().map(|row| row.job.read_untracked()))
                        .filter(|job| filter.matches(job))
                };
                let count = shown().count();
                let text = if csv {
                    export_csv(shown(), &banks, now)
                } else {
                    export_json(shown(), &banks, &view)
                };
                (text, count)
            });
            let (extension, mime) = if csv {
                ("csv", "text/csv;charset=utf-8")
            } else {
                ("json", "application/json")
            };
            let name = export_file_name(&view, offset, extension);
            let locale = i18n.get_locale_untracked();
            said.set(if platform::download(&name, mime, &text) {
                td_string!(locale, saved.exported, count = count, name = &name)
            } else {
                td_string!(locale, saved.download_refused).to_owned()
            });
        }
    };
    view! {
        <div class="bjh-export" role="group" aria-label=move || t_string!(i18n, saved.export_label)>
            <button type="button" class="bjh-button" data-testid="export-json" on:click=export(false)>
                {move || t_string!(i18n, opening.export_json)}
            </button>
            <button type="button" class="bjh-button" data-testid="export-csv" on:click=export(true)>
                {move || t_string!(i18n, opening.export_csv)}
            </button>
            <span class="bjh-export__said" role="status" data-testid="export-said">{said}</span>
        </div>
    }
}
