//! The app bar's badge while a saved file is open: that it is a saved file, its name, when it
//! was taken (in the viewer's zone, named), and a button that closes it.

use super::SavedFiles;
use crate::config::SavedLabel;
use crate::domain::time::{format_date_zoned, format_iso_utc};
use crate::platform::viewer_offset;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// `14 Mar 2025, 23:00 UTC+11`.
fn zoned(at: DateTime<Utc>) -> String {
    format_date_zoned(at, viewer_offset(at))
}

/// The badge and the Close button.
#[component]
pub fn SavedBadge(label: SavedLabel) -> impl IntoView {
    let close = SavedFiles::expect().use_close();
    let when = match label.taken {
        Some(at) => format!("taken {}", zoned(at)),
        None => format!("an API answer; newest job {}", zoned(label.as_of)),
    };
    let iso = format_iso_utc(label.taken.unwrap_or(label.as_of));
    view! {
        <span class="bjh-badge bjh-badge--saved" data-testid="saved-badge" title=format!("{} · {iso}", label.name)>
            {format!("Saved file · {when} · nothing is live")}
        </span>
        <button type="button" class="bjh-button" data-testid="close-file" on:click=move |_| close()>
            "Close file"
        </button>
    }
}
