//! "Open saved file": a button that opens the browser's file picker for a saved export or job
//! list (a real button, so the keyboard reaches it; the file input itself stays hidden).

use super::SavedFiles;
use crate::i18n::{t_string, use_i18n};
use crate::platform;
use leptos::html;
use leptos::prelude::*;

/// The button and its hidden file input.
#[component]
pub fn OpenFileButton() -> impl IntoView {
    let open = SavedFiles::expect().use_open();
    let input = NodeRef::<html::Input>::new();
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="bjh-button"
            data-testid="open-file"
            title=move || t_string!(i18n, saved.open_title)
            on:click=move |_| {
                if let Some(input) = input.get() {
                    input.click();
                }
            }
        >
            {move || t_string!(i18n, saved.open)}
        </button>
        <input
            node_ref=input
            type="file"
            accept=".json,application/json"
            class="bjh-sr-only"
            tabindex="-1"
            aria-hidden="true"
            data-testid="open-file-input"
            on:change=move |event| {
                if let Some(file) = platform::picked_file(&event) {
                    open(file);
                }
            }
        />
    }
}
