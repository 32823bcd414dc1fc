//! The live-update bar: when data last arrived, a manual refresh, pause / resume, and the
//! "N new jobs" pill. For a saved file, only the instant its jobs are shown as of.

use crate::config::Settings;
use crate::domain::time::{format_date_zoned, format_relative};
use crate::i18n::{t_string, td_string, use_i18n};
use crate::live::{Clock, JobHistory};
use crate::platform::{viewer_offset, viewer_zone_name};
use leptos::prelude::*;

/// The bar above the list.
#[component]
pub fn LiveBar(history: JobHistory, clock: Clock) -> impl IntoView {
    let i18n = use_i18n();
    if let Some(label) = use_context::<Settings>().and_then(|settings| settings.saved) {
        let offset = viewer_offset(label.as_of);
        return view! {
            <div class="bjh-livebar">
                <span class="bjh-livebar__updated" data-testid="last-updated">
                    {move || {
                        let locale = i18n.get_locale();
                        let as_of = format_date_zoned(label.as_of, offset, locale);
                        td_string!(locale, live.saved_as_of, as_of)
                    }}
                </span>
            </div>
        }
        .into_any();
    }
    // Loading until the first answer; an answer that brought no data (an error, said beside)
    // leaves nothing loading.
    let updated = move || match history.last_updated.get() {
        Some(at) => {
            let ago = format_relative(at, clock.now.get(), i18n.get_locale());
            td_string!(i18n.get_locale(), live.updated, ago)
        }
        None if history.loaded.get() => t_string!(i18n, live.not_updated).to_owned(),
        None => t_string!(i18n, app.loading).to_owned(),
    };
    let arrivals = move || history.arrivals.with(Vec::len);
    // Without Temporal, the zone's name costs ~40 ms the first time (Intl starts up): asked once
    // the first cards are painted, so that it never delays them.
    let zone = RwSignal::new(None::<String>);
    history.after_first_paint(move || {
        zone.try_set(viewer_zone_name());
    });
    view! {
        <div class="bjh-livebar">
            <span class="bjh-livebar__updated" data-testid="last-updated">{updated}</span>
            <span class="bjh-livebar__zone" data-testid="time-zone">
                {move || zone.get().map(|zone| td_string!(i18n.get_locale(), live.times_in, zone))}
            </span>
            <button class="bjh-button" type="button" on:click=move |_| history.refresh()>
                {move || t_string!(i18n, live.refresh)}
            </button>
            <button
                class="bjh-button"
                type="button"
                aria-pressed=move || history.paused.get().to_string()
                on:click=move |_| history.paused.update(|p| *p = !*p)
            >
                {move || if history.paused.get() { t_string!(i18n, live.resume) } else { t_string!(i18n, live.pause) }}
            </button>
            <Show when=move || { arrivals() > 0 }>
                <button
                    class="bjh-pill"
                    type="button"
                    data-testid="new-jobs"
                    on:click=move |_| history.show_arrivals()
                >
                    {move || td_string!(i18n.get_locale(), live.new_jobs, count = arrivals())}
                </button>
            </Show>
        </div>
    }
    .into_any()
}
