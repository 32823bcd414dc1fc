//! Actions that change data, shown only when `readOnly` is false: refreshing a connection from
//! a card, a health row or a job's detail, confirmed in one dialog per page.

mod refresh_button;
mod refresh_dialog;

pub use refresh_button::RefreshButton;
pub use refresh_dialog::RefreshDialog;
