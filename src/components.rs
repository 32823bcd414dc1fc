//! Shared widgets used by several features. They take values, never the API client.

pub mod copy_button;
pub mod error_notice;
pub mod local_time;
pub mod playbook_card;
pub mod status_badge;
pub mod step_strip;

pub use copy_button::CopyButton;
pub use error_notice::ErrorNotice;
pub use local_time::LocalTime;
pub use playbook_card::PlaybookCard;
pub use status_badge::StatusBadge;
pub use step_strip::StepStrip;
