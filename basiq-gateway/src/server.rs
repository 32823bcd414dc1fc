//! The gateway's routes: `/healthz`, the app's `config.json`, `/basiq/…` (the allow list,
//! checked and forwarded) and the app's files; every answer logged as one JSON line.

use crate::access::Access;
use crate::envelope;
use crate::options::Options;
use crate::route::{Route, job_owner};
use crate::site;
use crate::upstream::Upstream;
use axum::body::{Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{any, get};
use axum::{Json, Router};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Instant;

/// The longest query passed on with the job list.
const MAX_QUERY: usize = 2048;

/// Everything a request needs: the rules and the way to Basiq.
pub struct Gateway {
    access: Access,
    upstream: Upstream,
    identity_header: HeaderName,
    read_only: bool,
    allow_purge: bool,
    max_body: usize,
    app_config: Value,
    dist: Option<std::path::PathBuf>,
}

impl Gateway {
    /// Reads the users file and the app's config and makes the HTTP client.
    pub fn new(options: Options) -> Result<Self, String> {
        let read = |path: &std::path::Path| {
            std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))
        };
        let access = match &options.users {
            Some(path) => Access::from_json(&read(path)?)
                .map_err(|e| format!("users file {}: {e}", path.display()))?,
            None => Access::AllowAll,
        };
        let mut app_config = match &options.app_config {
            Some(path) => serde_json::from_str::<Value>(&read(path)?)
                .ok()
                .filter(Value::is_object)
                .ok_or(format!("{}: expected a JSON object", path.display()))?,
            None => json!({}),
        };
        // The app talks to the gateway, which adds the token: these are not the file's to set.
        for (key, value) in [
            ("apiBaseUrl", json!("/basiq")),
            ("auth", json!({"mode": "none"})),
            ("readOnly", json!(options.read_only)),
            ("allowPurge", json!(options.allow_purge)),
        ] {
            app_config[key] = value;
        }
        Ok(Self {
            upstream: Upstream::new(
                &options.api_url,
                options.api_key,
                options.upstream_timeout,
                options.max_upstream_body,
                options.upstream_concurrency,
            )?,
            access,
            identity_header: options.identity_header,
            read_only: options.read_only,
            allow_purge: options.allow_purge,
            max_body: options.max_body,
            app_config,
            dist: options.dist,
        })
    }

    /// Whether any identity may read any user (`--dev-allow-all`).
    pub fn allows_all(&self) -> bool {
        !self.access.needs_identity()
    }

    fn identity<'a>(&self, headers: &'a HeaderMap) -> Option<&'a str> {
        headers
            .get(&self.identity_header)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }
}

/// The router over a gateway.
pub fn router(gateway: Arc<Gateway>) -> Router {
    let mut router = Router::new()
        .route("/healthz", get(healthz))
        .route("/config.json", get(app_config))
        .route("/basiq", any(api))
        .route("/basiq/", any(api))
        .route("/basiq/{*rest}", any(api));
    if let Some(dist) = &gateway.dist {
        router = router.fallback_service(site::files(dist));
    }
    router
        .layer(middleware::from_fn(site::headers))
        .layer(middleware::from_fn_with_state(gateway.clone(), log))
        .with_state(gateway)
}

async fn healthz(State(gateway): State<Arc<Gateway>>) -> Json<Value> {
    Json(json!({"status": "ok", "tokensMinted": gateway.upstream.mints()}))
}

async fn app_config(State(gateway): State<Arc<Gateway>>) -> Json<Value> {
    Json(gateway.app_config.clone())
}

/// `/basiq/…`: who asks, whether they may, then Basiq's answer as it is.
async fn api(State(gateway): State<Arc<Gateway>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let rest = parts.uri.path().strip_prefix("/basiq").unwrap_or_default();
    let Some(route) = Route::parse(&parts.method, rest) else {
        return envelope::not_found();
    };
    let identity = gateway.identity(&parts.headers);
    if gateway.access.needs_identity() && identity.is_none() {
        return envelope::forbidden(&format!(
            "No signed-in identity: the portal's sign-in layer must set {}.",
            gateway.identity_header
        ));
    }
    if let Some(user) = route.user()
        && !gateway.access.may_read(identity, user)
    {
        return envelope::forbidden("You may not see this user's jobs.");
    }
    if route.changes_data() && gateway.read_only {
        return envelope::forbidden("This gateway is read-only: refresh and purge are off.");
    }
    if matches!(route, Route::Purge { .. }) && !gateway.allow_purge {
        return envelope::forbidden("Purge is off on this gateway (--allow-purge turns it on).");
    }
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > gateway.max_body as u64) {
        return too_large(gateway.max_body);
    }
    let Ok(body) = to_bytes(body, gateway.max_body).await else {
        return too_large(gateway.max_body);
    };
    let query = parts.uri.query().filter(|_| route.takes_query());
    if query.is_some_and(|q| q.len() > MAX_QUERY) {
        return envelope::error(
            StatusCode::BAD_REQUEST,
            "parameter-not-valid",
            "Parameter value is not valid",
            "The query is too long.",
        );
    }
    let target = match query {
        Some(query) => format!("{}?{query}", route.upstream_path()),
        None => route.upstream_path(),
    };
    let method = if route.changes_data() {
        Method::POST
    } else {
        Method::GET
    };
    let body = if method == Method::POST {
        body
    } else {
        Bytes::new()
    };
    let answer = match gateway.upstream.call(method, &target, body).await {
        Ok(answer) => answer,
        Err(failure) => return failure.into_response(),
    };
    if matches!(route, Route::Job { .. })
        && answer.status.is_success()
        && !gateway.access.reads_all(identity)
    {
        let job: Value = serde_json::from_slice(&answer.body).unwrap_or(Value::Null);
        let owner = job_owner(&job);
        if !owner.is_some_and(|user| gateway.access.may_read(identity, user)) {
            return envelope::forbidden("This job belongs to a user whose jobs you may not see.");
        }
    }
    answer.into_response()
}

fn too_large(limit: usize) -> Response {
    envelope::error(
        StatusCode::PAYLOAD_TOO_LARGE,
        "request-too-large",
        "The request is too large.",
        &format!("The gateway accepts request bodies up to {limit} bytes."),
    )
}

/// One JSON line per answer: method, path (no query), status, milliseconds, identity.
async fn log(State(gateway): State<Arc<Gateway>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let identity = gateway.identity(request.headers()).map(str::to_owned);
    let response = next.run(request).await;
    tracing::info!(
        method = %method,
        path = %path,
        status = response.status().as_u16(),
        ms = started.elapsed().as_secs_f64() * 1000.0,
        identity = identity.as_deref().unwrap_or("-"),
        "answered"
    );
    response
}
