//! A timestamp in the viewer's time zone with the zone named, relative time beside it, and the
//! ISO UTC form on hover and focus.

use crate::domain::Stamp;
use crate::domain::time::{format_date_zoned, format_iso_utc, format_relative};
use crate::i18n::{t_string, use_i18n};
use crate::platform::viewer_offset;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// Shows `12 Feb 2025, 22:41 UTC+11 · 3 d ago`; an unreadable timestamp is shown raw.
#[component]
pub fn LocalTime(
    #[prop(into)] stamp: Signal<Option<Stamp>>,
    #[prop(into)] now: Signal<DateTime<Utc>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        match stamp.get() {
        Some(Stamp { at: Some(at), .. }) => {
            let offset = viewer_offset(at);
            let iso = format_iso_utc(at);
            view! {
                <span class="bjh-time">
                    <time class="bjh-time__abs" datetime=iso.clone() title=iso tabindex="0">
                        {move || format_date_zoned(at, offset, i18n.get_locale())}
                    </time>
                    <span class="bjh-time__rel">{move || format_relative(at, now.get(), i18n.get_locale())}</span>
                </span>
            }
            .into_any()
        }
        Some(Stamp { raw, at: None }) => view! {
            <span class="bjh-time bjh-time--unreadable" title=move || t_string!(i18n, time.unreadable)>{raw}</span>
        }
        .into_any(),
        None => view! { <span class="bjh-time bjh-time--missing">{move || t_string!(i18n, time.no_date)}</span> }.into_any(),
    }
    }
}
