//! One connection's health as a table row: the connection (a link to its jobs), bank, state,
//! last job, last success, failing since with failures in a row, the last ten results and the
//! recommended action for its current failure, with a refresh when actions are allowed.

use super::{ResultsStrip, stamp};
use crate::components::{BankName, BankNotice, LocalTime};
use crate::domain::playbook::advice;
use crate::domain::{ConnectionHealth, HealthState, RefreshTarget};
use crate::features::actions::{PurgeButton, RefreshButton};
use crate::i18n::{t_string, td_string, use_i18n};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// A connection's row. `href` opens the history filtered to the connection.
#[component]
pub fn HealthRow(
    row: ConnectionHealth,
    href: String,
    #[prop(into)] now: Signal<DateTime<Utc>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rate = row.success_rate();
    let state = row.state;
    let (last_id, last_status) = row.last_job.clone();
    let failing = (row.consecutive_failures > 0).then(|| {
        let count = row.consecutive_failures;
        let times = move || td_string!(i18n.get_locale(), health.failures, count);
        let code = row.failing_error.as_ref().map(|e| e.code.clone());
        view! {
            <LocalTime stamp=Signal::stored(stamp(row.failing_since)) now=now />
            <span class="bjh-health__streak">{times}</span>
            {code.map(|code| view! { <code class="bjh-health__code">{code}</code> })}
        }
    });
    let failing_error = row.failing_error.clone();
    let action = move || {
        let locale = i18n.get_locale();
        match (&failing_error, state) {
            (Some(error), _) => advice(error, locale).actions.into_iter().next(),
            (None, HealthState::Failing | HealthState::NeverSucceeded) => {
                Some(td_string!(locale, advice.open_failed_job).to_owned())
            }
            _ => None,
        }
    };
    let target = row.user_id.clone().map(|user_id| RefreshTarget {
        user_id,
        connection_id: Some(row.connection_id.clone()),
        institution_id: row.institution_id.clone(),
    });
    view! {
        <tr class=format!("bjh-health__row bjh-health__row--{}", state.as_str()) data-connection=row.connection_id.clone() data-state=state.as_str()>
            <th scope="row">
                <a href=href class="bjh-health__link"><code>{row.connection_id.clone()}</code></a>
            </th>
            <td>
                {row.institution_id.clone().map(|id| view! { <BankName id=id.clone() /> <BankNotice id /> })}
            </td>
            <td>
                <span class=format!("bjh-health__state bjh-health__state--{}", state.as_str())>
                    <span aria-hidden="true">{state.symbol()}</span>
                    " "
                    {move || state.label(i18n.get_locale())}
                </span>
            </td>
            <td>
                <span class=format!("bjh-health__last bjh-health__last--{}", last_status.as_str()) title=last_id>
                    {move || last_status.label(i18n.get_locale())}
                </span>
                " "
                <LocalTime stamp=Signal::stored(stamp(row.last_at)) now=now />
            </td>
            <td>
                {match row.last_success {
                    Some(at) => view! { <LocalTime stamp=Signal::stored(stamp(Some(at))) now=now /> }.into_any(),
                    None => view! { <span class="bjh-muted">{move || t_string!(i18n, health.never)}</span> }.into_any(),
                }}
            </td>
            <td>{failing}</td>
            <td><ResultsStrip recent=row.recent.clone() rate=rate /></td>
            <td class="bjh-health__action">{action} <RefreshButton target=target.clone() /> <PurgeButton target=target /></td>
        </tr>
    }
}
