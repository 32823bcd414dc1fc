//! A mock Basiq API and static file server on 127.0.0.1, for development and end-to-end tests.
//!
//! ```text
//! mock-basiq [--port 4010] [--static DIR [--config FILE]] [--base /sub/path/] [--api-prefix /basiq]
//!            [--jobs N] [--token-ttl SECONDS] [--require-token] [--fault MATCH=FAULT]...
//! ```
//! The API serves the demo's jobs (the same the app shows offline), progressing in real time,
//! under `--api-prefix` (default `/`, or `/basiq` when `--static` is given, so the app and the
//! API share one origin as behind an integrator's proxy). `--static` serves a built `dist/`
//! under `--base` with a single-page-app fallback, and `--config FILE` as its `config.json`.
//! Faults, the clock and the config are steered through `/__mock/…` (see `control.rs`).

mod api;
mod control;
mod faults;
mod http;
mod state;
mod static_files;

use http::{Incoming, Reply};
use serde_json::json;
use state::State;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Command-line options.
pub struct Options {
    /// The port on 127.0.0.1 (0: any free port; [`Running::port`] tells which).
    pub port: u16,
    static_dir: Option<PathBuf>,
    config: Option<PathBuf>,
    csp: Option<String>,
    base: String,
    api_prefix: Option<String>,
    bulk: u64,
    token_ttl: i64,
    require_token: bool,
    faults: Vec<faults::Rule>,
}

impl Default for Options {
    /// The API alone on a free port, the demo's jobs, tokens not required.
    fn default() -> Self {
        Self {
            port: 0,
            static_dir: None,
            config: None,
            csp: None,
            base: "/".into(),
            api_prefix: None,
            bulk: 0,
            token_ttl: 3600,
            require_token: false,
            faults: Vec::new(),
        }
    }
}

/// The usage line.
pub const USAGE: &str = "usage: mock-basiq [--port 4010] [--static DIR] [--config FILE] [--csp POLICY] [--base /sub/path/] [--api-prefix /basiq] \
[--jobs N] [--token-ttl SECONDS] [--require-token] [--fault MATCH=FAULT]...";

/// Reads the arguments (without the program name); the port defaults to 4010. An empty error
/// asks for the usage line.
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut o = Options {
        port: 4010,
        ..Options::default()
    };
    let mut args = args.into_iter();
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--port" => o.port = value()?.parse().map_err(|e| format!("--port: {e}"))?,
            "--static" => o.static_dir = Some(PathBuf::from(value()?)),
            "--config" => o.config = Some(PathBuf::from(value()?)),
            "--csp" => o.csp = Some(value()?),
            "--base" => o.base = static_files::normalise_base(&value()?),
            "--api-prefix" => o.api_prefix = Some(static_files::normalise_base(&value()?)),
            "--jobs" => o.bulk = value()?.parse().map_err(|e| format!("--jobs: {e}"))?,
            "--token-ttl" => {
                o.token_ttl = value()?.parse().map_err(|e| format!("--token-ttl: {e}"))?
            }
            "--require-token" => o.require_token = true,
            "--fault" => o.faults.push(faults::Rule::from_arg(&value()?)?),
            "--help" | "-h" => return Err(String::new()),
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(o)
}

/// Answers an API request: logs it, applies any fault, adds CORS headers.
fn api_reply(state: &Mutex<State>, request: &Incoming, path: &str) -> Reply {
    let fault = {
        let mut state = state.lock().expect("state lock");
        let url = if request.query.is_empty() {
            request.path.clone()
        } else {
            format!("{}?{}", request.path, request.query)
        };
        state
            .requests
            .push(json!({"method": request.method.as_str(), "url": url,
            "authorization": request.authorization.is_some(), "origin": request.origin}));
        if request.method == tiny_http::Method::Options {
            None
        } else {
            faults::take(&mut state.faults, path)
        }
    };
    if let Some(wait) = fault.as_ref().and_then(faults::Fault::delay) {
        std::thread::sleep(wait);
    }
    let normal = || api::handle(&mut state.lock().expect("state lock"), request, path);
    let reply = match fault {
        Some(fault) => fault.reply(normal).unwrap_or_else(normal),
        None => normal(),
    };
    api::cors(reply, request.origin.as_deref())
}

/// A mock that is serving.
pub struct Running {
    /// The port it listens on.
    pub port: u16,
    /// The thread that accepts requests (it runs until the process ends).
    pub thread: std::thread::JoinHandle<()>,
}

/// Starts serving on 127.0.0.1 in a thread of its own.
pub fn start(options: Options) -> Result<Running, String> {
    let server = tiny_http::Server::http(("127.0.0.1", options.port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{}: {e}", options.port))?;
    let port = server
        .server_addr()
        .to_ip()
        .map_or(options.port, |address| address.port());
    let prefix = options.api_prefix.clone().unwrap_or_else(|| {
        if options.static_dir.is_some() {
            "/basiq/".into()
        } else {
            "/".into()
        }
    });
    let site = options
        .static_dir
        .map(|dir| Arc::new(static_files::Site::new(dir, options.base.clone())));
    let mut initial = State::new(
        options.bulk,
        options.token_ttl,
        options.require_token,
        options.faults,
    );
    if let Some(path) = &options.config {
        initial.config = Some(
            std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?,
        );
    }
    let state = Arc::new(Mutex::new(initial));
    let config_path: Arc<str> = format!("{}config.json", options.base).into();
    let csp: Arc<Option<String>> = Arc::new(options.csp.clone());
    let prefix: Arc<str> = prefix.into();
    println!("mock-basiq: API on http://127.0.0.1:{port}{prefix}");
    if site.is_some() {
        println!("mock-basiq: app on http://127.0.0.1:{port}{}", options.base);
    }
    let thread = std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let (site, state, prefix) = (site.clone(), state.clone(), prefix.clone());
            let (config_path, csp) = (config_path.clone(), csp.clone());
            std::thread::spawn(move || {
                answer(
                    request,
                    &state,
                    site.as_deref(),
                    &prefix,
                    &config_path,
                    csp.as_deref(),
                )
            });
        }
    });
    Ok(Running { port, thread })
}

/// Answers one request: control, API, the app's `config.json` or its files.
fn answer(
    mut request: tiny_http::Request,
    state: &Mutex<State>,
    site: Option<&static_files::Site>,
    prefix: &str,
    config_path: &str,
    csp: Option<&str>,
) {
    let incoming = Incoming::read(&mut request);
    let path = incoming.path.clone();
    let reply = if let Some(rest) = path.strip_prefix("/__mock") {
        let reply = control::handle(&mut state.lock().expect("state lock"), &incoming, rest);
        api::cors(reply, incoming.origin.as_deref())
    } else if let Some(rest) = path
        .strip_prefix(prefix)
        .or((path == prefix.trim_end_matches('/')).then_some(""))
    {
        api_reply(state, &incoming, &format!("/{rest}"))
    } else if let Some(config) = (path == config_path)
        .then(|| state.lock().expect("state lock").config.clone())
        .flatten()
    {
        Reply::bytes(200, "application/json", config.into_bytes())
            .header("Cache-Control", "no-cache")
            .header("Access-Control-Allow-Origin", "*")
    } else {
        let reply = match site {
            Some(site) => site.respond(&incoming.method, request.url()),
            None => Reply::text(404, "not found"),
        }
        // Readable from any origin, as a CDN serves it: a host page may mount the app.
        .header("Access-Control-Allow-Origin", "*");
        match csp {
            Some(policy) => reply.header("Content-Security-Policy", policy),
            None => reply,
        }
    };
    http::send(request, reply);
}
