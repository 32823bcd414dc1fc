//! The mark on a group or row whose bank is disrupted: "⚠ Nimbus Bank reports an outage: wait",
//! once `GET /institutions/{id}` says so; nothing while it is operational or unknown.

use crate::i18n::use_i18n;
use crate::live::use_institution;
use leptos::prelude::*;

/// Institution `id`'s outage or maintenance notice, if it reports one.
#[component]
pub fn BankNotice(id: String) -> impl IntoView {
    let institution = use_institution(Some(id.clone()));
    let i18n = use_i18n();
    move || {
        let notice = institution.with(|i| i.as_ref().and_then(|i| i.notice(i18n.get_locale())))?;
        let status = institution.with(|i| {
            i.as_ref()
                .and_then(|i| i.status.as_ref())
                .map(|s| s.as_raw().to_owned())
        });
        Some(view! {
            <p class="bjh-bank-notice" data-testid="bank-notice" data-institution=id.clone() title=status>
                <span aria-hidden="true">"⚠ "</span>
                {notice}
            </p>
        })
    }
}
