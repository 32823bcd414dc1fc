//! One job, fetched and kept live while it is Pending (the detail view's data): polled on the
//! [`PollPolicy`], retried with backoff after errors, silent while the page is hidden.

use crate::api::backend::Backend;
use crate::api::error::ApiError;
use crate::api::policy::{PollPolicy, retry_delay};
use crate::domain::merge::supersedes;
use crate::domain::{Job, derive_status};
use crate::live::start_now;
use crate::platform;
use chrono::{DateTime, TimeDelta, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_use::{use_document_visibility, use_interval_fn};
use web_sys::VisibilityState;

/// The live state of one job.
#[derive(Clone, Copy)]
pub struct LiveJob {
    /// The latest data, once it has arrived.
    pub job: RwSignal<Option<Job>>,
    /// The last error; data already shown stays.
    pub error: RwSignal<Option<ApiError>>,
    /// When data last arrived.
    pub last_updated: RwSignal<Option<DateTime<Utc>>>,
    poll: StoredValue<Poll>,
}

impl LiveJob {
    /// Asks again at the next tick (the Retry button, a manual re-check).
    pub fn refresh(&self) {
        self.poll.update_value(|p| {
            p.attempt = 0;
            p.next_at = Some(platform::now());
        });
    }
}

#[derive(Default)]
struct Poll {
    next_at: Option<DateTime<Utc>>,
    in_flight: bool,
    attempt: u32,
}

/// Fetches `job_id` now and keeps it live until it settles or the id changes.
pub fn use_job(backend: Backend, job_id: Signal<String>, policy: PollPolicy) -> LiveJob {
    let poll = StoredValue::new(Poll {
        next_at: Some(platform::now()),
        ..Poll::default()
    });
    let live = LiveJob {
        job: RwSignal::new(None),
        error: RwSignal::new(None),
        last_updated: RwSignal::new(None),
        poll,
    };
    let visibility = use_document_visibility();
    let backend = StoredValue::new(backend);
    let fetch = move || {
        let id = job_id.get_untracked();
        let backend = backend.get_value();
        poll.update_value(|p| p.in_flight = true);
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
            let wait = match result {
                Ok(job) => {
                    let age = job.created_at().map_or(TimeDelta::zero(), |c| now - c);
                    let wait = policy.next_job_poll(derive_status(&job), age, false);
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
                    poll.update_value(|p| p.attempt = 0);
                    wait
                }
                Err(error) => {
                    let attempt = poll.with_value(|p| p.attempt);
                    poll.update_value(|p| p.attempt += 1);
                    let wait = retry_delay(&error, attempt, js_sys::Math::random());
                    live.error.set(Some(error));
                    wait
                }
            };
            let next_at = wait
                .and_then(|w| TimeDelta::from_std(w).ok())
                .map(|w| now + w);
            poll.update_value(|p| {
                p.in_flight = false;
                p.next_at = next_at;
            });
        });
    };
    let tick = move || {
        let due =
            poll.with_value(|p| !p.in_flight && p.next_at.is_some_and(|at| at <= platform::now()));
        if due && visibility.get_untracked() == VisibilityState::Visible {
            fetch();
        }
    };
    // The first request leaves now, while the page is being built; the effect asks again only
    // when the id changes.
    tick();
    Effect::new(move |previous: Option<String>| {
        let id = job_id.get();
        if previous.is_some_and(|p| p != id) {
            live.job.set(None);
            live.error.set(None);
            poll.set_value(Poll {
                next_at: Some(platform::now()),
                ..Poll::default()
            });
            tick();
        }
        id
    });
    Effect::new(move |_| {
        if visibility.get() == VisibilityState::Visible {
            tick();
        }
    });
    let _ = use_interval_fn(tick, 1000);
    live
}
