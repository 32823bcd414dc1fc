//! A bank by name: its id until `GET /institutions/{id}` answers (and for good if it fails),
//! then its name, with the full name, short name and id in the tooltip.

use crate::domain::Institution;
use crate::live::use_institution;
use leptos::prelude::*;

/// The institution `id`'s name; `compact` prefers the short name (cards).
#[component]
pub fn BankName(id: String, #[prop(optional)] compact: bool) -> impl IntoView {
    let institution = use_institution(Some(id.clone()));
    let title = move || institution.with(|i| i.as_ref().map(Institution::description));
    let shown = {
        let id = id.clone();
        move || {
            institution.with(|i| match i {
                Some(i) if compact => i.short_name_or_id().to_owned(),
                Some(i) => i.name_or_id().to_owned(),
                None => id.clone(),
            })
        }
    };
    view! { <span class="bjh-bank" data-institution=id title=title>{shown}</span> }
}
