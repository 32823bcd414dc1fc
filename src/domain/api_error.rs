//! A typed, cloneable API error, so the UI can say "token expired" rather than "request failed"
//! (API.md §9). Pure: built from a status, a body and headers; tested on the host.

use super::parse::ParseError;
use crate::i18n::{Locale, td_string};
use serde_json::Value;
use std::fmt;
use std::time::Duration;

/// Basiq's error envelope, first item: `{"correlationId", "data":[{code,title,detail,source}]}`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BasiqError {
    /// The error code (`access-denied`, ...).
    pub code: String,
    /// The short title.
    pub title: String,
    /// The detail, possibly empty.
    pub detail: String,
    /// The id Basiq support asks for.
    pub correlation_id: Option<String>,
    /// `source.parameter`, naming the bad parameter.
    pub parameter: Option<String>,
}

impl BasiqError {
    /// Decodes the envelope; `None` when the body is not one (an HTML page from a proxy, say).
    pub fn from_body(body: &str) -> Option<Self> {
        let value: Value = serde_json::from_str(body).ok()?;
        let first = value.get("data")?.as_array()?.first()?;
        let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
        Some(Self {
            code: text(first, "code")?,
            title: text(first, "title").unwrap_or_default(),
            detail: text(first, "detail").unwrap_or_default(),
            correlation_id: text(&value, "correlationId"),
            parameter: first.get("source").and_then(|s| text(s, "parameter")),
        })
    }

    /// The detail, else the title, else the code.
    pub fn message(&self) -> &str {
        [&self.detail, &self.title, &self.code]
            .into_iter()
            .find(|s| !s.trim().is_empty())
            .map_or("", String::as_str)
    }
}

/// The code of basiq-gateway's own 403s: the signed-in identity may not see that user, or the
/// gateway is read-only (its detail says which). Basiq's `forbidden-access` means a token's
/// scope is too low.
pub const GATEWAY_REFUSED: &str = "gateway-refused";

/// The code of the refusal a saved file answers to a refresh or a purge (nothing in a saved
/// file can change).
pub const SAVED_FILE: &str = "saved-file";

/// Everything that can go wrong talking to the API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// The request never got an answer (offline, DNS, refused, CORS).
    Network(String),
    /// No answer within the time limit.
    Timeout(Duration),
    /// 401 or a 403 `access-denied` that mentions expiry: renew the token once.
    TokenExpired(Option<BasiqError>),
    /// 401 that is not about expiry: the token does not cover this user or resource.
    Unauthorized(Option<BasiqError>),
    /// 403: the scope is too low, or the key is not enabled.
    Forbidden(Option<BasiqError>),
    /// 404, or 400 `resource-not-found`: the job or user does not exist (or aged out).
    NotFound(Option<BasiqError>),
    /// 400: a bug in our request.
    BadRequest(Option<BasiqError>),
    /// 429: back off (honouring `Retry-After` when sent).
    RateLimited {
        /// The server's `Retry-After`, if any.
        retry_after: Option<Duration>,
        /// The envelope, if any.
        error: Option<BasiqError>,
    },
    /// 503: temporary; retry in about five minutes.
    Unavailable {
        /// The server's `Retry-After`, if any.
        retry_after: Option<Duration>,
        /// The envelope, if any.
        error: Option<BasiqError>,
    },
    /// Any other 5xx.
    Server {
        /// The HTTP status.
        status: u16,
        /// The envelope, if any.
        error: Option<BasiqError>,
    },
    /// Any other unexpected status.
    Http {
        /// The HTTP status.
        status: u16,
        /// The envelope, if any.
        error: Option<BasiqError>,
    },
    /// The answer came but could not be read (malformed JSON, wrong shape).
    Malformed(ParseError),
    /// The integrator's token URL failed.
    TokenUrl(TokenFault),
}

/// Why the integrator's token URL gave no token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenFault {
    /// It never answered (the browser's words).
    Unreachable(String),
    /// It answered with this HTTP status.
    Status(u16),
    /// Its answer is not `{access_token, expires_in}` (the parser's words).
    Shape(String),
    /// Its `access_token` is empty.
    EmptyToken,
}

impl TokenFault {
    /// What went wrong, in `locale` (the browser's and the parser's words as they give them).
    pub fn words(&self, locale: Locale) -> String {
        match self {
            Self::Unreachable(why) => why.clone(),
            Self::Status(status) => td_string!(locale, parse.token_status, status),
            Self::Shape(why) => td_string!(locale, parse.token_shape, why),
            Self::EmptyToken => td_string!(locale, parse.token_empty).to_owned(),
        }
    }
}

