//! The Basiq-shaped endpoints: `/token`, the job list with its filter, one job, one
//! institution, refresh, delete and purge, with Basiq's envelopes and CORS.

use crate::faults::Fault;
use crate::http::{Incoming, Reply};
use crate::state::State;
use basiq_demo::{DEMO_USER_ID, DEMO_USERS, institution, job_list_text};
use serde_json::{Value, json};
use tiny_http::Method;

const API: &str = "https://au-api.basiq.io";

/// Basiq's error envelope.
pub fn error(status: u16, code: &str, title: &str, detail: &str, parameter: Option<&str>) -> Reply {
    let source = parameter.map(|p| json!({"parameter": p}));
    let body = json!({"type": "list", "correlationId": "mock-correlation-id",
        "data": [{"type": "error", "code": code, "title": title, "detail": detail, "source": source}]});
    Reply::json(status, &body)
}

fn not_found() -> Reply {
    error(
        404,
        "resource-not-found",
        "Requested resource is not found.",
        "Route not found for this API version",
        None,
    )
}

/// Adds CORS headers that echo the caller's origin (with credentials).
pub fn cors(reply: Reply, origin: Option<&str>) -> Reply {
    match origin {
        Some(origin) => reply
            .header("Access-Control-Allow-Origin", origin)
            .header("Access-Control-Allow-Credentials", "true")
            .header("Access-Control-Expose-Headers", "Retry-After")
            .header("Vary", "Origin"),
        None => reply,
    }
}

/// Reads `connection.id.eq('<id>')`.
fn connection_filter(filter: &str) -> Option<&str> {
    filter
        .strip_prefix("connection.id.eq('")?
        .strip_suffix("')")
}

fn connection_of(job: &Value) -> Option<&str> {
    let source = job.pointer("/links/source")?.as_str()?;
    source.split("/connections/").nth(1)
}

fn user_of(job: &Value) -> Option<&str> {
    let source = job.pointer("/links/source")?.as_str()?;
    source.split("/users/").nth(1)?.split('/').next()
}

fn reference(id: &str) -> Value {
    json!({"type": "job", "id": id, "links": {"self": format!("{API}/jobs/{id}")}})
}

/// Answers an API request (the path already has the prefix removed).
pub fn handle(state: &mut State, request: &Incoming, path: &str) -> Reply {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    if request.method == Method::Options {
        return Reply::empty(204)
            .header("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS")
            .header(
                "Access-Control-Allow-Headers",
                "Authorization, Accept, Content-Type",
            )
            .header("Access-Control-Max-Age", "600");
    }
    if (&request.method, segments.as_slice()) == (&Method::Post, ["token"].as_slice()) {
        return Reply::json(200, &state.issue_token());
    }
    if let Err(fault) = state.check_token(request.authorization.as_deref()) {
        let fault = Fault::parse(fault).expect("known fault");
        return fault.reply(|| Reply::empty(500)).expect("an error reply");
    }
    match (&request.method, segments.as_slice()) {
        (Method::Get, ["users", user, "jobs"]) => {
            if !DEMO_USERS.contains(user) {
                return error(
                    404,
                    "resource-not-found",
                    "Requested resource is not found.",
                    "Requested user does not exist.",
                    None,
                );
            }
            let wanted = match request.param("filter") {
                None => None,
                Some(filter) => match connection_filter(&filter) {
                    Some(connection) => Some(connection.to_owned()),
                    None => {
                        return error(
                            400,
                            "parameter-not-valid",
                            "Parameter value is not valid",
                            "Invalid filter.",
                            Some("filter"),
                        );
                    }
                },
            };
            let texts = state.job_texts(|job| {
                user_of(job).unwrap_or(DEMO_USER_ID) == *user
                    && wanted
                        .as_deref()
                        .is_none_or(|c| connection_of(job) == Some(c))
            });
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            let body = job_list_text(user, &texts);
            Reply::bytes(200, "application/json", body.into_bytes())
        }
        (Method::Get, ["jobs", id]) => match state.job(id) {
            Some(job) => Reply::json(200, &job),
            None => error(
                404,
                "resource-not-found",
                "Requested resource is not found.",
                "Requested job does not exist.",
                None,
            ),
        },
        (Method::Get, ["institutions", id]) => match institution(id) {
            Some(institution) => Reply::json(200, &institution),
            None => error(
                404,
                "resource-not-found",
                "Requested resource is not found.",
                "Requested institution does not exist.",
                None,
            ),
        },
        (Method::Post, ["users", user, "connections", connection, "refresh"]) => {
            let Some(user) = DEMO_USERS.iter().find(|known| *known == user) else {
                return not_found();
            };
            let (id, new) = state.refresh(user, connection);
            Reply::json(if new { 202 } else { 200 }, &reference(&id))
        }
        (Method::Post, ["users", user, "connections", "refresh"]) => {
            let Some(user) = DEMO_USERS.iter().find(|known| *known == user) else {
                return not_found();
            };
            let mut connections: Vec<String> = state
                .jobs()
                .iter()
                .filter_map(|j| connection_of(j).map(str::to_owned))
                .collect();
            connections.sort();
            connections.dedup();
            let data: Vec<Value> = connections
                .iter()
                .map(|c| reference(&state.refresh(user, c).0))
                .collect();
            Reply::json(202, &json!({"type": "list", "data": data}))
        }
        (Method::Delete, ["users", _, "connections", _])
        | (Method::Post, ["users", _, "connections", _, "purge"]) => Reply::empty(204),
        _ => not_found(),
    }
}
