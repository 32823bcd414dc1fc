//! Actions that change data, shown only when `readOnly` is false: refreshing a connection from
//! a card, a health row or a job's detail (or all of a user's), confirmed in one dialog per
//! page; purging one from a health row or the detail (with `allowPurge` too), confirmed by
//! typing its id.

mod purge_button;
mod purge_dialog;
mod refresh_button;
mod refresh_dialog;

pub use purge_button::PurgeButton;
pub use purge_dialog::PurgeDialog;
pub use refresh_button::RefreshButton;
pub use refresh_dialog::RefreshDialog;
