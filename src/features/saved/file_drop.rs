//! Drag and drop of a saved file anywhere on the app: while files are dragged over the page, a
//! banner says a drop opens it; text or links dragged within the page are left alone.

use super::SavedFiles;
use crate::i18n::{t_string, use_i18n};
use crate::platform;
use leptos::ev::{dragleave, dragover, drop};
use leptos::prelude::*;
use leptos_use::use_event_listener;
use web_sys::DragEvent;

/// Listens for files dropped on the page, and shows the banner while they are dragged over it.
#[component]
pub fn FileDrop() -> impl IntoView {
    let open = SavedFiles::expect().use_open();
    let dragging = RwSignal::new(false);
    let i18n = use_i18n();
    let _ = use_event_listener(document(), dragover, move |event: DragEvent| {
        if platform::drags_files(&event) {
            event.prevent_default();
            dragging.set(true);
        }
    });
    let _ = use_event_listener(document(), dragleave, move |event: DragEvent| {
        // Leaving the window: no element is entered next.
        if event.related_target().is_none() {
            dragging.set(false);
        }
    });
    let _ = use_event_listener(document(), drop, move |event: DragEvent| {
        dragging.set(false);
        if let Some(file) = platform::dropped_file(&event) {
            event.prevent_default();
            open(file);
        }
    });
    view! {
        <Show when=move || dragging.get()>
            <div class="bjh-drop" data-testid="drop-banner" role="status">
                {move || t_string!(i18n, opening.drop)}
            </div>
        </Show>
    }
}
