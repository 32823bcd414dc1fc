//! The failure filters in force (`?code=`, `?step=`, `?institution=`, set by a failure group's
//! link), each shown with a link that removes it.

use crate::components::BankName;
use crate::domain::{GroupBy, JobFilter, NONE_KEY};
use crate::i18n::{Locale, td_string, use_i18n};
use crate::url::use_filter_href;
use leptos::prelude::*;

/// A pill's name for the filter `by` names.
fn pill_name(by: GroupBy, locale: Locale) -> &'static str {
    match by {
        GroupBy::Code => td_string!(locale, filters.code),
        GroupBy::Step => td_string!(locale, filters.step),
        GroupBy::Institution => td_string!(locale, filters.bank),
    }
}

/// The pills; nothing when no such filter is set.
#[component]
pub fn TriageFilters(#[prop(into)] filter: Signal<JobFilter>) -> impl IntoView {
    let filter_href = use_filter_href();
    let i18n = use_i18n();
    move || {
        let locale = i18n.get_locale();
        filter.with(|f| {
            GroupBy::ALL
                .into_iter()
                .filter_map(|by| {
                    let (name, value) = (pill_name(by, locale), f.group_key(by)?.to_owned());
                    let mut without = f.clone();
                    without.set_group_key(by, None);
                    let shown = match (by, value.as_str()) {
                        (_, NONE_KEY) => view! { <code>{td_string!(locale, filters.none)}</code> }.into_any(),
                        (GroupBy::Institution, _) => view! { <BankName id=value /> }.into_any(),
                        _ => view! { <code>{value}</code> }.into_any(),
                    };
                    Some(view! {
                        <span class="bjh-chip bjh-chip--active" data-filter=pill_name(by, Locale::en).to_lowercase()>
                            {td_string!(locale, filters.pill, name)}
                            {shown}
                            <a class="bjh-chip__clear" href=filter_href(&without) aria-label=td_string!(locale, filters.remove, name = name.to_lowercase())>
                                "✕"
                            </a>
                        </span>
                    })
                })
                .collect_view()
        })
    }
}
