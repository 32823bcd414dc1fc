//! The URL through the router: which page it shows, the filter in it, and links and navigation
//! to other pages and filters. The app never adds path depth: the history is the page's own path
//! and one job's detail is that path with `?job=<id>`. Relative asset URLs therefore hold at a
//! domain root, under any sub-path and on a CDN, and a deep link needs no server rewrite.

use super::filter_query::{FILTER_KEYS, filter_from_query, filter_to_query};
use super::view_mode::{BY_KEY, HistoryMode, VIEW_KEY, group_by_from_query, mode_to_query};
use crate::domain::{GroupBy, JobFilter};
use crate::live::Clock;
use crate::platform::{self, viewer_offset};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::params::ParamsMap;

/// The query key naming the job whose detail is shown.
pub const JOB_KEY: &str = "job";

/// `path?…&job=`: how every job's detail link from the current page starts; the rest of the
/// query (filters, `userId`) is kept, so "All jobs" returns to the same place.
pub fn detail_prefix(path: &str, current: &ParamsMap) -> String {
    let list = list_href(path, current);
    let joiner = if list.contains('?') { '&' } else { '?' };
    format!("{list}{joiner}{JOB_KEY}=")
}

/// `path?…` without `job`: the history, with the filters it had.
pub fn list_href(path: &str, current: &ParamsMap) -> String {
    let mut params = current.clone();
    params.remove(JOB_KEY);
    format!("{path}{}", params.to_query_string())
}

/// The job the URL shows, if any.
pub fn use_shown_job() -> Memo<Option<String>> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| q.get(JOB_KEY)).filter(|id| !id.is_empty()))
}

/// The reactive start of every detail link from the current page (see [`detail_prefix`]): one
/// per list, so that each card only appends its escaped ID.
pub fn use_detail_prefix() -> Memo<String> {
    let (path, query) = (use_location().pathname, use_query_map());
    Memo::new(move |_| query.with(|q| detail_prefix(&path.get(), q)))
}

/// A reactive link back to the history from the current page.
pub fn use_list_href() -> Signal<String> {
    let (path, query) = (use_location().pathname, use_query_map());
    Signal::derive(move || query.with(|q| list_href(&path.get(), q)))
}

/// Navigates to an href built here (already absolute: the router's base must not be added
/// again). `replace` keeps the history entry, as while typing a search.
pub fn use_go() -> impl Fn(&str, bool) + Clone + Send + Sync + 'static {
    let navigate = use_navigate();
    move |href: &str, replace: bool| {
        let options = NavigateOptions {
            resolve: false,
            replace,
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(href, options);
    }
}

/// Builds `path?query` for a filter, keeping the query's other parameters (`userId`, ...); a
/// filter always shows the history, so `job` goes.
pub fn filter_href(path: &str, current: &ParamsMap, filter: &JobFilter) -> String {
    let mut params = current.clone();
    for key in FILTER_KEYS.iter().chain(&[JOB_KEY]) {
        params.remove(key);
    }
    for (key, value) in filter_to_query(filter, viewer_offset(platform::now())) {
        params.insert(key, value);
    }
    format!("{path}{}", params.to_query_string())
}

/// Builds `path?query` for a view of the history under a filter, keeping the query's other
/// parameters (`userId`, ...): a tab, a grouping switch, or a group's link to its jobs.
pub fn view_href(
    path: &str,
    current: &ParamsMap,
    filter: &JobFilter,
    mode: HistoryMode,
    by: GroupBy,
) -> String {
    let mut params = current.clone();
    for key in FILTER_KEYS.iter().chain(&[JOB_KEY, VIEW_KEY, BY_KEY]) {
        params.remove(key);
    }
    let offset = viewer_offset(platform::now());
    for (key, value) in filter_to_query(filter, offset)
        .into_iter()
        .chain(mode_to_query(mode, by))
    {
        params.insert(key, value);
    }
    format!("{path}{}", params.to_query_string())
}

/// The history's view in the current URL, and what failures are grouped by.
pub fn use_history_mode() -> (Memo<HistoryMode>, Memo<GroupBy>) {
    let query = use_query_map();
    (
        Memo::new(move |_| query.with(|q| HistoryMode::from_query(q.get_str(VIEW_KEY)))),
        Memo::new(move |_| query.with(|q| group_by_from_query(q.get_str(BY_KEY)))),
    )
}

/// A function that links to a view of the history under a filter (see [`view_href`]).
pub fn use_view_href()
-> impl Fn(&JobFilter, HistoryMode, GroupBy) -> String + Copy + Send + Sync + 'static {
    let (path, query) = (use_location().pathname, use_query_map());
    move |filter: &JobFilter, mode: HistoryMode, by: GroupBy| {
        query.with_untracked(|current| view_href(&path.get_untracked(), current, filter, mode, by))
    }
}

/// The filter in the current URL.
pub fn use_url_filter() -> Memo<JobFilter> {
    let query = use_query_map();
    Memo::new(move |_| {
        let params = query.get();
        let pairs: Vec<(&str, String)> = FILTER_KEYS
            .iter()
            .filter_map(|k| params.get(k).map(|v| (*k, v)))
            .collect();
        // A saved file's clock stands still: its ranges reach back from when it was taken.
        let now = use_context::<Clock>().map_or_else(platform::now, |c| c.now_untracked());
        filter_from_query(
            pairs.iter().map(|(k, v)| (*k, v.as_str())),
            viewer_offset(now),
            now,
        )
    })
}

/// A function that links to another filter from the current page (see [`filter_href`]).
pub fn use_filter_href() -> impl Fn(&JobFilter) -> String + Copy + Send + Sync + 'static {
    let (path, query) = (use_location().pathname, use_query_map());
    move |filter: &JobFilter| {
        query.with_untracked(|current| filter_href(&path.get_untracked(), current, filter))
    }
}

/// A function that shows another filter: `replace` keeps the history entry (typing), otherwise
/// a new entry is pushed so back / forward walk through filters.
pub fn use_set_filter() -> impl Fn(JobFilter, bool) + Clone + Send + Sync + 'static {
    let (go, href) = (use_go(), use_filter_href());
    move |filter: JobFilter, replace: bool| go(&href(&filter), replace)
}
