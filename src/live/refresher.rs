//! Refreshing a connection (or all of a user's) from the UI: one refresher per page, which any refresh button asks,
//! and one confirmation that shows where it stands. Provided only when actions are allowed
//! (`readOnly` false), so the buttons exist only then.

use super::JobHistory;
use super::context::expect_live;
use crate::api::backend::RefreshStarted;
use crate::domain::ApiError;
use crate::domain::{RefreshTarget, refresh_placeholder};
use crate::platform;
use futures::future::join_all;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where the page's refresh stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefreshState {
    /// Nothing asked.
    Idle,
    /// The confirmation is open for this connection.
    Confirming(RefreshTarget),
    /// Confirmed: the request is on its way (another click does nothing).
    Starting(RefreshTarget),
    /// Basiq named the jobs (one for a connection: new, or the one already running; one per
    /// connection for all of them).
    Started(RefreshTarget, Vec<RefreshStarted>),
    /// Basiq refused; nothing else changed.
    Failed(RefreshTarget, ApiError),
}

impl RefreshState {
    /// The connection the confirmation is about, if it is open.
    pub fn target(&self) -> Option<&RefreshTarget> {
        match self {
            Self::Idle => None,
            Self::Confirming(t) | Self::Starting(t) | Self::Started(t, _) | Self::Failed(t, _) => {
                Some(t)
            }
        }
    }
}

/// The page's refresher: the state the confirmation shows, and the history that tracks the jobs
/// it starts (none on the detail page, which links to the new job instead).
#[derive(Clone, Copy)]
pub struct Refresher {
    /// Where the refresh stands.
    pub state: RwSignal<RefreshState>,
    history: Option<JobHistory>,
}

impl Refresher {
    /// Opens the confirmation for `target` (unless a refresh is starting).
    pub fn ask(&self, target: RefreshTarget) {
        if !matches!(self.state.get_untracked(), RefreshState::Starting(_)) {
            self.state.set(RefreshState::Confirming(target));
        }
    }

    /// Closes the confirmation (or the outcome) and forgets it, unless a refresh is starting.
    pub fn close(&self) {
        if !matches!(self.state.get_untracked(), RefreshState::Starting(_)) {
            self.state.set(RefreshState::Idle);
        }
    }

    /// Sends the refresh that the confirmation is about. A second call while it starts does
    /// nothing. Each job Basiq names is asked for once and shown at the top (Pending; the
    /// placeholder if it cannot be had yet), then tracked live.
    pub fn confirm(&self) {
        let RefreshState::Confirming(target) = self.state.get_untracked() else {
            return;
        };
        self.state.set(RefreshState::Starting(target.clone()));
        let (backend, _) = expect_live();
        let (state, history) = (self.state, self.history);
        spawn_local(async move {
            let answer = match &target.connection_id {
                Some(connection) => backend
                    .refresh_connection(&target.user_id, connection)
                    .await
                    .map(|started| vec![started]),
                None => backend.refresh_all(&target.user_id).await.map(|ids| {
                    let new = |job_id| RefreshStarted {
                        job_id,
                        already_running: false,
                    };
                    ids.into_iter().map(new).collect()
                }),
            };
            match answer {
                Ok(started) => {
                    if let Some(history) = history {
                        // Each job as Basiq has it now (a card reads its connection and bank
                        // once); one that cannot be had yet shows as the placeholder.
                        let fetched =
                            join_all(started.iter().map(|job| backend.get_job(&job.job_id))).await;
                        for (job, fetched) in started.iter().zip(fetched) {
                            history.track(fetched.unwrap_or_else(|_| {
                                refresh_placeholder(&job.job_id, &target, platform::now())
                            }));
                        }
                    }
                    state.set(RefreshState::Started(target, started));
                }
                Err(error) => state.set(RefreshState::Failed(target, error)),
            }
        });
    }
}

/// Provides the page's refresher unless actions are off (`read_only`); `history` tracks the jobs
/// it starts.
pub fn provide_refresher(read_only: bool, history: Option<JobHistory>) {
    if !read_only {
        provide_context(Refresher {
            state: RwSignal::new(RefreshState::Idle),
            history,
        });
    }
}

/// The page's refresher, if actions are allowed.
pub fn use_refresher() -> Option<Refresher> {
    use_context::<Refresher>()
}
