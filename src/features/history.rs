//! The history view: a user's (or one connection's) jobs as live cards, with filters, a
//! summary line, and tabs to the triage views.

mod connection_select;
mod date_range;
mod history_page;
mod history_view;
mod job_card;
mod job_list;
mod list_notices;
mod live_bar;
mod paging_bar;
mod purge_records;
mod search_box;
mod status_chips;
mod status_reference;
mod summary_line;
mod triage_filters;
mod view_tabs;

pub use connection_select::ConnectionSelect;
pub use date_range::DateRange;
pub use history_page::HistoryPage;
pub use history_view::HistoryView;
pub use job_card::{CARD_LINK_SELECTOR, CARD_SELECTOR, JobCard};
pub use job_list::{JobList, first_screen_cards};
pub use list_notices::ListNotices;
pub use live_bar::LiveBar;
pub use paging_bar::PagingBar;
pub use purge_records::PurgeRecords;
pub use search_box::{SEARCH_SELECTOR, SearchBox};
pub use status_chips::StatusChips;
pub use status_reference::StatusReference;
pub use summary_line::SummaryLine;
pub use triage_filters::TriageFilters;
pub use view_tabs::ViewTabs;
