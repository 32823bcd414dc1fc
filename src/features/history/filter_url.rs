//! The history filter lives in the URL query: reading it, building links to other filters, and
//! navigating to one (replacing the entry while typing, pushing one for a deliberate change).

use crate::api::urls::encode_component;
use crate::domain::JobFilter;
use crate::platform::{self, viewer_offset};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};

const FILTER_KEYS: [&str; 5] = ["status", "q", "connection", "from", "to"];

/// Builds `path?query` for a filter.
pub fn filter_href(path: &str, filter: &JobFilter) -> String {
    let offset = viewer_offset(platform::now());
    let query: Vec<String> = filter
        .to_query(offset)
        .into_iter()
        .map(|(key, value)| format!("{key}={}", encode_component(&value)))
        .collect();
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", query.join("&"))
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
        JobFilter::from_query(
            pairs.iter().map(|(k, v)| (*k, v.as_str())),
            viewer_offset(platform::now()),
        )
    })
}

/// A function that shows another filter: `replace` keeps the history entry (typing), otherwise
/// a new entry is pushed so back / forward walk through filters.
pub fn use_set_filter() -> impl Fn(JobFilter, bool) + Clone + Send + Sync + 'static {
    let navigate = use_navigate();
    let path = use_location().pathname;
    move |filter: JobFilter, replace: bool| {
        let options = NavigateOptions {
            replace,
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&filter_href(&path.get_untracked(), &filter), options);
    }
}
