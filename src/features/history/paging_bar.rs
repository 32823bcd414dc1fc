//! The first load's older pages: "Loading older jobs: loaded 400 of ~1,200 jobs" with a bar
//! and a Stop button while they come; "Stopped: loaded 400 of ~1,200 jobs" with "Load the
//! rest" when stopped early; nothing once the time range has what it needs.

use crate::domain::paging::progress_words;
use crate::i18n::{t_string, td_string, use_i18n};
use crate::live::JobHistory;
use leptos::prelude::*;

/// The paging bar, above the list.
#[component]
pub fn PagingBar(history: JobHistory) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let progress = history.paging.get()?;
        let words = move || progress_words(progress.loaded, progress.estimate, i18n.get_locale());
        let (max, value) = match progress.estimate {
            Some(total) => (total.to_string(), progress.loaded.to_string()),
            None => (String::new(), String::new()),
        };
        Some(if progress.stopped {
            view! {
                <div class="bjh-paging" data-testid="paging" data-state="stopped">
                    <span class="bjh-paging__words">{move || td_string!(i18n.get_locale(), paging.stopped, words = words())}</span>
                    <button class="bjh-button" type="button" on:click=move |_| history.load_older()>
                        {move || t_string!(i18n, paging.load_rest)}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="bjh-paging" role="status" data-testid="paging" data-state="loading">
                    <span class="bjh-paging__words">{move || td_string!(i18n.get_locale(), paging.loading, words = words())}</span>
                    // Without an estimate the bar is indeterminate (no value).
                    <progress class="bjh-paging__bar" max=(!max.is_empty()).then_some(max) value=(!value.is_empty()).then_some(value) aria-hidden="true"></progress>
                    <button class="bjh-button" type="button" on:click=move |_| history.stop_paging()>
                        {move || t_string!(i18n, paging.stop)}
                    </button>
                </div>
            }
            .into_any()
        })
    }
}
