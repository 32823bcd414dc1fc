//! The network side of the live history: the first load and list refreshes, per-job polls, and
//! the once-a-second step that sends whatever the [`PollSchedule`] says is due.

use super::JobHistory;
use crate::domain::{CardStatus, derive_status};
use crate::live::start_now;
use crate::platform;
use crate::poll::Tracked;
use chrono::TimeDelta;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn jitter() -> f64 {
    platform::random()
}

impl JobHistory {
    fn load_list(&self) {
        let this = *self;
        let scope = self.scope.get_untracked();
        let backend = self.backend.get_value();
        let generation = self.generation.get_value();
        let first = !self.loaded.get_untracked();
        let request = start_now(async move { backend.load(&scope).await });
        if first {
            platform::mark("list-requested");
        }
        spawn_local(async move {
            let result = request.await;
            if first {
                platform::mark("list-read");
            }
            if this.generation.try_get_value() != Some(generation) {
                return;
            }
            let now = platform::now();
            let outcome = match result {
                Ok(page) => {
                    this.receive_list(page.jobs, page.problems);
                    this.error.set(None);
                    this.last_updated.set(Some(now));
                    let pending = this.rows.with_untracked(|rows| {
                        rows.iter()
                            .any(|r| r.job.with_untracked(derive_status) == CardStatus::Pending)
                    });
                    Ok(pending)
                }
                Err(error) => Err(error),
            };
            this.loaded.set(true);
            this.schedule
                .update_value(|s| s.list_done(now, outcome.as_ref().copied(), jitter()));
            if let Err(error) = outcome {
                this.error.set(Some(error));
            }
        });
    }

    fn poll_job(&self, id: String) {
        let this = *self;
        let backend = self.backend.get_value();
        let generation = self.generation.get_value();
        let request = start_now({
            let id = id.clone();
            async move { backend.get_job(&id).await }
        });
        spawn_local(async move {
            let result = request.await;
            if this.generation.try_get_value() != Some(generation) {
                return;
            }
            let now = platform::now();
            match result {
                Ok(job) => {
                    let outcome = (derive_status(&job), job.age(now));
                    this.receive_job(job);
                    this.last_updated.set(Some(now));
                    this.schedule
                        .update_value(|s| s.job_done(&id, now, Ok(outcome), jitter()));
                }
                Err(error) => {
                    this.schedule
                        .update_value(|s| s.job_done(&id, now, Err(&error), jitter()));
                }
            }
        });
    }

    /// One step of the loop: sends whatever is due. Does nothing while hidden or paused.
    pub(super) fn tick(&self, visible: bool) {
        if !visible || self.paused.get_untracked() {
            return;
        }
        let now = platform::now();
        if self
            .schedule
            .try_update_value(|s| s.take_list(now))
            .unwrap_or(false)
        {
            self.load_list();
        }
        let jobs: Vec<(String, CardStatus, TimeDelta)> = self.rows.with_untracked(|rows| {
            rows.iter()
                .map(|r| {
                    r.job
                        .with_untracked(|job| (r.id.clone(), derive_status(job), job.age(now)))
                })
                .collect()
        });
        let tracked = jobs.iter().map(|(id, status, age)| Tracked {
            id,
            status: *status,
            age: *age,
        });
        let due = self
            .schedule
            .try_update_value(|s| s.take_jobs(now, tracked))
            .unwrap_or_default();
        for id in due {
            self.poll_job(id);
        }
    }
}
