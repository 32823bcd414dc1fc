//! A mock Basiq API and static file server on 127.0.0.1, for development and end-to-end tests.
//!
//! ```text
//! mock-basiq [--port 4010] [--static DIR] [--base /sub/path/]
//! ```
//! `--static` serves a built `dist/` (with a single-page-app fallback to `index.html`) under
//! `--base`, so the app and the API share one origin as they would behind an integrator's proxy.

mod http;
mod static_files;

use std::path::PathBuf;
use std::sync::Arc;

/// Command-line options.
struct Options {
    port: u16,
    static_dir: Option<PathBuf>,
    base: String,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        port: 4010,
        static_dir: None,
        base: "/".into(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--port" => options.port = value()?.parse().map_err(|e| format!("--port: {e}"))?,
            "--static" => options.static_dir = Some(PathBuf::from(value()?)),
            "--base" => options.base = static_files::normalise_base(&value()?),
            "--help" | "-h" => return Err(String::new()),
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(options)
}

fn main() {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("mock-basiq: {message}");
            }
            eprintln!("usage: mock-basiq [--port 4010] [--static DIR] [--base /sub/path/]");
            std::process::exit(2);
        }
    };
    let server = tiny_http::Server::http(("127.0.0.1", options.port)).unwrap_or_else(|e| {
        eprintln!(
            "mock-basiq: cannot listen on 127.0.0.1:{}: {e}",
            options.port
        );
        std::process::exit(1);
    });
    let site = options
        .static_dir
        .map(|dir| Arc::new(static_files::Site::new(dir, options.base.clone())));
    println!(
        "mock-basiq listening on http://127.0.0.1:{}{}",
        options.port, options.base
    );
    for request in server.incoming_requests() {
        let site = site.clone();
        std::thread::spawn(move || {
            let response = match &site {
                Some(site) => site.respond(request.method(), request.url()),
                None => http::Reply::text(404, "no static site configured"),
            };
            http::send(request, response);
        });
    }
}
