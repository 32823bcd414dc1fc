//! `?view=failures`: the failed jobs under the history's filter, grouped by error code, failing
//! step or bank (`&by=`), most frequent first; each group links to its jobs.

use super::GroupRow;
use crate::domain::{CardStatus, GroupBy, JobFilter, failure_groups};
use crate::i18n::{t_string, use_i18n};
use crate::live::{Clock, JobHistory};
use crate::url::{HistoryMode, use_view_href};
use leptos::prelude::*;

/// The grouping switch and the groups.
#[component]
pub fn FailureGroupsView(
    history: JobHistory,
    #[prop(into)] filter: Signal<JobFilter>,
    #[prop(into)] by: Signal<GroupBy>,
    clock: Clock,
) -> impl IntoView {
    let view_href = use_view_href();
    let i18n = use_i18n();
    let groups = Memo::new(move |_| {
        let by = by.get();
        filter.with(|f| {
            history.rows.with(|rows| {
                failure_groups(f.ignoring_status(rows.iter().map(|r| r.job.read())), by)
            })
        })
    });
    let switch = move |option: GroupBy| {
        let current = move || by.get() == option;
        view! {
            <a
                class=move || format!("bjh-chip{}", if current() { " bjh-chip--active" } else { "" })
                href=move || filter.with(|f| view_href(f, HistoryMode::Failures, option))
                aria-current=move || current().then_some("page")
                data-by=option.as_str()
            >
                {move || option.label(i18n.get_locale())}
            </a>
        }
    };
    // A group's jobs: the history under the same filter, failed, with the group's key.
    let group_href = move |key: &str| {
        let mut next = filter.get_untracked();
        next.status = Some(CardStatus::Failed);
        next.set_group_key(by.get_untracked(), Some(key.to_owned()));
        view_href(&next, HistoryMode::Jobs, GroupBy::default())
    };
    let rows = move || {
        let by = by.get();
        groups.with(|all| {
            if all.groups.is_empty() {
                return view! {
                    <p class="bjh-empty" data-testid="no-failures">{move || t_string!(i18n, groups.none)}</p>
                }
                .into_any();
            }
            view! {
                <ol class="bjh-groups" data-testid="failure-groups">
                    {all
                        .groups
                        .iter()
                        .map(|group| {
                            let href = group_href(group.key_text());
                            view! {
                                <GroupRow group=group.clone() total=all.total by=by href=href now=clock.now />
                            }
                        })
                        .collect_view()}
                </ol>
            }
            .into_any()
        })
    };
    view! {
        <section class="bjh-triage" aria-label=move || t_string!(i18n, views.failures)>
            <nav class="bjh-chips bjh-triage__switch" aria-label=move || t_string!(i18n, groups.group_failures_by)>
                <span class="bjh-field__label">{move || t_string!(i18n, groups.group_by)}</span>
                {GroupBy::ALL.into_iter().map(switch).collect_view()}
            </nav>
            {rows}
        </section>
    }
}
