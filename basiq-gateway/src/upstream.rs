//! Calls to Basiq: the token added, a bounded body, a timeout, no redirects, and one retry with
//! a new token when Basiq says the token expired (API.md §9). What comes back is passed on as it
//! is: status, body (the error envelope included), content type and `Retry-After`.

use crate::envelope;
use crate::secret::Secret;
use crate::token::{MintError, TokenSource};
use axum::body::Bytes;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::time::Duration;
use tokio::sync::Semaphore;

/// Basiq's answer.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub content_type: Option<HeaderValue>,
    pub retry_after: Option<HeaderValue>,
    pub body: Bytes,
}

impl Answer {
    /// The answer as the gateway's response, unchanged (the site layer adds `no-store`).
    pub fn into_response(self) -> Response {
        let mut response = (self.status, self.body).into_response();
        let headers = response.headers_mut();
        headers.remove(header::CONTENT_TYPE);
        if let Some(value) = self.content_type {
            headers.insert(header::CONTENT_TYPE, value);
        }
        if let Some(value) = self.retry_after {
            headers.insert(header::RETRY_AFTER, value);
        }
        response
    }
}

/// Why Basiq gave no answer to pass on.
#[derive(Debug, PartialEq, Eq)]
pub enum Failure {
    Token(MintError),
    Unreachable,
    Timeout(Duration),
    TooLarge(usize),
}

impl Failure {
    /// The gateway's own answer for it, in Basiq's envelope; nothing secret in it.
    pub fn into_response(self) -> Response {
        match self {
            Self::Token(MintError::Refused {
                status: 429,
                retry_after,
                ..
            }) => {
                let mut response = envelope::error(
                    StatusCode::TOO_MANY_REQUESTS,
                    "too-many-requests",
                    "Too many requests.",
                    "Basiq is limiting the gateway's token requests.",
                );
                if let Some(value) = retry_after.and_then(|v| HeaderValue::from_str(&v).ok()) {
                    response.headers_mut().insert(header::RETRY_AFTER, value);
                }
                response
            }
            Self::Token(MintError::Refused { status, code, .. }) => envelope::error(
                StatusCode::BAD_GATEWAY,
                "gateway-token-refused",
                "The gateway could not get a Basiq token.",
                &format!(
                    "Basiq answered {status}{} to the gateway's token request: check BASIQ_API_KEY.",
                    code.map(|c| format!(" {c}")).unwrap_or_default()
                ),
            ),
            Self::Token(MintError::Unreachable) | Self::Unreachable => envelope::error(
                StatusCode::BAD_GATEWAY,
                "bad-gateway",
                "Basiq could not be reached.",
                "The gateway's request to Basiq failed before an answer came.",
            ),
            Self::Token(MintError::Timeout) => envelope::error(
                StatusCode::GATEWAY_TIMEOUT,
                "gateway-timeout",
                "Basiq did not answer in time.",
                "The gateway's token request timed out.",
            ),
            Self::Timeout(after) => envelope::error(
                StatusCode::GATEWAY_TIMEOUT,
                "gateway-timeout",
                "Basiq did not answer in time.",
                &format!("No answer within {} s.", after.as_secs_f64()),
            ),
            Self::TooLarge(limit) => envelope::error(
                StatusCode::BAD_GATEWAY,
                "response-too-large",
                "Basiq's answer is too large.",
                &format!("The answer is larger than the gateway's limit of {limit} bytes."),
            ),
        }
    }
}

/// Whether Basiq's answer means the token expired: any 401, or a 403 `access-denied` that
/// mentions expiry.
pub fn says_token_expired(status: StatusCode, body: &[u8]) -> bool {
    if status == StatusCode::UNAUTHORIZED {
        return true;
    }
    if status != StatusCode::FORBIDDEN {
        return false;
    }
    let json: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let first = &json["data"][0];
    let text = |key: &str| first[key].as_str().unwrap_or("").to_ascii_lowercase();
    first["code"] == "access-denied"
        && (text("title").contains("expired") || text("detail").contains("expired"))
}

/// The way to Basiq.
pub struct Upstream {
    client: reqwest::Client,
    base: String,
    tokens: TokenSource,
    timeout: Duration,
    max_body: usize,
    in_flight: Semaphore,
}

