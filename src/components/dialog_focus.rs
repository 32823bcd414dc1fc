//! Where the keyboard goes with a page dialog: into it when it asks, back to the control that
//! opened it when it closes, and Escape closes it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// Moves the focus for a dialog. `asking` is true while it asks its question, `shown` while it
/// is on the page at all; `on_open` runs after the next frame each time it starts asking (it
/// focuses the dialog's first control). When the dialog goes, the focus returns to the element
/// that had it when the dialog opened, if that is still on the page.
pub fn use_dialog_focus(
    asking: impl Fn() -> bool + 'static,
    shown: impl Fn() -> bool + 'static,
    on_open: impl Fn() + Copy + 'static,
) {
    let opener = StoredValue::new_local(None::<HtmlElement>);
    Effect::new(move |was: Option<(bool, bool)>| {
        let (was_asking, was_shown) = was.unwrap_or_default();
        let now = (asking(), shown());
        if now.0 && !was_asking {
            if !was_shown {
                let active = document().active_element();
                opener.set_value(active.and_then(|e| e.dyn_into::<HtmlElement>().ok()));
            }
            request_animation_frame(on_open);
        }
        if was_shown && !now.1 {
            if let Some(element) = opener.get_value().filter(|e| e.is_connected()) {
                let _ = element.focus();
            }
            opener.set_value(None);
        }
        now
    });
}

/// A keydown handler for a dialog: Escape runs `close` and goes no further (so it neither
/// leaves the job shown nor reaches a host page).
pub fn close_on_escape(close: impl Fn() + 'static) -> impl Fn(KeyboardEvent) + 'static {
    move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            event.stop_propagation();
            close();
        }
    }
}
