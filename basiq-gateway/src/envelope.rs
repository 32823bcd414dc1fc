//! Basiq's error envelope (API.md §9) for the answers the gateway gives itself, so the app reads
//! them with the same parser as Basiq's own.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use std::sync::atomic::{AtomicU64, Ordering};

static NEXT: AtomicU64 = AtomicU64::new(1);

/// An error answer: `{"type":"list","correlationId":"gateway-N","data":[{"type":"error",…}]}`.
pub fn error(status: StatusCode, code: &str, title: &str, detail: &str) -> Response {
    let correlation = format!("gateway-{}", NEXT.fetch_add(1, Ordering::Relaxed));
    let body = json!({"type": "list", "correlationId": correlation, "data": [
        {"type": "error", "code": code, "title": title, "detail": detail, "source": null}]});
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// The code of the gateway's own 403s (not Basiq's `forbidden-access`, which means a token's
/// scope is too low): the app names it "Refused by the gateway".
pub const REFUSED: &str = "gateway-refused";

/// 403 `gateway-refused` with the reason.
pub fn forbidden(detail: &str) -> Response {
    error(
        StatusCode::FORBIDDEN,
        REFUSED,
        "Refused by the gateway",
        detail,
    )
}

/// 404 `resource-not-found`: a path the gateway does not forward.
pub fn not_found() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "resource-not-found",
        "Requested resource is not found.",
        "The gateway forwards only the job list, a job, an institution, refresh and purge.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::to_bytes;

    #[tokio::test]
    async fn answers_in_basiq_s_envelope() {
        let response = forbidden("You may not read this user's jobs.");
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
        let body = to_bytes(response.into_body(), 4096).await.unwrap();
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["type"], "list");
        assert!(
            body["correlationId"]
                .as_str()
                .unwrap()
                .starts_with("gateway-")
        );
        assert_eq!(body["data"][0]["code"], "gateway-refused");
        assert_eq!(
            body["data"][0]["detail"],
            "You may not read this user's jobs."
        );
    }
}
