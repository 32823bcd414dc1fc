//! One mark per step with its status; the failing step is marked with its error code.

use crate::domain::{Step, StepResult, step_title};
use crate::i18n::{t_string, td_string, use_i18n};
use leptos::prelude::*;

/// The step strip of a job card.
#[component]
pub fn StepStrip(#[prop(into)] steps: Signal<Vec<Step>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="bjh-steps" aria-label=move || t_string!(i18n, card.steps)>
            // The words are read here, once per change, as plain text: a change of the steps or
            // of the language patches the strip in place (closures inside would be replaced).
            {move || {
                let locale = i18n.get_locale();
                steps
                    .get()
                    .into_iter()
                    .map(|step| {
                        // At most one of the two, so one optional part (one placeholder node).
                        let extra = match &step.result {
                            StepResult::Error(error) => {
                                let code = error.code.clone();
                                Some(view! { <code class="bjh-step__code">{code}</code> }.into_any())
                            }
                            StepResult::Mfa(_) => {
                                Some(view! { <span class="bjh-step__note">{td_string!(locale, card.waiting_for_user)}</span> }.into_any())
                            }
                            _ => None,
                        };
                        view! {
                            <li
                                class=format!("bjh-step bjh-step--{}", step.status.css_modifier())
                                data-step-status=step.status.as_str().to_owned()
                            >
                                <span class="bjh-step__mark" aria-hidden="true">
                                    {step.status.symbol()}
                                </span>
                                <span class="bjh-step__title">{step_title(&step.title, locale).to_owned()}</span>
                                <span class="bjh-step__status">{step.status.label(locale).to_owned()}</span>
                                {extra}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
    }
}
