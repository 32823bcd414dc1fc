//! Purging a connection from the UI: one purger per page, asked by the purge buttons, shown by
//! one typed confirmation. Provided only when purge is allowed (`allowPurge` true and
//! `readOnly` false).

use super::context::expect_live;
use crate::api::error::ApiError;
use crate::domain::{RefreshTarget, purge_confirmed};
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
        let state = self.state;
        spawn_local(async move {
            let answer = backend.purge_connection(&target.user_id, &connection).await;
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
        });
    }
}

/// The page's purger, if purge is allowed.
pub fn use_purger() -> Option<Purger> {
    use_context::<Purger>()
}
