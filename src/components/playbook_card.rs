//! The playbook for a failed job: the failing step and its error as Basiq gave them, the
//! plain-language cause, who must act and what to do.

use crate::domain::playbook::advice;
use crate::domain::{Step, StepError};
use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;

/// The failure explained. All API text is rendered as text.
#[component]
pub fn PlaybookCard(step: Step, error: Option<StepError>) -> impl IntoView {
    let i18n = use_i18n();
    let advice = error.as_ref().map(advice);
    let who = advice.as_ref().filter(|a| !a.who.is_empty()).map(|a| {
        let actors = a.who.clone();
        move || {
            let names: Vec<&str> = actors
                .iter()
                .map(|actor| actor.label(i18n.get_locale()))
                .collect();
            names.join(", ")
        }
    });
    view! {
        <section class="bjh-playbook" aria-label=move || t_string!(i18n, playbook.label)>
            <p class="bjh-playbook__what">
                <span class="bjh-playbook__step">{step.title.clone()}</span>
                {error.as_ref().map(|e| view! { <code class="bjh-playbook__code">{e.code.clone()}</code> })}
                <span class="bjh-playbook__message">{error.as_ref().map(|e| e.message().to_owned())}</span>
            </p>
            {advice.map(|a| {
                view! {
                    <p class="bjh-playbook__cause">
                        <strong>{move || t_string!(i18n, playbook.cause)}</strong>
                        {a.cause}
                    </p>
                    {who.map(|who| view! { <p class="bjh-playbook__who"><strong>{move || t_string!(i18n, playbook.who)}</strong>{who}</p> })}
                    <ul class="bjh-playbook__actions">
                        {a.actions.into_iter().map(|action| view! { <li>{action}</li> }).collect_view()}
                    </ul>
                }
            })}
        </section>
    }
}
