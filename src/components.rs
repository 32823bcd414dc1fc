//! Shared widgets used by several features.

pub mod local_time;
pub mod status_badge;
pub mod step_strip;

pub use local_time::LocalTime;
pub use status_badge::StatusBadge;
pub use step_strip::StepStrip;
