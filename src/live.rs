//! Reactive state that changes by itself: the ticking clock and the live job history.

pub mod use_clock;
pub mod use_job;
pub mod use_job_history;

pub use use_clock::{Clock, use_clock};
pub use use_job::{LiveJob, use_job};
pub use use_job_history::{JobHistory, JobRow, use_job_history};
