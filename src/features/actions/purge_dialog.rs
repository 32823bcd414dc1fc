//! The page's purge confirmation: it warns what is removed (naming the connection, its bank and
//! the user) and sends the purge only once the connection id is typed; then it says what Basiq
//! answered until closed.

use crate::components::{close_on_escape, use_dialog_focus};
use crate::domain::{purge_confirmed, purge_done, purge_question};
use crate::i18n::{t_string, td_string, use_i18n};
use crate::live::{PurgeState, use_institution, use_purger};
use leptos::html::Input;
use leptos::prelude::*;

/// The typed confirmation, shown while a purge is asked, on its way or just answered.
#[component]
pub fn PurgeDialog() -> impl IntoView {
    let purger = use_purger()?;
    let i18n = use_i18n();
    let state = purger.state;
    let typed = RwSignal::new(String::new());
    let input = NodeRef::<Input>::new();
    // Each question starts with nothing typed, the focus in the field.
    use_dialog_focus(
        move || state.with(|s| matches!(s, PurgeState::Confirming(_))),
        move || state.with(|s| !matches!(s, PurgeState::Idle)),
        move || {
            typed.set(String::new());
            if let Some(input) = input.get_untracked() {
                let _ = input.focus();
            }
        },
    );
    let bank =
        Memo::new(move |_| state.with(|s| s.target().and_then(|t| t.institution_id.clone())));
    let body = move || {
        let current = state.get();
        let target = current.target()?.clone();
        let connection = target.connection_id.clone().unwrap_or_default();
        let name = use_institution(bank.get());
        let warning = {
            let (connection, target) = (connection.clone(), target.clone());
            move || {
                let bank = name
                    .get()
                    .and_then(|i| i.name)
                    .or_else(|| target.institution_id.clone());
                purge_question(
                    &connection,
                    &target.user_id,
                    bank.as_deref(),
                    i18n.get_locale(),
                )
            }
        };
        let close = move |_| purger.close();
        let content = match current {
            PurgeState::Idle => return None,
            PurgeState::Confirming(_) | PurgeState::Purging(_) => {
                let busy = matches!(current, PurgeState::Purging(_));
                let expected = connection.clone();
                let matches = move || purge_confirmed(&typed.read(), &expected);
                view! {
                    <p id="bjh-purge-question" class="bjh-refresh-dialog__question">{warning}</p>
                    <label class="bjh-field">
                        <span class="bjh-field__label">{move || t_string!(i18n, purge.field)}</span>
                        <input
                            class="bjh-field__input"
                            node_ref=input
                            data-testid="purge-typed"
                            autocomplete="off"
                            spellcheck="false"
                            prop:value=move || typed.get()
                            on:input=move |ev| typed.set(event_target_value(&ev))
                        />
                    </label>
                    <div class="bjh-refresh-dialog__buttons">
                        <button
                            type="button"
                            class="bjh-button bjh-button--danger"
                            disabled=move || busy || !matches()
                            on:click=move |_| purger.confirm(&typed.get_untracked())
                        >
                            {move || if busy { t_string!(i18n, purge.purging) } else { t_string!(i18n, actions.purge) }}
                        </button>
                        <button type="button" class="bjh-button" disabled=busy on:click=close>{move || t_string!(i18n, common.cancel)}</button>
                    </div>
                }
                .into_any()
            }
            PurgeState::Purged(target) => view! {
                <p id="bjh-purge-question" class="bjh-refresh-dialog__question" data-testid="purge-outcome">{move || purge_done(&target, i18n.get_locale())}</p>
                <div class="bjh-refresh-dialog__buttons">
                    <button type="button" class="bjh-button" on:click=close>{move || t_string!(i18n, common.close)}</button>
                </div>
            }
            .into_any(),
            PurgeState::Failed(_, error) => {
                let detail = {
                    let error = error.clone();
                    move || error.detail(i18n.get_locale())
                };
                view! {
                    <p id="bjh-purge-question" class="bjh-refresh-dialog__question" data-testid="purge-error">
                        <strong>{move || td_string!(i18n.get_locale(), purge.did_not_happen, headline = error.headline(i18n.get_locale()))}</strong>
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
            <div class="bjh-refresh-dialog bjh-purge-dialog" role="dialog" aria-labelledby="bjh-purge-question" data-testid="purge-dialog" on:keydown=close_on_escape(move || purger.close())>
                {content}
            </div>
        })
    };
    Some(body)
}
