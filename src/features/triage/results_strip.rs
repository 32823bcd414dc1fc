//! A connection's latest results as marks, newest first: ✓ success, ✗ failed, ○ pending. Each
//! mark carries its status in its symbol and title, never in colour alone.

use crate::domain::{CardStatus, percent};
use crate::i18n::{td_string, use_i18n};
use leptos::prelude::*;

/// The symbol of a result mark.
fn mark(status: CardStatus) -> &'static str {
    match status {
        CardStatus::Success => "✓",
        CardStatus::Failed => "✗",
        CardStatus::Pending => "○",
    }
}

/// The marks, with the success rate said in words for screen readers.
#[component]
pub fn ResultsStrip(recent: Vec<CardStatus>, rate: Option<f64>) -> impl IntoView {
    let i18n = use_i18n();
    let settled = recent.iter().filter(|s| s.is_settled()).count();
    let rate_text = rate.map(|rate| percent(rate, 0));
    let words = {
        let rate_text = rate_text.clone();
        move || match &rate_text {
            Some(rate) => td_string!(i18n.get_locale(), health.rate, rate, settled),
            None => td_string!(i18n.get_locale(), health.no_rate).to_owned(),
        }
    };
    view! {
        <span class="bjh-results" role="img" aria-label=words.clone() title=words>
            {recent
                .into_iter()
                .map(|status| {
                    view! {
                        <span class=format!("bjh-results__mark bjh-results__mark--{}", status.as_str())>
                            {mark(status)}
                        </span>
                    }
                })
                .collect_view()}
        </span>
        <span class="bjh-results__rate">{move || rate_text.as_ref().map(|rate| td_string!(i18n.get_locale(), common.percent, rate))}</span>
    }
}
