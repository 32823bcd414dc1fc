//! What the live hooks take from the app, provided once by the shell: where jobs come from, the
//! poll policy and the one clock. Views never pull the client out of context themselves.

use super::{Clock, Institutions};
use crate::api::backend::Backend;
use crate::poll::PollPolicy;
use leptos::prelude::*;

/// The live hooks' share of the app.
#[derive(Clone)]
struct Live {
    backend: Backend,
    policy: PollPolicy,
}

/// Makes `backend` and `policy` the ones every live hook below uses, and starts the session's
/// directory of institutions on the same backend.
pub fn provide_live(backend: Backend, policy: PollPolicy) {
    provide_context(Institutions::new(backend.clone()));
    provide_context(Live { backend, policy });
}

/// The app's clock (started by [`super::use_clock`] in the app).
pub fn expect_clock() -> Clock {
    expect_context::<Clock>()
}

/// The backend and policy the shell provided.
pub(super) fn expect_live() -> (Backend, PollPolicy) {
    let Live { backend, policy } = expect_context::<Live>();
    (backend, policy)
}

/// The API base URL requests go to (for the "copy as curl" command).
pub fn api_base() -> String {
    expect_context::<Live>().backend.api_base().to_owned()
}
