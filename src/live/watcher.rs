//! Watched jobs: the page's watch list, told of every fresh copy of a job that the views
//! receive, and polling the watched jobs itself on the [`PollPolicy`]'s watch rule: while the
//! page is hidden (at the settled list's rate; nothing else is asked then) and, while it is
//! shown, as a backstop for a watched job no view shows. A watched job settling is noticed once,
//! wherever it was seen. One per page, provided by the shell.

use super::context::expect_live;
use crate::api::backend::Backend;
use crate::domain::{Job, Watchlist, derive_status};
use crate::platform::{self, NotificationAccess};
use crate::poll::{PollPolicy, PollSlot, use_poll_driver};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;

/// The page's watcher.
#[derive(Clone, Copy)]
pub struct Watcher {
    /// The watch list: the toggles and the notices read it.
    pub list: RwSignal<Watchlist>,
    /// Whether settled jobs may be told by a browser notification.
    pub permission: RwSignal<NotificationAccess>,
    slots: StoredValue<HashMap<String, PollSlot>>,
    backend: StoredValue<Backend>,
    policy: PollPolicy,
}

impl Watcher {
    /// A watcher on `backend`, polling nothing yet (the shell drives it; tests feed it).
    pub fn new(backend: Backend, policy: PollPolicy) -> Self {
        Self {
            list: RwSignal::new(Watchlist::default()),
            permission: RwSignal::new(platform::notification_access()),
            slots: StoredValue::new(HashMap::new()),
            backend: StoredValue::new(backend),
            policy,
        }
    }

    /// Whether job `id` is watched (tracked: a toggle follows it).
    pub fn is_watching(&self, id: &str) -> bool {
        self.list.with(|list| list.is_watching(id))
    }

    /// Starts watching `job` (a pending one) or stops; whether it is watched now.
    pub fn toggle(&self, job: &Job) -> bool {
        let watching = self
            .list
            .try_update(|list| list.toggle(job))
            .unwrap_or(false);
        let now = platform::now();
        let wait = self.next_poll(job, now);
        self.slots.update_value(|slots| {
            if watching {
                slots.entry(job.id.clone()).or_default().put_off(now, wait);
            } else {
                slots.remove(&job.id);
            }
        });
        watching
    }

    /// Asks the browser, from the reader's click, whether settled jobs may be told by a
    /// notification (only while it has not been asked).
    pub fn ask_permission(&self) {
        if self.permission.get_untracked() != NotificationAccess::NotAsked {
            return;
        }
        let permission = self.permission;
        spawn_local(async move {
            let answer = platform::ask_notification_access().await;
            permission.try_set(answer);
        });
    }

    /// Fresh data of a job from anywhere (a view's poll or list, or the watcher's own): a
    /// watched job that has settled joins the list's settled ones, once; one still pending is
    /// not asked for again before its next poll is due. Other jobs cost a look-up.
    pub fn observe(&self, job: &Job) {
        if !self
            .list
            .try_with_untracked(|list| list.is_watching(&job.id))
            .unwrap_or(false)
        {
            return;
        }
        let now = platform::now();
        match self.list.try_update(|list| list.observe(job)).flatten() {
            Some(_) => self.slots.update_value(|slots| {
                slots.remove(&job.id);
            }),
            None => {
                let wait = self.next_poll(job, now);
                self.slots.update_value(|slots| {
                    if let Some(slot) = slots.get_mut(&job.id) {
                        slot.put_off(now, wait);
                    }
                });
            }
        }
    }

    /// Forgets the notice of job `id`.
    pub fn dismiss(&self, id: &str) {
        self.list.update(|list| list.dismiss(id));
    }

    /// Forgets every notice.
    pub fn dismiss_all(&self) {
        self.list.update(Watchlist::dismiss_all);
    }

    fn next_poll(&self, job: &Job, now: DateTime<Utc>) -> Option<std::time::Duration> {
        self.policy
            .next_watch_poll(derive_status(job), job.age(now), !platform::page_visible())
    }

    /// Sends every watched job's poll that is due (hidden or not).
    fn step(&self) {
        let now = platform::now();
        let due: Vec<String> = self
            .slots
            .try_update_value(|slots| {
                slots
                    .iter_mut()
                    .filter_map(|(id, slot)| slot.take(now).then(|| id.clone()))
                    .collect()
            })
            .unwrap_or_default();
        for id in due {
            self.poll(id);
        }
    }

    fn poll(&self, id: String) {
        let this = *self;
        let backend = self.backend.get_value();
        spawn_local(async move {
            let answer = backend.get_job(&id).await;
            let now = platform::now();
            let wait = answer.as_ref().map(|job| this.next_poll(job, now));
            this.slots.try_update_value(|slots| {
                if let Some(slot) = slots.get_mut(&id) {
                    slot.answered(now, wait, platform::random());
                }
            });
            if let Ok(job) = answer {
                this.observe(&job);
            }
        });
    }
}

/// Starts the page's watcher on the app's backend and poll policy, stepped by the app's clock
/// whether the page is shown or not, and provides it to the toggles, the notices and the live
/// views (which tell it what they receive).
pub fn provide_watcher() -> Watcher {
    let (backend, policy) = expect_live();
    let watcher = Watcher::new(backend, policy);
    let now = super::expect_clock().now;
    use_poll_driver(now, Signal::stored(false), move |_| watcher.step());
    provide_context(watcher);
    watcher
}

/// The page's watcher, where the shell provided one.
pub fn use_watcher() -> Option<Watcher> {
    use_context::<Watcher>()
}
