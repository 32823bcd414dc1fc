//! Shared widgets used by several features. They take values, never the API client (the bank
//! widgets read the session's directory of institutions, which asks for each bank once).

pub mod bank_name;
pub mod bank_notice;
pub mod clipboard;
pub mod copy_button;
pub mod dialog_focus;
pub mod error_notice;
pub mod local_time;
pub mod playbook_card;
pub mod status_badge;
pub mod step_strip;

pub use bank_name::BankName;
pub use bank_notice::BankNotice;
pub use clipboard::Clipboard;
pub use copy_button::CopyButton;
pub use dialog_focus::{close_on_escape, use_dialog_focus};
pub use error_notice::ErrorNotice;
pub use local_time::LocalTime;
pub use playbook_card::PlaybookCard;
pub use status_badge::StatusBadge;
pub use step_strip::StepStrip;