impl Upstream {
    /// A client for `base` (no trailing `/`) with the key, the per-call timeout, the largest
    /// answer accepted and the most calls at once.
    pub fn new(
        base: &str,
        key: Secret,
        timeout: Duration,
        max_body: usize,
        concurrency: usize,
    ) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(timeout)
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        Ok(Self {
            tokens: TokenSource::new(client.clone(), base, key, timeout),
            client,
            base: base.to_owned(),
            timeout,
            max_body,
            in_flight: Semaphore::new(concurrency.max(1)),
        })
    }

    /// The token requests made so far.
    pub fn mints(&self) -> u64 {
        self.tokens.mints()
    }

    /// Calls Basiq at `path_and_query`; after an expired-token answer, once more with a new token.
    pub async fn call(
        &self,
        method: Method,
        path_and_query: &str,
        body: Bytes,
    ) -> Result<Answer, Failure> {
        let _permit = self.in_flight.acquire().await.expect("never closed");
        let token = self.tokens.get().await.map_err(Failure::Token)?;
        let answer = self
            .send(&method, path_and_query, &token.value, body.clone())
            .await?;
        if !says_token_expired(answer.status, &answer.body) {
            return Ok(answer);
        }
        self.tokens.forget(token.serial).await;
        let token = self.tokens.get().await.map_err(Failure::Token)?;
        self.send(&method, path_and_query, &token.value, body).await
    }

    async fn send(
        &self,
        method: &Method,
        path_and_query: &str,
        token: &Secret,
        body: Bytes,
    ) -> Result<Answer, Failure> {
        let mut request = self
            .client
            .request(method.clone(), format!("{}{path_and_query}", self.base))
            .bearer_auth(token.expose())
            .header(header::ACCEPT, "application/json");
        if *method == Method::POST {
            request = request.body(body);
        }
        let limit = self.max_body;
        tokio::time::timeout(self.timeout, async {
            let mut response = request.send().await.map_err(|_| Failure::Unreachable)?;
            if response.content_length().is_some_and(|n| n > limit as u64) {
                return Err(Failure::TooLarge(limit));
            }
            let status = response.status();
            let content_type = response.headers().get(header::CONTENT_TYPE).cloned();
            let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
            let mut body = Vec::new();
            while let Some(chunk) = response.chunk().await.map_err(|_| Failure::Unreachable)? {
                if body.len() + chunk.len() > limit {
                    return Err(Failure::TooLarge(limit));
                }
                body.extend_from_slice(&chunk);
            }
            Ok(Answer {
                status,
                content_type,
                retry_after,
                body: body.into(),
            })
        })
        .await
        .map_err(|_| Failure::Timeout(self.timeout))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn envelope(code: &str, title: &str, detail: &str) -> Vec<u8> {
        serde_json::json!({"type": "list", "data": [{"type": "error", "code": code, "title": title, "detail": detail}]})
            .to_string()
            .into_bytes()
    }

    #[test]
    fn knows_an_expired_token_from_other_refusals() {
        assert!(says_token_expired(StatusCode::UNAUTHORIZED, b""));
        let expired = envelope("access-denied", "Access denied.", "Token has expired");
        assert!(says_token_expired(StatusCode::FORBIDDEN, &expired));
        let expired_title = envelope("access-denied", "Token EXPIRED", "");
        assert!(says_token_expired(StatusCode::FORBIDDEN, &expired_title));
        let scope = envelope(
            "forbidden-access",
            "Access to this resource is forbidden",
            "",
        );
        assert!(!says_token_expired(StatusCode::FORBIDDEN, &scope));
        let sandbox = envelope(
            "access-denied",
            "Please contact us to have your API key enabled",
            "",
        );
        assert!(!says_token_expired(StatusCode::FORBIDDEN, &sandbox));
        assert!(!says_token_expired(StatusCode::FORBIDDEN, b"<html>"));
        assert!(!says_token_expired(StatusCode::OK, &expired));
    }

    #[tokio::test]
    async fn failures_answer_in_the_envelope_without_secrets() {
        let refused = Failure::Token(MintError::Refused {
            status: 404,
            code: Some("resource-not-found".into()),
            retry_after: None,
        })
        .into_response();
        assert_eq!(refused.status(), StatusCode::BAD_GATEWAY);
        let limited = Failure::Token(MintError::Refused {
            status: 429,
            code: None,
            retry_after: Some("30".into()),
        })
        .into_response();
        assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(limited.headers()[header::RETRY_AFTER], "30");
        let slow = Failure::Timeout(Duration::from_secs(20)).into_response();
        assert_eq!(slow.status(), StatusCode::GATEWAY_TIMEOUT);
        let body = axum::body::to_bytes(refused.into_body(), 4096)
            .await
            .unwrap();
        let body = String::from_utf8(body.to_vec()).unwrap();
        assert!(body.contains("gateway-token-refused"), "{body}");
        assert!(body.contains("404 resource-not-found"), "{body}");
    }
}
