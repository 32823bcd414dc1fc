//! Reading what the API and the token URL answer, before any job is parsed: pure, so tested on
//! the host.

use crate::domain::TokenFault;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use std::time::Duration;

/// What the integrator's token URL returns: `{"access_token": "…", "expires_in": 3600}`.
#[derive(Debug, Deserialize, PartialEq, Eq)]
pub struct TokenAnswer {
    /// The bearer token, opaque.
    pub access_token: String,
    /// Its lifetime in seconds.
    #[serde(default)]
    pub expires_in: Option<u64>,
}

/// Reads a token URL's answer; the error says what was wrong (never the token itself).
pub fn parse_token_answer(body: &str) -> Result<TokenAnswer, TokenFault> {
    let answer: TokenAnswer =
        serde_json::from_str(body).map_err(|e| TokenFault::Shape(e.to_string()))?;
    if answer.access_token.trim().is_empty() {
        return Err(TokenFault::EmptyToken);
    }
    Ok(answer)
}

/// A response body as text, as `Response.text()` would give it: UTF-8 with a leading byte-order
/// mark dropped and malformed sequences replaced. The body is read as bytes because handing a long
/// JS string to wasm re-encodes it character by character (about 25 ms for 1,000 jobs, ~1 MB).
pub fn body_text(bytes: Vec<u8>) -> String {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
    };
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// Reads a `Retry-After` header: delay seconds or an HTTP date. A date in the past means now.
pub fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = DateTime::parse_from_rfc2822(value)
        .ok()?
        .with_timezone(&Utc);
    Some((at - now).to_std().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: u64) -> Option<Duration> {
        Some(Duration::from_secs(s))
    }

    #[test]
    fn reads_retry_after_as_seconds_or_http_date() {
        let now = DateTime::parse_from_rfc3339("2015-10-21T07:27:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(parse_retry_after("120", now), secs(120));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now),
            secs(60)
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now),
            secs(0)
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }
}
