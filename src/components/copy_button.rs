//! A button that copies a text (a job ID, raw JSON, a curl command) and says so.

use crate::i18n::{Locale, t_string, use_i18n};
use leptos::prelude::*;
use leptos_use::{UseClipboardReturn, use_clipboard};

/// Copies `text`; its `label` ("Copy ID", "Copy as curl", in the viewer's language) reads
/// "Copied" for a moment after.
#[component]
pub fn CopyButton(
    #[prop(into)] text: Signal<String>,
    label: fn(Locale) -> &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let UseClipboardReturn {
        is_supported,
        copied,
        copy,
        ..
    } = use_clipboard();
    view! {
        <button
            class="bjh-copy"
            type="button"
            disabled=move || !is_supported.get()
            on:click=move |_| copy(&text.get_untracked())
        >
            {move || if copied.get() { t_string!(i18n, common.copied) } else { label(i18n.get_locale()) }}
        </button>
    }
}
