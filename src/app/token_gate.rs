//! For `auth.mode = "prompt"`: asks for a token before anything loads. The token is kept in
//! memory only (never in the URL, storage or logs) and is gone on reload.

use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;

/// Shows `children` once a token has been given to `on_token`.
#[component]
pub fn TokenGate(#[prop(into)] on_token: Callback<String>, children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let given = RwSignal::new(false);
    let token = RwSignal::new(String::new());
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let value = token.get_untracked().trim().to_owned();
        if !value.is_empty() {
            on_token.run(value);
            token.set(String::new());
            given.set(true);
        }
    };
    view! {
        <Show
            when=move || given.get()
            fallback=move || {
                view! {
                    <form class="bjh-notice bjh-token" on:submit=submit data-testid="token-gate">
                        <label class="bjh-field">
                            <span class="bjh-field__label">{move || t_string!(i18n, token.label)}</span>
                            <input
                                class="bjh-field__input"
                                type="password"
                                autocomplete="off"
                                prop:value=move || token.get()
                                on:input=move |e| token.set(event_target_value(&e))
                            />
                        </label>
                        <button class="bjh-button" type="submit">{move || t_string!(i18n, token.submit)}</button>
                        <span class="bjh-muted">{move || t_string!(i18n, token.memory)}</span>
                    </form>
                }
            }
        >
            {children()}
        </Show>
    }
}
