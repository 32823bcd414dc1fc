//! The live-update bar: when data last arrived, a manual refresh, pause / resume, and the
//! "N new jobs" pill. For a saved file, only the instant its jobs are shown as of.

use crate::config::Settings;
use crate::domain::time::{format_date_zoned, format_relative};
use crate::live::{Clock, JobHistory};
use crate::platform::{viewer_offset, viewer_zone_name};
use leptos::prelude::*;

/// The bar above the list.
#[component]
pub fn LiveBar(history: JobHistory, clock: Clock) -> impl IntoView {
    if let Some(label) = use_context::<Settings>().and_then(|settings| settings.saved) {
        let as_of = format_date_zoned(label.as_of, viewer_offset(label.as_of));
        return view! {
            <div class="bjh-livebar">
                <span class="bjh-livebar__updated" data-testid="last-updated">
                    {format!("From a saved file: jobs as of {as_of}; nothing updates")}
                </span>
            </div>
        }
        .into_any();
    }
    // Loading until the first answer; an answer that brought no data (an error, said beside)
    // leaves nothing loading.
    let updated = move || match history.last_updated.get() {
        Some(at) => format!("Updated {}", format_relative(at, clock.now.get())),
        None if history.loaded.get() => "Not updated yet".to_owned(),
        None => "Loading…".to_owned(),
    };
    let arrivals = move || history.arrivals.with(Vec::len);
    // Without Temporal, the zone's name costs ~40 ms the first time (Intl starts up): asked once
    // the first cards are painted, so that it never delays them.
    let zone = RwSignal::new(None::<String>);
    history.after_first_paint(move || {
        zone.try_set(viewer_zone_name().map(|z| format!("Times in {z}")));
    });
    view! {
        <div class="bjh-livebar">
            <span class="bjh-livebar__updated" data-testid="last-updated">{updated}</span>
            <span class="bjh-livebar__zone" data-testid="time-zone">{zone}</span>
            <button class="bjh-button" type="button" on:click=move |_| history.refresh()>
                "Refresh"
            </button>
            <button
                class="bjh-button"
                type="button"
                aria-pressed=move || history.paused.get().to_string()
                on:click=move |_| history.paused.update(|p| *p = !*p)
            >
                {move || if history.paused.get() { "Resume live updates" } else { "Pause live updates" }}
            </button>
            <Show when=move || { arrivals() > 0 }>
                <button
                    class="bjh-pill"
                    type="button"
                    data-testid="new-jobs"
                    on:click=move |_| history.show_arrivals()
                >
                    {move || match arrivals() {
                        1 => "1 new job".to_owned(),
                        n => format!("{n} new jobs"),
                    }}
                </button>
            </Show>
        </div>
    }
    .into_any()
}