impl ApiError {
    /// Classifies a non-2xx answer from its status, body and `Retry-After`.
    pub fn from_response(status: u16, body: &str, retry_after: Option<Duration>) -> Self {
        let error = BasiqError::from_body(body);
        let code = error.as_ref().map(|e| e.code.as_str()).unwrap_or_default();
        let expired = error.as_ref().is_some_and(|e| {
            format!("{} {}", e.title, e.detail)
                .to_lowercase()
                .contains("expired")
        });
        match status {
            _ if code == "resource-not-found" => Self::NotFound(error),
            401 if matches!(code, "unauthorized-access" | "unauthorised-access") => {
                Self::Unauthorized(error)
            }
            401 => Self::TokenExpired(error),
            403 if code == "access-denied" && expired => Self::TokenExpired(error),
            403 => Self::Forbidden(error),
            404 => Self::NotFound(error),
            400 => Self::BadRequest(error),
            429 => Self::RateLimited { retry_after, error },
            503 => Self::Unavailable { retry_after, error },
            500..=599 => Self::Server { status, error },
            _ => Self::Http { status, error },
        }
    }

    /// The decoded envelope, when there was one.
    pub fn basiq(&self) -> Option<&BasiqError> {
        match self {
            Self::TokenExpired(e)
            | Self::Unauthorized(e)
            | Self::Forbidden(e)
            | Self::NotFound(e)
            | Self::BadRequest(e) => e.as_ref(),
            Self::RateLimited { error, .. }
            | Self::Unavailable { error, .. }
            | Self::Server { error, .. }
            | Self::Http { error, .. } => error.as_ref(),
            _ => None,
        }
    }

    /// The headline and the detail in `locale`, for the error banner.
    pub fn words(&self, locale: Locale) -> (String, String) {
        (self.headline(locale), self.detail(locale))
    }

    /// A short headline for the error state.
    pub fn headline(&self, locale: Locale) -> String {
        let text = match self {
            Self::Network(_) => td_string!(locale, errors.network),
            Self::Timeout(limit) => return td_string!(locale, errors.timeout, s = limit.as_secs()),
            Self::TokenExpired(_) => td_string!(locale, errors.token_expired),
            Self::Unauthorized(_) => td_string!(locale, errors.unauthorized),
            Self::Forbidden(Some(e)) if e.code == GATEWAY_REFUSED => {
                td_string!(locale, errors.gateway_refused)
            }
            Self::Forbidden(Some(e)) if e.code == SAVED_FILE => {
                td_string!(locale, errors.saved_file)
            }
            Self::Forbidden(_) => td_string!(locale, errors.forbidden),
            Self::NotFound(_) => td_string!(locale, errors.not_found),
            Self::BadRequest(_) => td_string!(locale, errors.bad_request),
            Self::RateLimited { .. } => td_string!(locale, errors.rate_limited),
            Self::Unavailable { .. } => td_string!(locale, errors.unavailable),
            Self::Server { status, .. } => return td_string!(locale, errors.server, status),
            Self::Http { status, .. } => return td_string!(locale, errors.http, status),
            Self::Malformed(_) => td_string!(locale, errors.malformed),
            Self::TokenUrl(_) => td_string!(locale, errors.token_url),
        };
        text.to_owned()
    }

    /// The specific detail: Basiq's own words (as sent), or what went wrong locally.
    pub fn detail(&self, locale: Locale) -> String {
        match self {
            Self::Network(text) => text.clone(),
            Self::Malformed(error) => error.words(locale),
            Self::TokenUrl(fault) => fault.words(locale),
            Self::Timeout(_) => td_string!(locale, errors.timeout_detail).to_owned(),
            Self::Forbidden(Some(e)) if e.code == SAVED_FILE => {
                td_string!(locale, errors.saved_file_detail).to_owned()
            }
            _ => self
                .basiq()
                .map(|e| e.message().to_owned())
                .unwrap_or_default(),
        }
    }

    /// Whether waiting and trying again can help.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            Self::Network(_)
                | Self::Timeout(_)
                | Self::RateLimited { .. }
                | Self::Unavailable { .. }
                | Self::Server { .. }
        )
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (headline, detail) = self.words(Locale::en);
        if detail.is_empty() {
            f.write_str(&headline)
        } else {
            write!(f, "{headline}: {detail}")
        }
    }
}
