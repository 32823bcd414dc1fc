//! Purging a connection from the UI: one purger per page, asked by the purge buttons, shown by
//! one typed confirmation. Provided only when purge is allowed (`allowPurge` true and
//! `readOnly` false). The page's record of purges, which Basiq does not keep.

use super::context::expect_live;
use crate::domain::ApiError;
use crate::domain::{
    PurgeRecord, RefreshTarget, add_purge_record, purge_confirmed, read_purge_records,
    write_purge_records,
};
use crate::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where the page's purge stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PurgeState {
    /// Nothing asked.
    Idle,
    /// The confirmation is open: the connection id must be typed.
    Confirming(RefreshTarget),
    /// Sent (nothing more can be sent until it is answered).
    Purging(RefreshTarget),
    /// Basiq purged (204).
    Purged(RefreshTarget),
    /// Basiq refused; nothing changed.
    Failed(RefreshTarget, ApiError),
}

impl PurgeState {
    /// The connection the confirmation is about, if it is open.
    pub fn target(&self) -> Option<&RefreshTarget> {
        match self {
            Self::Idle => None,
            Self::Confirming(t) | Self::Purging(t) | Self::Purged(t) | Self::Failed(t, _) => {
                Some(t)
            }
        }
    }
}

/// The page's purger.
#[derive(Clone, Copy)]
pub struct Purger {
    /// Where the purge stands.
    pub state: RwSignal<PurgeState>,
    log: Option<PurgeLog>,
}

impl Purger {
    /// Opens the confirmation for `target` (unless a purge is on its way).
    pub fn ask(&self, target: RefreshTarget) {
        if !matches!(self.state.get_untracked(), PurgeState::Purging(_)) {
            self.state.set(PurgeState::Confirming(target));
        }
    }

    /// Closes the confirmation, unless a purge is on its way.
    pub fn close(&self) {
        if !matches!(self.state.get_untracked(), PurgeState::Purging(_)) {
            self.state.set(PurgeState::Idle);
        }
    }

    /// Sends the purge when `typed` is the connection's id; anything else does nothing.
    pub fn confirm(&self, typed: &str) {
        let PurgeState::Confirming(target) = self.state.get_untracked() else {
            return;
        };
        let Some(connection) = target.connection_id.clone() else {
            return;
        };
        if !purge_confirmed(typed, &connection) {
            return;
        }
        self.state.set(PurgeState::Purging(target.clone()));
        let (backend, _) = expect_live();
        let (state, log) = (self.state, self.log);
        spawn_local(async move {
            let answer = backend.purge_connection(&target.user_id, &connection).await;
            if answer.is_ok()
                && let Some(log) = log
            {
                log.add(&target);
            }
            state.set(match answer {
                Ok(()) => PurgeState::Purged(target),
                Err(error) => PurgeState::Failed(target, error),
            });
        });
    }
}

/// Provides the page's purger when purge is allowed.
pub fn provide_purger(allowed: bool) {
    if allowed {
        provide_context(Purger {
            state: RwSignal::new(PurgeState::Idle),
            log: use_purge_log(),
        });
    }
}

/// The page's purger, if purge is allowed.
pub fn use_purger() -> Option<Purger> {
    use_context::<Purger>()
}

/// Where the records are kept in localStorage.
const PURGES_KEY: &str = "bjh-purges";

/// The purges this dashboard recorded (Basiq keeps no job for one): read from localStorage
/// (`bjh-purges`) once, added to as Basiq confirms purges, for 7 days.
#[derive(Clone, Copy)]
pub struct PurgeLog {
    /// The records, newest first.
    pub records: RwSignal<Vec<PurgeRecord>>,
}

impl PurgeLog {
    /// Records the purge of `target`'s connection, now, and keeps the records.
    fn add(&self, target: &RefreshTarget) {
        let now = platform::now();
        let Some(record) = PurgeRecord::of(target, now) else {
            return;
        };
        self.records
            .update(|records| add_purge_record(records, record, now));
        platform::store(
            PURGES_KEY,
            &self
                .records
                .with_untracked(|records| write_purge_records(records)),
        );
    }
}

/// Provides the page's record of purges, read from where it is kept (in every mode: a
/// read-only dashboard still shows the purges recorded before).
pub fn provide_purge_log() {
    let records = read_purge_records(platform::stored(PURGES_KEY).as_deref(), platform::now());
    provide_context(PurgeLog {
        records: RwSignal::new(records),
    });
}

/// The page's record of purges, where the shell provided one.
pub fn use_purge_log() -> Option<PurgeLog> {
    use_context::<PurgeLog>()
}
