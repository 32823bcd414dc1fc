//! A button that copies a text (a job ID, raw JSON, a curl command) and says so.

use super::Clipboard;
use crate::i18n::{Locale, t_string, use_i18n};
use leptos::prelude::*;

/// Copies `text` through the page's clipboard; its `label` ("Copy ID", "Copy as curl", in the
/// viewer's language) reads "Copied" for a moment after `text` is copied, by it or by the `c`
/// shortcut on its card.
#[component]
pub fn CopyButton(
    #[prop(into)] text: Signal<String>,
    label: fn(Locale) -> &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let clipboard = Clipboard::expect();
    let supported = clipboard.supported;
    let copy = clipboard.clone();
    view! {
        <button
            class="bjh-copy"
            type="button"
            disabled=move || !supported.get()
            on:click=move |_| copy.copy(&text.get_untracked())
        >
            {move || if text.with(|text| clipboard.just_copied(text)) { t_string!(i18n, common.copied) } else { label(i18n.get_locale()) }}
        </button>
    }
}
