//! Each step with its status and what it produced: a link, an error (code, title, detail), an
//! MFA prompt shown as "waiting for the user", or raw JSON for an unknown shape.

use crate::domain::{MfaPrompt, Step, StepResult, step_title};
use crate::i18n::{Locale, t_string, td_string, use_i18n};
use leptos::prelude::*;
use leptos_i18n::I18nContext;

fn mfa(prompt: MfaPrompt) -> impl IntoView {
    let i18n = use_i18n();
    let expiry = prompt
        .expiry_ms
        .map(|ms| move || td_string!(i18n.get_locale(), detail.expires, s = ms / 1000));
    view! {
        <div class="bjh-timeline__mfa">
            <strong>{move || t_string!(i18n, detail.waiting_for_user)}</strong>
            {prompt.method.map(|m| view! { <span>{move || t_string!(i18n, detail.method)}<code>{m}</code></span> })}
            {prompt.description.map(|d| view! { <p>{d}</p> })}
            <ul>{prompt.inputs.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            {expiry.map(|e| view! { <p class="bjh-muted">{e}</p> })}
        </div>
    }
}

fn result(result: StepResult, i18n: I18nContext<Locale>) -> AnyView {
    match result {
        StepResult::None => ().into_any(),
        StepResult::Link(link) => {
            view! { <p class="bjh-timeline__link">{link.kind}" "<code>{link.url}</code></p> }
                .into_any()
        }
        StepResult::Error(error) => view! {
            <dl class="bjh-timeline__error">
                <dt>{move || t_string!(i18n, detail.code)}</dt>
                <dd><code>{error.code.clone()}</code></dd>
                <dt>{move || t_string!(i18n, detail.title)}</dt>
                <dd>{error.title.clone().unwrap_or_default()}</dd>
                <dt>{move || t_string!(i18n, detail.detail)}</dt>
                <dd>{error.detail.clone().unwrap_or_default()}</dd>
            </dl>
        }
        .into_any(),
        StepResult::Mfa(prompt) => mfa(prompt).into_any(),
        StepResult::Other(raw) => {
            view! { <pre class="bjh-timeline__raw">{raw.to_string()}</pre> }.into_any()
        }
    }
}

/// The step timeline.
#[component]
pub fn StepTimeline(#[prop(into)] steps: Signal<Vec<Step>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="bjh-timeline" aria-label=move || t_string!(i18n, detail.timeline)>
            {move || {
                steps
                    .get()
                    .into_iter()
                    .map(|step| {
                        view! {
                            <li
                                class=format!("bjh-timeline__step bjh-step--{}", step.status.css_modifier())
                                data-step-status=step.status.as_str().to_owned()
                            >
                                <span class="bjh-step__mark" aria-hidden="true">{step.status.symbol()}</span>
                                <span class="bjh-timeline__title">{let title = step.title.clone(); move || step_title(&title, i18n.get_locale()).to_owned()}</span>
                                <span class="bjh-step__status">{let status = step.status.clone(); move || status.label(i18n.get_locale()).to_owned()}</span>
                                {result(step.result, i18n)}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
    }
}
