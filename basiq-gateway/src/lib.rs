//! basiq-gateway: the same-origin backend of Basiq Job History (API.md §2.3 B, for production).
//!
//! It serves the built app and a `config.json` pointing at itself, and forwards an allow list
//! of Basiq calls (the job list, a job, an institution, refresh, purge) to Basiq with a
//! SERVER_ACCESS token it mints from the API key, caches and renews (one mint in flight). Each
//! call is checked against the signed-in identity (a header set by the portal's sign-in layer)
//! and the Basiq users it may read. Basiq's answers pass through unchanged. The key and tokens
//! never appear in a log, an answer or an error. Stateless: run as many copies as needed.

pub mod access;
pub mod envelope;
pub mod options;
pub mod route;
pub mod secret;
pub mod server;
pub mod site;
pub mod token;
pub mod upstream;

pub use options::{Options, USAGE};
pub use server::Gateway;

use std::future::Future;
use std::sync::Arc;

/// Serves the gateway on `listener` until `shutdown` completes, then finishes the requests in
/// flight (graceful shutdown).
pub async fn serve(
    listener: tokio::net::TcpListener,
    gateway: Gateway,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, server::router(Arc::new(gateway)))
        .with_graceful_shutdown(shutdown)
        .await
}
