//! A group's share of the failures as a small bar: plain SVG (presentation attributes, so the
//! strict style policy holds), hidden from screen readers, which read the number beside it.

use crate::domain::percent;
use leptos::prelude::*;

/// A bar `share` (0.0 to 1.0) of its width long.
#[component]
pub fn ShareBar(share: f64) -> impl IntoView {
    let width = percent(share, 1);
    view! {
        <svg class="bjh-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="bjh-bar__track" width="100" height="6" rx="1" />
            <rect class="bjh-bar__fill" width=width height="6" rx="1" />
        </svg>
    }
}
