//! The history view: a user's (or one connection's) jobs as cards.

mod history_page;
mod job_card;

pub use history_page::HistoryPage;
pub use job_card::JobCard;
