//! The SERVER_ACCESS token (API.md §2.1): minted from the API key with `POST /token`, cached,
//! renewed at three quarters of its life (45 min of Basiq's 60) and once when Basiq says it
//! expired. One mint is in flight however many requests wait for it (single flight: the mint
//! runs under the lock they queue on), and a failed mint is not repeated for a few seconds, so
//! a burst never spends Basiq's budget of 1,500 token requests per 5 minutes.

use crate::secret::Secret;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER};
use serde_json::Value;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// How long a failed mint is answered from memory before the next try.
const FAILURE_HOLD: Duration = Duration::from_secs(5);

/// A token with the number of the mint that made it (to forget exactly that one).
#[derive(Clone, Debug)]
pub struct Token {
    pub value: Secret,
    pub serial: u64,
}

/// Why no token could be had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MintError {
    /// `/token` answered with an error: its status, Basiq's code, any `Retry-After`.
    Refused {
        status: u16,
        code: Option<String>,
        retry_after: Option<String>,
    },
    /// Basiq could not be reached, or its answer was not a token.
    Unreachable,
    /// `/token` did not answer in time.
    Timeout,
}

/// What the cache holds.
enum Held {
    Nothing,
    Token { token: Token, renew_at: Instant },
    Failed { error: MintError, at: Instant },
}

/// When to renew a token that lives `expires_in` seconds: at 75 % of its life (a life claimed
/// longer than a week counts as a week).
pub fn renew_after(expires_in: u64) -> Duration {
    Duration::from_secs(expires_in.min(604_800) * 3 / 4)
}

/// Mints, caches and renews the gateway's one token.
pub struct TokenSource {
    client: reqwest::Client,
    url: String,
    key: Secret,
    timeout: Duration,
    held: Mutex<Held>,
    mints: AtomicU64,
}

impl TokenSource {
    /// A source that mints at `{api_url}/token` with `key`.
    pub fn new(client: reqwest::Client, api_url: &str, key: Secret, timeout: Duration) -> Self {
        Self {
            client,
            url: format!("{api_url}/token"),
            key,
            timeout,
            held: Mutex::new(Held::Nothing),
            mints: AtomicU64::new(0),
        }
    }

    /// How many token requests this process has made.
    pub fn mints(&self) -> u64 {
        self.mints.load(Ordering::Relaxed)
    }

    /// The cached token, or a new one if it is due for renewal (one mint for all who wait).
    pub async fn get(&self) -> Result<Token, MintError> {
        let mut held = self.held.lock().await;
        match &*held {
            Held::Token { token, renew_at } if Instant::now() < *renew_at => {
                return Ok(token.clone());
            }
            Held::Failed { error, at } if at.elapsed() < FAILURE_HOLD => {
                return Err(error.clone());
            }
            _ => {}
        }
        let serial = self.mints.fetch_add(1, Ordering::Relaxed) + 1;
        match self.mint().await {
            Ok((value, expires_in)) => {
                let token = Token { value, serial };
                *held = Held::Token {
                    token: token.clone(),
                    renew_at: Instant::now() + renew_after(expires_in),
                };
                Ok(token)
            }
            Err(error) => {
                *held = Held::Failed {
                    error: error.clone(),
                    at: Instant::now(),
                };
                Err(error)
            }
        }
    }

    /// Drops the token of mint `serial` (Basiq said it expired), unless a newer one replaced it.
    pub async fn forget(&self, serial: u64) {
        let mut held = self.held.lock().await;
        if matches!(&*held, Held::Token { token, .. } if token.serial == serial) {
            *held = Held::Nothing;
        }
    }

    /// One `POST /token`: the token and its life in seconds.
    async fn mint(&self) -> Result<(Secret, u64), MintError> {
        let request = self
            .client
            .post(&self.url)
            .header(AUTHORIZATION, format!("Basic {}", self.key.expose()))
            .header("basiq-version", "3.0")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, "application/json")
            .body("scope=SERVER_ACCESS");
        let answer = tokio::time::timeout(self.timeout, async {
            let response = request.send().await.map_err(|_| MintError::Unreachable)?;
            let status = response.status();
            let retry_after = response
                .headers()
                .get(RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            let body = response.bytes().await.map_err(|_| MintError::Unreachable)?;
            Ok::<_, MintError>((status, retry_after, body))
        })
        .await
        .map_err(|_| MintError::Timeout)??;
        let (status, retry_after, body) = answer;
        let json: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        if !status.is_success() {
            let code = json
                .pointer("/data/0/code")
                .and_then(Value::as_str)
                .map(str::to_owned);
            return Err(MintError::Refused {
                status: status.as_u16(),
                code,
                retry_after,
            });
        }
        let token = json
            .get("access_token")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())
            .ok_or(MintError::Unreachable)?;
        let expires_in = json
            .get("expires_in")
            .and_then(Value::as_u64)
            .unwrap_or(3600);
        Ok((Secret::new(token), expires_in))
    }
}

#[cfg(test)]
mod tests {
    use super::renew_after;
    use std::time::Duration;

    #[test]
    fn renews_at_three_quarters_of_the_life() {
        assert_eq!(renew_after(3600), Duration::from_secs(2700));
        assert_eq!(renew_after(4), Duration::from_secs(3));
        assert_eq!(renew_after(0), Duration::ZERO);
        assert_eq!(renew_after(u64::MAX), Duration::from_secs(453_600));
    }
}
