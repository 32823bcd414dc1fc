//! "Open saved file": a button that opens the browser's file picker for a saved export or job
//! list (a real button, so the keyboard reaches it; the file input itself stays hidden).

use super::SavedFiles;
use crate::platform;
use leptos::html;
use leptos::prelude::*;

/// The button and its hidden file input.
#[component]
pub fn OpenFileButton() -> impl IntoView {
    let open = SavedFiles::expect().use_open();
    let input = NodeRef::<html::Input>::new();
    view! {
        <button
            type="button"
            class="bjh-button"
            data-testid="open-file"
            title="Open a file exported here, or a job list as Basiq's API answered it"
            on:click=move |_| {
                if let Some(input) = input.get() {
                    input.click();
                }
            }
        >
            "Open saved file"
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
