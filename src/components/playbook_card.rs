//! The playbook for a failed job: the failing step and its error as Basiq gave them, the
//! plain-language cause, who must act and what to do, in the viewer's language.

use crate::domain::playbook::advice;
use crate::domain::{Step, StepError, step_title};
use crate::i18n::{t_string, td_string, use_i18n};
use leptos::prelude::*;

/// The failure explained. All API text is rendered as text.
#[component]
pub fn PlaybookCard(step: Step, error: Option<StepError>) -> impl IntoView {
    let i18n = use_i18n();
    let failure = error.clone();
    let explained = move || {
        let locale = i18n.get_locale();
        failure.as_ref().map(|error| {
            let a = advice(error, locale);
            let who: Vec<&str> = a.who.iter().map(|actor| actor.label(locale)).collect();
            view! {
                <p class="bjh-playbook__cause">
                    <strong>{td_string!(locale, playbook.cause)}</strong>
                    {a.cause}
                </p>
                {(!who.is_empty()).then(|| view! { <p class="bjh-playbook__who"><strong>{td_string!(locale, playbook.who)}</strong>{who.join(", ")}</p> })}
                <ul class="bjh-playbook__actions">
                    {a.actions.into_iter().map(|action| view! { <li>{action}</li> }).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <section class="bjh-playbook" aria-label=move || t_string!(i18n, playbook.label)>
            <p class="bjh-playbook__what">
                <span class="bjh-playbook__step">{let title = step.title.clone(); move || step_title(&title, i18n.get_locale()).to_owned()}</span>
                {error.as_ref().map(|e| view! { <code class="bjh-playbook__code">{e.code.clone()}</code> })}
                <span class="bjh-playbook__message">{error.as_ref().map(|e| e.message().to_owned())}</span>
            </p>
            {explained}
        </section>
    }
}
