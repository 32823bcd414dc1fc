//! The app bar's badge while a saved file is open: that it is a saved file, its name, when it
//! was taken (in the viewer's zone, named), and a button that closes it.

use super::SavedFiles;
use crate::config::SavedLabel;
use crate::domain::time::{format_date_zoned, format_iso_utc};
use crate::i18n::{Locale, t_string, td_string, use_i18n};
use crate::platform::viewer_offset;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// `14 Mar 2025, 23:00 UTC+11`.
fn zoned(at: DateTime<Utc>, locale: Locale) -> String {
    format_date_zoned(at, viewer_offset(at), locale)
}

/// The badge and the Close button.
#[component]
pub fn SavedBadge(label: SavedLabel) -> impl IntoView {
    let close = SavedFiles::expect().use_close();
    let i18n = use_i18n();
    let (taken, as_of) = (label.taken, label.as_of);
    let badge = move || {
        let locale = i18n.get_locale();
        let when = match taken {
            Some(at) => td_string!(locale, saved.taken, at = zoned(at, locale)),
            None => td_string!(locale, saved.api_answer, at = zoned(as_of, locale)),
        };
        td_string!(locale, saved.badge, when = when)
    };
    let iso = format_iso_utc(label.taken.unwrap_or(label.as_of));
    view! {
        <span class="bjh-badge bjh-badge--saved" data-testid="saved-badge" title=format!("{} · {iso}", label.name)>
            {badge}
        </span>
        <button type="button" class="bjh-button" data-testid="close-file" on:click=move |_| close()>
            {move || t_string!(i18n, saved.close)}
        </button>
    }
}
