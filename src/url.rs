//! URL state, in one place: the history's filter as query pairs ([`filter_query`], pure), its
//! view (jobs, failure groups, connection health: [`view_mode`], pure) and,
//! through the router, the page the URL shows, links to jobs and filters, and navigation
//! ([`links`]). The history, the embed bridge and the keyboard shortcuts all go through here.

pub mod filter_query;
pub mod links;
pub mod view_mode;

pub use filter_query::{FILTER_KEYS, day_start, filter_from_query, filter_to_query, range_days};
pub use links::{
    use_detail_prefix, use_filter_href, use_go, use_history_mode, use_list_href, use_set_filter,
    use_shown_job, use_url_filter, use_view_href,
};
pub use view_mode::{BY_KEY, HistoryMode, VIEW_KEY, mode_to_query};
