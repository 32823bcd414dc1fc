//! `basiq-gateway`: parses the options, logs JSON lines to stdout, serves until SIGTERM or
//! Ctrl-C (then finishes the requests in flight).

use basiq_gateway::{Gateway, Options, USAGE, serve};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .json()
        .flatten_event(true)
        .with_target(false)
        .init();
    let options = match Options::parse(std::env::args().skip(1), |name| std::env::var(name).ok()) {
        Ok(options) => options,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("basiq-gateway: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let listen = options.listen;
    let gateway = match Gateway::new(options) {
        Ok(gateway) => gateway,
        Err(message) => {
            eprintln!("basiq-gateway: {message}");
            return ExitCode::from(2);
        }
    };
    if gateway.allows_all() {
        tracing::warn!(
            "--dev-allow-all: every caller may read and refresh every Basiq user's jobs. For local use only: never expose this gateway"
        );
    }
    let listener = match tokio::net::TcpListener::bind(listen).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("basiq-gateway: cannot listen on {listen}: {e}");
            return ExitCode::from(1);
        }
    };
    let address = listener.local_addr().map_or(listen, |a| a);
    tracing::info!(address = %address, "listening");
    match serve(listener, gateway, shutdown()).await {
        Ok(()) => {
            tracing::info!("stopped");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("basiq-gateway: {e}");
            ExitCode::from(1)
        }
    }
}

/// Completes on SIGTERM (a container's stop) or Ctrl-C.
async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing the requests in flight");
}
