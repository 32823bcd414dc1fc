//! One failure group: its key, count and share (with a bar), first and last seen, distinct
//! connections, the playbook's cause, who acts and first action, and a link to its jobs.

use super::{ShareBar, stamp};
use crate::components::{BankName, BankNotice, LocalTime};
use crate::domain::{FailureGroup, GroupBy, percent};
use crate::i18n::{Locale, td_string, use_i18n};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// What a group without a key is called.
fn missing_key(by: GroupBy, locale: Locale) -> &'static str {
    match by {
        GroupBy::Code => td_string!(locale, groups.no_code),
        GroupBy::Step => td_string!(locale, groups.no_step),
        GroupBy::Institution => td_string!(locale, groups.no_bank),
    }
}

/// A group's row. `href` opens the history filtered to the group's jobs.
#[component]
pub fn GroupRow(
    group: FailureGroup,
    total: usize,
    by: GroupBy,
    href: String,
    #[prop(into)] now: Signal<DateTime<Utc>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || i18n.get_locale();
    let share = group.share(total);
    let key = match (&group.key, by) {
        (Some(bank), GroupBy::Institution) => view! { <BankName id=bank.clone() /> }.into_any(),
        (Some(key), _) => view! { <code>{key.clone()}</code> }.into_any(),
        (None, _) => view! { <code>{move || missing_key(by, locale())}</code> }.into_any(),
    };
    let notices = group
        .institutions
        .iter()
        .map(|id| view! { <BankNotice id=id.clone() /> })
        .collect_view();
    let count = group.count;
    let connections = group.connections;
    let connections = move || td_string!(locale(), groups.connections_count, count = connections);
    // The code behind a step or bank group, when it is not the group's own key.
    let code = (by != GroupBy::Code)
        .then(|| group.error.as_ref().map(|e| e.code.clone()))
        .flatten();
    let failure = group.clone();
    let advice = move || {
        let locale = locale();
        failure.advice(locale).map(|advice| {
            let who = advice
                .who
                .iter()
                .map(|actor| actor.label(locale))
                .collect::<Vec<_>>()
                .join(", ");
            let action = advice.actions.first().cloned();
            view! {
                <p class="bjh-group__cause">{advice.cause}</p>
                <p class="bjh-group__what">
                    {(!who.is_empty()).then(|| view! { <span class="bjh-group__who">{td_string!(locale, playbook.who)} {who}</span> })}
                    {action.map(|a| view! { <span class="bjh-group__action">{td_string!(locale, playbook.act)} {a}</span> })}
                </p>
            }
        })
    };
    view! {
        <li class="bjh-group" data-group=group.key_text().to_owned()>
            <div class="bjh-group__head">
                <span class="bjh-group__key">{key}</span>
                <span class="bjh-group__count">{move || td_string!(locale(), groups.failed_jobs, count = count)}</span>
                <span class="bjh-group__share">{move || td_string!(locale(), groups.share, share = percent(share, 0))}</span>
            </div>
            <ShareBar share=share />
            {notices}
            <dl class="bjh-group__meta">
                <div>
                    <dt>{move || td_string!(locale(), groups.first_seen)}</dt>
                    <dd><LocalTime stamp=Signal::stored(stamp(group.first_seen)) now=now /></dd>
                </div>
                <div>
                    <dt>{move || td_string!(locale(), groups.last_seen)}</dt>
                    <dd><LocalTime stamp=Signal::stored(stamp(group.last_seen)) now=now /></dd>
                </div>
                <div>
                    <dt>{move || td_string!(locale(), groups.connections)}</dt>
                    <dd>{connections}</dd>
                </div>
                {code.map(|code| view! {
                    <div>
                        <dt>{move || td_string!(locale(), groups.top_code)}</dt>
                        <dd><code>{code}</code></dd>
                    </div>
                })}
            </dl>
            {advice}
            <a class="bjh-group__link" href=href data-testid="group-link">
                {move || td_string!(locale(), groups.show_jobs, count = count)}
            </a>
        </li>
    }
}
