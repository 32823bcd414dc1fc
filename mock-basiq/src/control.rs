//! `/__mock/…`: what tests use to steer the mock and see what it was asked.
//!
//! - `GET /__mock/requests` the log (method, url, whether an Authorization header came);
//!   `DELETE` clears it.
//! - `POST /__mock/faults` `{"match": "/jobs/", "fault": "503", "times": 2}` (or a list);
//!   `DELETE` clears them.
//! - `POST /__mock/clock` `{"advanceSeconds": 30}` fast-forwards the mock's clock;
//!   `{"at": "2026-11-29T10:00:00Z"}` stops it at that instant (a test then moves it along).
//! - `POST /__mock/jobs` `{"bulk": 5000}` adds that many settled jobs to the list; `"extra":
//!   […]` lists those items after the jobs as they are (unreadable ones included);
//!   `"pageSize": 100` pages the list, newest first, with `links.next` and the total in `size`.
//! - `POST /__mock/auth` `{"requireToken": true, "tokenTtl": 60}` demands tokens from `/token`;
//!   with `"apiKey": "…"`, `/token` checks the key, `basiq-version` and the scope as Basiq does.
//! - `PUT /__mock/config` (any text) is served as the app's `config.json`; `DELETE` removes it.
//! - `POST /__mock/reset` forgets everything and restarts the demo.

use crate::faults::Rule;
use crate::http::{Incoming, Reply};
use crate::state::State;
use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Value, json};
use tiny_http::Method;

fn body(request: &Incoming) -> Result<Value, Reply> {
    serde_json::from_str(&request.body)
        .map_err(|e| Reply::text(400, &format!("body is not JSON: {e}")))
}

fn ok() -> Reply {
    Reply::json(200, &json!({"ok": true}))
}

/// Answers a control request (`path` without the `/__mock` prefix).
pub fn handle(state: &mut State, request: &Incoming, path: &str) -> Reply {
    let result = match (&request.method, path) {
        (Method::Get, "/requests") => Ok(Reply::json(200, &Value::Array(state.requests.clone()))),
        (Method::Delete, "/requests") => {
            state.requests.clear();
            Ok(ok())
        }
        (Method::Post, "/faults") => body(request).and_then(|value| {
            let rules = match value {
                Value::Array(items) => items,
                single => vec![single],
            };
            for rule in &rules {
                state
                    .faults
                    .push(Rule::from_json(rule).map_err(|e| Reply::text(400, &e))?);
            }
            Ok(ok())
        }),
        (Method::Delete, "/faults") => {
            state.faults.clear();
            Ok(ok())
        }
        (Method::Post, "/clock") => body(request).and_then(|value| {
            if let Some(at) = value.get("at").and_then(Value::as_str) {
                let at = DateTime::parse_from_rfc3339(at)
                    .map_err(|e| Reply::text(400, &format!("at: {e}")))?;
                state.frozen = Some(at.with_timezone(&Utc));
                state.clock_offset = TimeDelta::zero();
            }
            let millis = value
                .get("advanceSeconds")
                .and_then(Value::as_f64)
                .map_or(0, |s| (s * 1000.0) as i64);
            state.clock_offset += TimeDelta::milliseconds(millis);
            Ok(ok())
        }),
        (Method::Post, "/jobs") => body(request).map(|value| {
            state.bulk = value.get("bulk").and_then(Value::as_u64).unwrap_or(0);
            state.page_size = value
                .get("pageSize")
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
                .filter(|&n| n > 0);
            state.extra = match value.get("extra") {
                Some(Value::Array(items)) => items.clone(),
                _ => Vec::new(),
            };
            ok()
        }),
        (Method::Post, "/auth") => body(request).map(|value| {
            state.require_token = value
                .get("requireToken")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            state.token_ttl = value
                .get("tokenTtl")
                .and_then(Value::as_i64)
                .unwrap_or(3600);
            state.api_key = value
                .get("apiKey")
                .and_then(Value::as_str)
                .map(str::to_owned);
            ok()
        }),
        (Method::Put, "/config") => {
            state.config = Some(request.body.clone());
            Ok(ok())
        }
        (Method::Delete, "/config") => {
            state.config = None;
            Ok(ok())
        }
        (Method::Post, "/reset") => {
            let config = state.config.take();
            *state = State::new(0, 3600, false, Vec::new());
            state.config = config;
            Ok(ok())
        }
        _ => Err(Reply::text(404, "unknown control endpoint")),
    };
    result.unwrap_or_else(|reply| reply)
}
