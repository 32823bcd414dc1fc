//! The failure filters in force (`?code=`, `?step=`, `?institution=`, set by a failure group's
//! link), each shown with a link that removes it.

use crate::domain::{JobFilter, NONE_KEY};
use crate::url::use_filter_href;
use leptos::prelude::*;

/// A filter's name, and how to read and clear it.
type Part = (
    &'static str,
    fn(&JobFilter) -> Option<&String>,
    fn(&mut JobFilter),
);

const PARTS: [Part; 3] = [
    ("Code", |f| f.code.as_ref(), |f| f.code = None),
    ("Step", |f| f.step.as_ref(), |f| f.step = None),
    ("Bank", |f| f.institution.as_ref(), |f| f.institution = None),
];

/// The pills; nothing when no such filter is set.
#[component]
pub fn TriageFilters(#[prop(into)] filter: Signal<JobFilter>) -> impl IntoView {
    let filter_href = use_filter_href();
    move || {
        filter.with(|f| {
            PARTS
                .iter()
                .filter_map(|(name, get, clear)| {
                    let value = get(f)?.clone();
                    let mut without = f.clone();
                    clear(&mut without);
                    let shown = if value == NONE_KEY { "none".to_owned() } else { value };
                    Some(view! {
                        <span class="bjh-chip bjh-chip--active" data-filter=name.to_lowercase()>
                            {format!("{name}: ")}
                            <code>{shown}</code>
                            <a class="bjh-chip__clear" href=filter_href(&without) aria-label=format!("Remove the {} filter", name.to_lowercase())>
                                "✕"
                            </a>
                        </span>
                    })
                })
                .collect_view()
        })
    }
}
