//! Watching pending jobs: a toggle on pending cards and in the detail, and the notices when a
//! watched job settles (in the page, in the title and, when allowed, as a browser
//! notification), told to an embedding host page too.

mod watch_notice;
mod watch_notices;
mod watch_toggle;

pub use watch_notices::WatchNotices;
pub use watch_toggle::WatchToggle;
