//! One failure group: its key, count and share (with a bar), first and last seen, distinct
//! connections, the playbook's cause, who acts and first action, and a link to its jobs.

use super::{ShareBar, stamp};
use crate::components::{BankName, BankNotice, LocalTime};
use crate::domain::{FailureGroup, GroupBy};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// What a group without a key is called.
fn missing_key(by: GroupBy) -> &'static str {
    match by {
        GroupBy::Code => "no error code",
        GroupBy::Step => "no failed step",
        GroupBy::Institution => "no bank named",
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
    let share = group.share(total);
    let key = match (&group.key, by) {
        (Some(bank), GroupBy::Institution) => view! { <BankName id=bank.clone() /> }.into_any(),
        (Some(key), _) => view! { <code>{key.clone()}</code> }.into_any(),
        (None, _) => view! { <code>{missing_key(by)}</code> }.into_any(),
    };
    let notices = group
        .institutions
        .iter()
        .map(|id| view! { <BankNotice id=id.clone() /> })
        .collect_view();
    let count = group.count;
    let jobs = if count == 1 { "job" } else { "jobs" };
    let connections = match group.connections {
        1 => "1 connection".to_owned(),
        n => format!("{n} connections"),
    };
    // The code behind a step or bank group, when it is not the group's own key.
    let code = (by != GroupBy::Code)
        .then(|| group.error.as_ref().map(|e| e.code.clone()))
        .flatten();
    let advice = group.advice().map(|advice| {
        let who = advice
            .who
            .iter()
            .map(|actor| actor.label())
            .collect::<Vec<_>>()
            .join(", ");
        let action = advice.actions.first().cloned();
        view! {
            <p class="bjh-group__cause">{advice.cause}</p>
            <p class="bjh-group__what">
                {(!who.is_empty()).then(|| view! { <span class="bjh-group__who">"Who acts: " {who}</span> })}
                {action.map(|a| view! { <span class="bjh-group__action">"Do: " {a}</span> })}
            </p>
        }
    });
    view! {
        <li class="bjh-group" data-group=group.key_text().to_owned()>
            <div class="bjh-group__head">
                <span class="bjh-group__key">{key}</span>
                <span class="bjh-group__count">{format!("{count} failed {jobs}")}</span>
                <span class="bjh-group__share">{format!("{:.0}% of failures", share * 100.0)}</span>
            </div>
            <ShareBar share=share />
            {notices}
            <dl class="bjh-group__meta">
                <div>
                    <dt>"First seen"</dt>
                    <dd><LocalTime stamp=Signal::stored(stamp(group.first_seen)) now=now /></dd>
                </div>
                <div>
                    <dt>"Last seen"</dt>
                    <dd><LocalTime stamp=Signal::stored(stamp(group.last_seen)) now=now /></dd>
                </div>
                <div>
                    <dt>"Connections"</dt>
                    <dd>{connections}</dd>
                </div>
                {code.map(|code| view! {
                    <div>
                        <dt>"Most frequent code"</dt>
                        <dd><code>{code}</code></dd>
                    </div>
                })}
            </dl>
            {advice}
            <a class="bjh-group__link" href=href data-testid="group-link">
                {format!("Show the {count} {jobs}")}
            </a>
        </li>
    }
}
