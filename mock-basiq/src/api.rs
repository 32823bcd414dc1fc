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

/// Page `page` (from 1) of a user's jobs, `size` a page, newest first by `created` (Basiq's
/// times sort as text), with an absolute `links.next` as Basiq writes links, and the whole
/// list's count in `size`.
fn paged(
    state: &mut State,
    keep: impl Fn(&Value) -> bool,
    user: &str,
    filter: Option<String>,
    page: usize,
    size: usize,
) -> Value {
    let mut jobs: Vec<Value> = state.jobs().into_iter().filter(|job| keep(job)).collect();
    jobs.extend(state.extra.iter().filter(|item| keep(item)).cloned());
    let created = |job: &Value| {
        job.get("created")
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    jobs.sort_by_key(|job| std::cmp::Reverse(created(job)));
    let total = jobs.len();
    let start = page.saturating_sub(1).saturating_mul(size).min(total);
    let data: Vec<Value> = jobs.drain(start..(start + size).min(total)).collect();
    let filter = filter
        .map(|f| format!("filter={}&", crate::http::percent_encode(&f)))
        .unwrap_or_default();
    let url = |page: usize| format!("{API}/users/{user}/jobs?{filter}page={page}");
    let mut links = json!({"self": url(page)});
    if start + size < total {
        links["next"] = json!(url(page + 1));
    }
    json!({"type": "list", "size": total, "data": data, "links": links})
}

/// `POST /token`: a token, after checking the request as Basiq does when an API key is set.
fn mint(state: &mut State, request: &Incoming) -> Reply {
    if let Some(key) = &state.api_key {
        if request.basiq_version.as_deref() != Some("3.0") {
            return error(
                400,
                "parameter-not-valid",
                "Parameter value is not valid",
                "basiq-version header is missing or not valid.",
                Some("basiq-version"),
            );
        }
        if request.authorization.as_deref() != Some(&format!("Basic {key}")) {
            return error(
                404,
                "resource-not-found",
                "Requested resource is not found.",
                "Unable to authenticate with provided API key.",
                None,
            );
        }
        if !request
            .body
            .split('&')
            .any(|pair| pair == "scope=SERVER_ACCESS")
        {
            return error(
                400,
                "parameter-not-valid",
                "Parameter value is not valid",
                "scope is missing or not valid.",
                Some("scope"),
            );
        }
    }
    Reply::json(200, &state.issue_token())
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
        return mint(state, request);
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
            let keep = |job: &Value| {
                user_of(job).unwrap_or(DEMO_USER_ID) == *user
                    && wanted
                        .as_deref()
                        .is_none_or(|c| connection_of(job) == Some(c))
            };
            if let Some(size) = state.page_size {
                let page = request
                    .param("page")
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(1);
                return Reply::json(
                    200,
                    &paged(state, keep, user, request.param("filter"), page, size),
                );
            }
            let texts = state.job_texts(keep);
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
            match state.refresh(user, connection) {
                Some(started) => Reply::json(
                    if started.new { 202 } else { 200 },
                    &reference(&started.job_id),
                ),
                None => not_found(),
            }
        }
        (Method::Post, ["users", user, "connections", "refresh"]) => {
            let Some(user) = DEMO_USERS.iter().find(|known| *known == user) else {
                return not_found();
            };
            let mut connections: Vec<String> = state
                .jobs()
                .iter()
                .filter(|j| user_of(j).unwrap_or(DEMO_USER_ID) == *user)
                .filter_map(|j| connection_of(j).map(str::to_owned))
                .collect();
            connections.sort();
            connections.dedup();
            let data: Vec<Value> = connections
                .iter()
                .filter_map(|c| state.refresh(user, c))
                .map(|started| reference(&started.job_id))
                .collect();
            Reply::json(202, &json!({"type": "list", "data": data}))
        }
        (Method::Delete, ["users", _, "connections", _])
        | (Method::Post, ["users", _, "connections", _, "purge"]) => Reply::empty(204),
        _ => not_found(),
    }
}
