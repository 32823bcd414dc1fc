//! The list of job cards under the current filter, with its loading and empty states. Cards are
//! keyed by job id and read their own signal, so an update re-renders only the card it touches.

use super::JobCard;
use crate::domain::{JobFilter, failure_streaks};
use crate::i18n::{t_string, td_string, use_i18n};
use crate::live::{Clock, JobHistory, JobRow};
use crate::platform;
use crate::url::use_detail_prefix;
use leptos::prelude::*;

/// How many cards are added at a time: the DOM stays small however long the history is.
const PAGE: usize = 100;

/// The height of the smallest card, in CSS pixels (a success card with one line of steps).
const SMALLEST_CARD_PX: f64 = 100.0;

/// How many cards are built before the first paint: as many of the smallest cards as a viewport
/// `height` px tall holds, and one more (at least 4), so the first paint fills the screen and
/// comes sooner; the rest of the page follows a frame later.
pub fn first_screen_cards(height: f64) -> usize {
    let fit = (height.max(0.0) / SMALLEST_CARD_PX).ceil() as usize;
    (fit + 1).clamp(4, PAGE)
}

/// The cards.
#[component]
pub fn JobList(
    history: JobHistory,
    #[prop(into)] filter: Signal<JobFilter>,
    clock: Clock,
) -> impl IntoView {
    let i18n = use_i18n();
    let limit = RwSignal::new(PAGE);
    let first_screen = first_screen_cards(platform::viewport_height());
    let first_screen_only = RwSignal::new(true);
    history.after_first_paint(move || {
        first_screen_only.try_set(false);
    });
    let detail_prefix = use_detail_prefix();
    let matching = Memo::new(move |_| {
        filter.with(|f| {
            history
                .rows
                .with(|rows| f.matching(rows.iter().map(|r| r.job.read())).count())
        })
    });
    // Each failed job's place in a run of failures on its connection, over the whole history
    // (a run does not depend on the filter); a card reads only its own entry.
    let streaks = Memo::new(move |_| {
        history
            .rows
            .with(|rows| failure_streaks(rows.iter().map(|r| r.job.read())))
    });
    let visible = move || -> Vec<JobRow> {
        let f = filter.get();
        let shown = if first_screen_only.get() {
            limit.get().min(first_screen)
        } else {
            limit.get()
        };
        history.rows.with(|rows| {
            f.matching(rows.iter().map(|r| r.job.read()))
                .take(shown)
                .map(|index| rows[index].clone())
                .collect()
        })
    };
    let more = move || {
        let hidden = matching.get().saturating_sub(limit.get());
        (hidden > 0).then(|| {
            view! {
                <button class="bjh-button bjh-more" type="button" on:click=move |_| limit.update(|l| *l += PAGE)>
                    {move || td_string!(i18n.get_locale(), list.show_more, shown = hidden.min(PAGE), hidden)}
                </button>
            }
        })
    };
    let state = move || {
        let loaded = history.loaded.get();
        let any = history.rows.with(|rows| !rows.is_empty());
        let none_match = matching.get() == 0;
        match (loaded, any, none_match) {
            (false, _, _) => Some(view! { <Skeletons /> }.into_any()),
            (true, false, _) if history.error.with(Option::is_none) => {
                Some(view! { <p class="bjh-empty" data-testid="empty">{move || t_string!(i18n, list.empty)}</p> }.into_any())
            }
            (true, true, true) => {
                Some(view! { <p class="bjh-empty" data-testid="no-match">{move || t_string!(i18n, list.no_match)}</p> }.into_any())
            }
            _ => None,
        }
    };
    view! {
        {state}
        <ul class="bjh-history__list">
            <For
                each=visible
                key=|row| row.id.clone()
                children=move |row| {
                    let job = RwSignal::from(row.job);
                    let id = row.id;
                    let streak = Memo::new(move |_| streaks.with(|s| s.get(&id).copied()));
                    view! {
                        <li>
                            <JobCard job=job now=clock.now detail_prefix=detail_prefix streak=streak />
                        </li>
                    }
                }
            />
        </ul>
        {more}
    }
}

/// Placeholder cards while the first load runs, the height of real ones (no layout jump).
#[component]
fn Skeletons() -> impl IntoView {
    view! {
        <ul class="bjh-history__list" aria-hidden="true" data-testid="skeletons">
            {(0..3).map(|_| view! { <li class="bjh-card bjh-card--skeleton"></li> }).collect_view()}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_paint_holds_a_screenful_of_the_smallest_cards() {
        assert_eq!(first_screen_cards(720.0), 9);
        assert_eq!(first_screen_cards(1080.0), 12);
        assert_eq!(first_screen_cards(2160.0), 23);
        assert_eq!(first_screen_cards(0.0), 4, "at least a few");
        assert_eq!(first_screen_cards(f64::NAN), 4, "an unknown height");
        assert_eq!(first_screen_cards(1e9), PAGE, "never more than a page");
    }
}
