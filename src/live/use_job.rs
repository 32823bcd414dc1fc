//! One job, fetched and kept live while it is Pending (the detail view's data): a
//! [`PollSlot`] over the one job, stepped by the app's clock ([`use_poll_driver`]), polled on the
//! [`PollPolicy`], retried with backoff after errors, silent while the page is hidden. The
//! page's watcher is told of every copy that arrives.

use crate::domain::ApiError;
use crate::domain::merge::supersedes;
use crate::domain::{Job, derive_status};
use crate::live::start_now;
use crate::platform;
use crate::poll::{PollSlot, use_poll_driver};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The live state of one job.
#[derive(Clone, Copy)]
pub struct LiveJob {
    /// The latest data, once it has arrived.
    pub job: RwSignal<Option<Job>>,
    /// The last error; data already shown stays.
    pub error: RwSignal<Option<ApiError>>,
    /// When data last arrived.
    pub last_updated: RwSignal<Option<DateTime<Utc>>>,
    slot: StoredValue<PollSlot>,
}

impl LiveJob {
    /// Asks again at the next tick (the Retry button, a manual re-check).
    pub fn refresh(&self) {
        self.slot.update_value(|slot| {
            slot.ask_now(platform::now());
        });
    }
}

/// Fetches `job_id` now and keeps it live until it settles or the id changes, on the app's
/// backend and poll policy, stepped by the app's clock.
pub fn use_job(job_id: Signal<String>) -> LiveJob {
    let (backend, policy) = super::context::expect_live();
    let now = super::expect_clock().now;
    let slot = StoredValue::new(PollSlot::due_at(platform::now()));
    let live = LiveJob {
        job: RwSignal::new(None),
        error: RwSignal::new(None),
        last_updated: RwSignal::new(None),
        slot,
    };
    let backend = StoredValue::new(backend);
    let watcher = super::use_watcher();
    let fetch = move || {
        let id = job_id.get_untracked();
        let backend = backend.get_value();
        let request = start_now({
            let id = id.clone();
            async move { backend.get_job(&id).await }
        });
        spawn_local(async move {
            let result = request.await;
            if job_id.try_get_untracked().as_deref() != Some(id.as_str()) {
                return;
            }
            let now = platform::now();
            let outcome = match result {
                Ok(job) => {
                    let outcome = (derive_status(&job), job.age(now));
                    if let Some(watcher) = watcher {
                        watcher.observe(&job);
                    }
                    live.job.update(|shown| {
                        if shown
                            .as_ref()
                            .is_none_or(|current| supersedes(&job, current))
                        {
                            *shown = Some(job);
                        }
                    });
                    live.error.set(None);
                    live.last_updated.set(Some(now));
                    Ok(outcome)
                }
                Err(error) => Err(error),
            };
            slot.update_value(|slot| {
                slot.job_answered(now, outcome.as_ref().copied(), &policy, platform::random())
            });
            if let Err(error) = outcome {
                live.error.set(Some(error));
            }
        });
    };
    let step = move |visible: bool| {
        let due = slot
            .try_update_value(|slot| visible && slot.take(platform::now()))
            .unwrap_or(false);
        if due {
            fetch();
        }
    };
    // The first request leaves now, while the page is being built; the effect asks again only
    // when the id changes.
    step(platform::page_visible());
    Effect::new(move |previous: Option<String>| {
        let id = job_id.get();
        if previous.is_some_and(|p| p != id) {
            live.job.set(None);
            live.error.set(None);
            slot.set_value(PollSlot::due_at(platform::now()));
            step(platform::page_visible());
        }
        id
    });
    use_poll_driver(now, Signal::stored(false), step);
    live
}
