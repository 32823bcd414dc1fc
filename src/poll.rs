//! Polling, one engine for every view: when to ask again ([`policy`]: intervals by a job's age,
//! list refreshes, retry backoff with jitter), what is due at a moment ([`schedule`]: one request
//! in flight per list or job), both pure and host-tested, and [`driver`], which steps them on the
//! app's one clock while the page is visible.

pub mod driver;
pub mod policy;
pub mod schedule;

pub use driver::use_poll_driver;
pub use policy::{PollPolicy, retry_delay};
pub use schedule::{PollSchedule, PollSlot, Tracked};
