//! Saved files: export the jobs a view shows (JSON to open again here, CSV for a spreadsheet),
//! and open a saved file (picked or dropped) to browse it in every view with no API, no
//! credentials and nothing polled, under a badge that says when it was taken.

mod export_buttons;
mod file_drop;
mod open_file_button;
mod open_file_notice;
mod saved_badge;
mod saved_files;

pub use export_buttons::ExportButtons;
pub use file_drop::FileDrop;
pub use open_file_button::OpenFileButton;
pub use open_file_notice::OpenFileNotice;
pub use saved_badge::SavedBadge;
pub use saved_files::{OpenOutcome, SavedFiles, provide_saved_files};
