//! The page's refresh confirmation: it names the connection and its bank, sends the refresh
//! once, then says what Basiq answered (the new job, the one already running, or the error in
//! Basiq's words) until closed.

use crate::components::{close_on_escape, use_dialog_focus};
use crate::domain::{refresh_question, refresh_started, refreshes_started};
use crate::i18n::{t_string, td_string, use_i18n};
use crate::live::{RefreshState, use_institution, use_refresher};
use leptos::html::Button;
use leptos::prelude::*;
use leptos_router::location::Url;

/// The confirmation, shown while a refresh is asked, starting or just answered. `job_link`
/// makes the link to a started job (`None`: no link, the list shows the job).
#[component]
pub fn RefreshDialog(
    #[prop(optional)] job_link: Option<Callback<String, String>>,
) -> impl IntoView {
    let refresher = use_refresher()?;
    let i18n = use_i18n();
    let state = refresher.state;
    let first_button = NodeRef::<Button>::new();
    // The dialog takes the focus when it asks, so the keyboard is where the question is.
    use_dialog_focus(
        move || state.with(|s| matches!(s, RefreshState::Confirming(_))),
        move || state.with(|s| !matches!(s, RefreshState::Idle)),
        move || {
            if let Some(button) = first_button.get_untracked() {
                let _ = button.focus();
            }
        },
    );
    let bank =
        Memo::new(move |_| state.with(|s| s.target().and_then(|t| t.institution_id.clone())));
    let body = move || {
        let current = state.get();
        let target = current.target()?.clone();
        let name = use_institution(bank.get());
        let question = move || {
            let bank = name
                .get()
                .and_then(|i| i.name)
                .or_else(|| target.institution_id.clone());
            refresh_question(&target, bank.as_deref(), i18n.get_locale())
        };
        let close = move |_| refresher.close();
        let content = match current {
            RefreshState::Idle => return None,
            RefreshState::Confirming(_) => view! {
                <p id="bjh-refresh-question" class="bjh-refresh-dialog__question">{question}</p>
                <div class="bjh-refresh-dialog__buttons">
                    <button type="button" class="bjh-button bjh-button--primary" node_ref=first_button on:click=move |_| refresher.confirm()>{move || t_string!(i18n, actions.refresh)}</button>
                    <button type="button" class="bjh-button" on:click=close>{move || t_string!(i18n, common.cancel)}</button>
                </div>
            }
            .into_any(),
            RefreshState::Starting(_) => view! {
                <p id="bjh-refresh-question" class="bjh-refresh-dialog__question">{question}</p>
                <div class="bjh-refresh-dialog__buttons">
                    <button type="button" class="bjh-button bjh-button--primary" disabled=true aria-busy="true">{move || t_string!(i18n, refresh.starting)}</button>
                </div>
            }
            .into_any(),
            RefreshState::Started(target, started) => {
                let words = {
                    let started = started.clone();
                    move || match (&target.connection_id, started.first()) {
                        (Some(_), Some(one)) => refresh_started(&one.job_id, one.already_running, i18n.get_locale()),
                        _ => refreshes_started(started.len(), i18n.get_locale()),
                    }
                };
                let first = started.first().map(|job| job.job_id.clone());
                let link = job_link.zip(first.clone()).filter(|_| started.len() == 1).map(|(make, id)| {
                    let href = make.run(Url::escape(&id));
                    view! { <a href=href class="bjh-refresh-dialog__job">{move || t_string!(i18n, refresh.open_job)}</a> }
                });
                let ids = started.iter().map(|job| job.job_id.clone()).collect::<Vec<_>>().join(" ");
                view! {
                    <p id="bjh-refresh-question" class="bjh-refresh-dialog__question" data-testid="refresh-outcome" data-job-id=first data-job-ids=ids>
                        {words}
                    </p>
                    <div class="bjh-refresh-dialog__buttons">
                        {link}
                        <button type="button" class="bjh-button" on:click=close>{move || t_string!(i18n, common.close)}</button>
                    </div>
                }
                .into_any()
            }
            RefreshState::Failed(_, error) => {
                let detail = {
                    let error = error.clone();
                    move || error.detail(i18n.get_locale())
                };
                view! {
                    <p id="bjh-refresh-question" class="bjh-refresh-dialog__question" data-testid="refresh-error">
                        <strong>{move || td_string!(i18n.get_locale(), refresh.did_not_start, headline = error.headline(i18n.get_locale()))}</strong>
                        " "
                        <span>{detail}</span>
                    </p>
                    <div class="bjh-refresh-dialog__buttons">
                        <button type="button" class="bjh-button" on:click=close>{move || t_string!(i18n, common.close)}</button>
                    </div>
                }
                .into_any()
            }
        };
        Some(view! {
            <div class="bjh-refresh-dialog" role="dialog" aria-labelledby="bjh-refresh-question" data-testid="refresh-dialog" on:keydown=close_on_escape(move || refresher.close())>
                {content}
            </div>
        })
    };
    Some(body)
}
