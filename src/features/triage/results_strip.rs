//! A connection's latest results as marks, newest first: ✓ success, ✗ failed, ○ pending. Each
//! mark carries its status in its symbol and title, never in colour alone.

use crate::domain::CardStatus;
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
    let settled = recent.iter().filter(|s| s.is_settled()).count();
    let words = match rate {
        Some(rate) => format!(
            "{:.0}% of the last {settled} settled jobs succeeded",
            rate * 100.0
        ),
        None => "no settled job yet".to_owned(),
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
        <span class="bjh-results__rate">{rate.map(|r| format!("{:.0}%", r * 100.0))}</span>
    }
}
