//! A button that copies a text (a job ID, raw JSON, a curl command) and says so.

use leptos::prelude::*;
use leptos_use::{UseClipboardReturn, use_clipboard};

/// Copies `text`; its `label` ("Copy ID", "Copy as curl") reads "Copied" for a moment after.
#[component]
pub fn CopyButton(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] label: String,
) -> impl IntoView {
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
            {move || if copied.get() { "Copied".to_owned() } else { label.clone() }}
        </button>
    }
}
