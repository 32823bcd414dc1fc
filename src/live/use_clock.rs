//! The viewer's clock: `now` ticks every second (running durations), `minute` once a minute
//! (relative times), so a tick re-renders only what shows seconds.

use crate::platform;
use chrono::{DateTime, DurationRound, TimeDelta, Utc};
use leptos::prelude::*;
use leptos_use::use_interval_fn;

/// The ticking clock, shared through context.
#[derive(Clone, Copy)]
pub struct Clock {
    /// Now, to the second.
    pub now: Signal<DateTime<Utc>>,
    /// Now, to the minute: changes once a minute.
    pub minute: Signal<DateTime<Utc>>,
}

impl Clock {
    /// A clock stopped at `at`: a saved file's views show its jobs as of when it was taken.
    pub fn still(at: DateTime<Utc>) -> Self {
        Self {
            now: Signal::stored(at),
            minute: Signal::stored(at),
        }
    }

    /// Now, as this clock tells it, without subscribing to its ticks.
    pub fn now_untracked(&self) -> DateTime<Utc> {
        self.now.get_untracked()
    }
}

/// Starts a clock that ticks every second while its owner lives.
pub fn use_clock() -> Clock {
    let now = RwSignal::new(platform::now());
    let _ = use_interval_fn(move || now.set(platform::now()), 1000);
    let minute = Memo::new(move |_| {
        let at = now.get();
        at.duration_trunc(TimeDelta::minutes(1)).unwrap_or(at)
    });
    Clock {
        now: now.into(),
        minute: minute.into(),
    }
}
