//! The history filter lives in the URL query: reading it, building links to other filters, and
//! navigating to one (replacing the entry while typing, pushing one for a deliberate change).

use crate::domain::JobFilter;
use crate::features::page_url::{JOB_KEY, use_go};
use crate::platform::{self, viewer_offset};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};
use leptos_router::params::ParamsMap;

const FILTER_KEYS: [&str; 5] = ["status", "q", "connection", "from", "to"];

/// Builds `path?query` for a filter, keeping the query's other parameters (`userId`, ...); a
/// filter always shows the history, so `job` goes.
pub fn filter_href(path: &str, current: &ParamsMap, filter: &JobFilter) -> String {
    let mut params = current.clone();
    for key in FILTER_KEYS.iter().chain(&[JOB_KEY]) {
        params.remove(key);
    }
    for (key, value) in filter.to_query(viewer_offset(platform::now())) {
        params.insert(key, value);
    }
    format!("{path}{}", params.to_query_string())
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
        JobFilter::from_query(
            pairs.iter().map(|(k, v)| (*k, v.as_str())),
            viewer_offset(platform::now()),
        )
    })
}

/// A function that shows another filter: `replace` keeps the history entry (typing), otherwise
/// a new entry is pushed so back / forward walk through filters.
pub fn use_set_filter() -> impl Fn(JobFilter, bool) + Clone + Send + Sync + 'static {
    let go = use_go();
    let path = use_location().pathname;
    let query = use_query_map();
    move |filter: JobFilter, replace: bool| {
        let href =
            query.with_untracked(|current| filter_href(&path.get_untracked(), current, &filter));
        go(&href, replace);
    }
}
