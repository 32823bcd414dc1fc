//! Steps a poll schedule: at every tick of the app's clock, and at once when the page is shown
//! again or live updates resume. The clock is the app's one timer; nothing here starts another.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_use::use_document_visibility;
use web_sys::VisibilityState;

/// Calls `step(visible)` whenever `now` ticks, the page's visibility changes or `paused` changes;
/// `step` sends what its schedule says is due (nothing while hidden or paused). The first call
/// comes after the current render: a first request is sent by the caller, while the page is
/// being built.
pub fn use_poll_driver(
    now: Signal<DateTime<Utc>>,
    paused: Signal<bool>,
    step: impl Fn(bool) + 'static,
) {
    let visibility = use_document_visibility();
    Effect::new(move |_| {
        now.track();
        paused.track();
        step(visibility.get() == VisibilityState::Visible);
    });
}
