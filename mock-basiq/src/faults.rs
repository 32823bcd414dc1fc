//! Fault injection: rules that make matching API requests fail in a chosen way, for a number of
//! times or for good. Set through `POST /__mock/faults` or `--fault` at start.

use crate::http::Reply;
use serde_json::{Value, json};
use std::time::Duration;

/// One way to answer badly.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    /// An HTTP error with Basiq's envelope: status, code, title, detail, optional Retry-After.
    Status(
        u16,
        &'static str,
        &'static str,
        &'static str,
        Option<String>,
    ),
    /// 502 with a proxy's HTML page.
    BadGatewayHtml,
    /// Wait this long, then answer normally.
    Slow(Duration),
    /// Answer as of the moment asked, delivered this much later (out of order with requests
    /// made after it).
    Stale(Duration),
    /// Wait this long, then answer 504 (the client should have given up long before).
    Hang(Duration),
    /// 200 with a body that is not JSON.
    Malformed,
    /// 200 with the real body cut in half.
    Truncated,
    /// 200 with an empty body.
    Empty,
    /// 200 with an HTML page.
    Html,
}

impl Fault {
    /// Reads a fault name: `401`, `403-expired`, `403-forbidden`, `404`, `429`,
    /// `429-retry-after:N`, `500`, `502-html`, `503`, `503-retry-after:N`, `slow:MS`,
    /// `stale:MS`, `hang:MS`, `malformed`, `truncated`, `empty`, `html`.
    pub fn parse(name: &str) -> Option<Self> {
        let (head, arg) = name
            .split_once(':')
            .map_or((name, None), |(h, a)| (h, Some(a.to_owned())));
        let millis = || {
            arg.as_deref()
                .and_then(|a| a.parse().ok())
                .map(Duration::from_millis)
        };
        Some(match head {
            "401" => Self::Status(
                401,
                "invalid-authorization-token",
                "Invalid authorization token.",
                "",
                None,
            ),
            "403-expired" => Self::Status(
                403,
                "access-denied",
                "Access denied.",
                "Token has expired",
                None,
            ),
            "403-forbidden" => Self::Status(
                403,
                "forbidden-access",
                "Forbidden Access",
                "Access to this resource is forbidden.",
                None,
            ),
            "404" => Self::Status(
                404,
                "resource-not-found",
                "Requested resource is not found.",
                "Requested job does not exist.",
                None,
            ),
            "429" => Self::Status(
                429,
                "too-many-requests",
                "Too many requests.",
                "Too many requests.",
                None,
            ),
            "429-retry-after" => Self::Status(
                429,
                "too-many-requests",
                "Too many requests.",
                "Too many requests.",
                arg,
            ),
            "500" => Self::Status(
                500,
                "internal-server-error",
                "Internal Server error.",
                "Internal Server error.",
                None,
            ),
            "502-html" => Self::BadGatewayHtml,
            "503" => Self::Status(
                503,
                "service-unavailable",
                "Service Unavailable",
                "Service is currently unavailable. Please try again later.",
                None,
            ),
            "503-retry-after" => Self::Status(
                503,
                "service-unavailable",
                "Service Unavailable",
                "Service is currently unavailable. Please try again later.",
                arg,
            ),
            "slow" => Self::Slow(millis()?),
            "stale" => Self::Stale(millis()?),
            "hang" => Self::Hang(millis().unwrap_or(Duration::from_secs(30))),
            "malformed" => Self::Malformed,
            "truncated" => Self::Truncated,
            "empty" => Self::Empty,
            "html" => Self::Html,
            _ => return None,
        })
    }

    /// The reply for this fault, given the reply the request would otherwise get. `None` means
    /// answer normally (after any delay, which the caller has already waited).
    pub fn reply(&self, normal: impl FnOnce() -> Reply) -> Option<Reply> {
        let html = |status| {
            Reply::bytes(
                status,
                "text/html",
                b"<html><body><h1>502 Bad Gateway</h1></body></html>".to_vec(),
            )
        };
        Some(match self {
            Self::Status(status, code, title, detail, retry_after) => {
                let body = json!({"type": "list", "correlationId": "mock-correlation-id",
                    "data": [{"type": "error", "code": code, "title": title, "detail": detail}]});
                let reply = Reply::json(*status, &body);
                match retry_after {
                    Some(value) => reply.header("Retry-After", value),
                    None => reply,
                }
            }
            Self::BadGatewayHtml => html(502),
            Self::Slow(_) => return None,
            Self::Stale(wait) => {
                let reply = normal();
                std::thread::sleep(*wait);
                reply
            }
            Self::Hang(_) => Reply::text(504, "gateway timeout"),
            Self::Malformed => Reply::bytes(
                200,
                "application/json",
                b"{\"type\":\"list\",\"data\":[{\"id\":".to_vec(),
            ),
            Self::Truncated => {
                let mut reply = normal();
                reply.body.truncate(reply.body.len() / 2);
                reply
            }
            Self::Empty => Reply::bytes(200, "application/json", Vec::new()),
            Self::Html => html(200),
        })
    }

    /// How long to wait before answering.
    pub fn delay(&self) -> Option<Duration> {
        match self {
            Self::Slow(wait) | Self::Hang(wait) => Some(*wait),
            _ => None,
        }
    }
}

/// A fault for requests whose path contains `matches`, `times` times (or for good).
#[derive(Clone, Debug)]
pub struct Rule {
    /// A substring of the request path ("" matches every API request).
    pub matches: String,
    /// The fault.
    pub fault: Fault,
    /// How many more requests it applies to; `None` is for good.
    pub remaining: Option<u32>,
}

impl Rule {
    /// Reads `{"match": "/jobs/", "fault": "503", "times": 2}`.
    pub fn from_json(value: &Value) -> Result<Self, String> {
        let name = value
            .get("fault")
            .and_then(Value::as_str)
            .ok_or("a rule needs a \"fault\"")?;
        Ok(Self {
            matches: value
                .get("match")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            fault: Fault::parse(name).ok_or_else(|| format!("unknown fault {name:?}"))?,
            remaining: value.get("times").and_then(Value::as_u64).map(|t| t as u32),
        })
    }

    /// Reads `--fault MATCH=FAULT` (for good).
    pub fn from_arg(arg: &str) -> Result<Self, String> {
        let (matches, name) = arg.split_once('=').unwrap_or(("", arg));
        let fault = Fault::parse(name).ok_or_else(|| format!("unknown fault {name:?}"))?;
        Ok(Self {
            matches: matches.to_owned(),
            fault,
            remaining: None,
        })
    }
}

/// Takes the first rule that matches `path`, counting it down.
pub fn take(rules: &mut [Rule], path: &str) -> Option<Fault> {
    let index = rules
        .iter()
        .position(|r| path.contains(&r.matches) && r.remaining != Some(0))?;
    let rule = &mut rules[index];
    if let Some(left) = rule.remaining.as_mut() {
        *left -= 1;
    }
    Some(rule.fault.clone())
}
