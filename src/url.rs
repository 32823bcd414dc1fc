//! URL state, in one place: the history's filter as query pairs ([`filter_query`], pure) and,
//! through the router, the page the URL shows, links to jobs and filters, and navigation
//! ([`links`]). The history, the embed bridge and the keyboard shortcuts all go through here.

pub mod filter_query;
pub mod links;

pub use filter_query::{FILTER_KEYS, day_start, filter_from_query, filter_to_query};
pub use links::{
    use_detail_prefix, use_filter_href, use_go, use_list_href, use_set_filter, use_shown_job,
    use_url_filter,
};
