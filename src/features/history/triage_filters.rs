//! The failure filters in force (`?code=`, `?step=`, `?institution=`, set by a failure group's
//! link), each shown with a link that removes it.

use crate::components::BankName;
use crate::domain::{GroupBy, JobFilter, NONE_KEY};
use crate::url::use_filter_href;
use leptos::prelude::*;

/// A pill's name for the filter `by` names.
fn name(by: GroupBy) -> &'static str {
    match by {
        GroupBy::Code => "Code",
        GroupBy::Step => "Step",
        GroupBy::Institution => "Bank",
    }
}

/// The pills; nothing when no such filter is set.
#[component]
pub fn TriageFilters(#[prop(into)] filter: Signal<JobFilter>) -> impl IntoView {
    let filter_href = use_filter_href();
    move || {
        filter.with(|f| {
            GroupBy::ALL
                .into_iter()
                .filter_map(|by| {
                    let (name, value) = (name(by), f.group_key(by)?.to_owned());
                    let mut without = f.clone();
                    without.set_group_key(by, None);
                    let shown = match (by, value.as_str()) {
                        (_, NONE_KEY) => view! { <code>"none"</code> }.into_any(),
                        (GroupBy::Institution, _) => view! { <BankName id=value /> }.into_any(),
                        _ => view! { <code>{value}</code> }.into_any(),
                    };
                    Some(view! {
                        <span class="bjh-chip bjh-chip--active" data-filter=name.to_lowercase()>
                            {format!("{name}: ")}
                            {shown}
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
