//! The purges this dashboard recorded for the history's user (or its connection): Basiq keeps
//! no job for a purge, so without this the history would not show one (API.md §12).

use crate::components::LocalTime;
use crate::domain::time::format_iso_utc;
use crate::domain::{Stamp, purges_of};
use crate::i18n::{t_string, use_i18n};
use crate::live::{Clock, use_institution, use_purge_log};
use leptos::prelude::*;

/// The records of `user`'s purges (of `connection` only, when one is chosen), newest first;
/// nothing when there are none.
#[component]
pub fn PurgeRecords(
    user: String,
    #[prop(into)] connection: Signal<Option<String>>,
    clock: Clock,
) -> impl IntoView {
    let log = use_purge_log()?;
    let i18n = use_i18n();
    let shown = Memo::new(move |_| {
        let connection = connection.get();
        log.records.with(|records| {
            purges_of(records, &user, connection.as_deref())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    Some(move || {
        let shown = shown.get();
        (!shown.is_empty()).then(|| {
            let items = shown.into_iter().map(|record| {
                let bank = use_institution(record.institution_id.clone());
                let stamp = Stamp {
                    raw: format_iso_utc(record.at),
                    at: Some(record.at),
                };
                let connection = record.connection_id.clone();
                let words = move || {
                    let bank = bank.get();
                    record.words(bank.as_ref().map(|b| b.name_or_id()), i18n.get_locale())
                };
                view! {
                    <li class="bjh-purges__item" data-testid="purge-record" data-connection=connection>
                        <span class="bjh-badge bjh-badge--purge">{move || t_string!(i18n, purge.badge)}</span>
                        <LocalTime stamp=Signal::stored(Some(stamp)) now=clock.now />
                        <span>{words}</span>
                    </li>
                }
            });
            view! {
                <ul class="bjh-purges" aria-label=move || t_string!(i18n, purge.records) data-testid="purge-records">
                    {items.collect_view()}
                </ul>
            }
        })
    })
}
