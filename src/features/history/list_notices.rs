//! What the list says besides the cards: the error banner (the data shown stays, with its age),
//! items that could not be read, and the empty states.

use crate::components::ErrorNotice;
use crate::domain::ItemProblem;
use crate::i18n::{Locale, td_string, use_i18n};
use crate::live::{Clock, JobHistory};
use leptos::prelude::*;

/// How many unreadable items are named at once; the rest wait behind a disclosure.
const NAMED_AT_ONCE: usize = 10;

fn problem_items(problems: &[ItemProblem], locale: Locale) -> impl IntoView + use<> {
    problems
        .iter()
        .map(|p| view! { <li>{p.words(locale)}</li> })
        .collect_view()
}

/// The error banner and the notice naming each item that could not be read, and why.
#[component]
pub fn ListNotices(history: JobHistory, clock: Clock) -> impl IntoView {
    let i18n = use_i18n();
    let problems = move || {
        history.problems.with(|problems| {
            (!problems.is_empty()).then(|| {
                let locale = i18n.get_locale();
                let headline = td_string!(locale, notices.problems, count = problems.len());
                let (named, rest) = problems.split_at(problems.len().min(NAMED_AT_ONCE));
                let rest = (!rest.is_empty()).then(|| {
                    view! {
                        <details>
                            <summary>{td_string!(locale, common.and_more, n = rest.len())}</summary>
                            <ul>{problem_items(rest, locale)}</ul>
                        </details>
                    }
                });
                view! {
                    <div class="bjh-notice bjh-notice--warning" role="status" data-testid="problems">
                        <strong class="bjh-notice__title">{headline}</strong>
                        <ul class="bjh-notice__items">{problem_items(named, locale)}</ul>
                        {rest}
                    </div>
                }
            })
        })
    };
    view! {
        <ErrorNotice
            error=history.error
            last_updated=history.last_updated
            now=clock.now
            on_retry=move |_| history.refresh()
        />
        {problems}
    }
}
