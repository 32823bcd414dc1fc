//! Reactive state that changes by itself: the ticking clock, the live job history, the live job
//! of the detail view, the banks' names and status, refreshes and purges started from the UI,
//! and watched jobs, each taking the backend, poll policy and clock the app provided.

mod context;
pub mod institutions;
pub mod purger;
pub mod refresher;
pub mod use_clock;
pub mod use_job;
pub mod use_job_history;
pub mod watcher;

pub use context::{api_base, expect_clock, provide_live};
pub use institutions::{Institutions, use_institution};
pub use purger::{
    PurgeLog, PurgeState, Purger, provide_purge_log, provide_purger, use_purge_log, use_purger,
};
pub use refresher::{RefreshState, Refresher, provide_refresher, use_refresher};
pub use use_clock::{Clock, use_clock};
pub use use_job::{LiveJob, use_job};
pub use use_job_history::{JobHistory, JobRow, use_job_history};
pub use watcher::{Watcher, provide_watcher, use_watcher};

use std::future::Future;
use std::task::{Context, Poll, Waker};

/// Polls `request` once, right away, so that the `fetch` it starts leaves now and not after the
/// render in progress (a first load is asked for while the page is still being built). The
/// answer is still handled where the result is awaited, in a task of its own.
pub(crate) fn start_now<F: Future>(request: F) -> impl Future<Output = F::Output> {
    let mut request = Box::pin(request);
    let first = request
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()));
    async move {
        match first {
            Poll::Ready(answer) => answer,
            Poll::Pending => request.await,
        }
    }
}
