//! The Basiq HTTP client (gloo-net): auth modes, a timeout and abort on every request, token
//! renewal once on expiry, and typed errors. Views never call fetch themselves.

use super::answer::parse_retry_after;
use super::answer::{body_text, parse_token_answer};
use super::backend::RefreshStarted;
use super::urls;
use crate::domain::{
    ApiError, Institution, Job, JobPage, ParseError, TokenFault, parse_institution_text,
    parse_job_list_text, parse_job_references, parse_job_text, parse_json,
};
use crate::platform;
use chrono::{DateTime, TimeDelta, Utc};
use futures::future::{Either, select};
use gloo_net::http::{Method, Request, RequestBuilder, Response};
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use web_sys::{AbortController, RequestCredentials};

/// How requests are authorised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuthMode {
    /// No token: a same-origin proxy adds credentials on the server.
    None,
    /// The integrator's backend returns `{"access_token", "expires_in"}` from this URL.
    TokenUrl(String),
    /// A token pasted by the user (or sent by a host page), kept in memory only.
    Prompt,
}

/// A 2xx answer's status and body, or the error any other answer means.
// ApiError is large on 64-bit hosts; it is what every request returns, and the async calls that
// pass it on are not linted, so boxing it here alone would buy nothing.
#[allow(clippy::result_large_err)]
fn answered(
    (status, body, retry_after): (u16, String, Option<Duration>),
) -> Result<(u16, String), ApiError> {
    if (200..300).contains(&status) {
        Ok((status, body))
    } else {
        Err(ApiError::from_response(status, &body, retry_after))
    }
}

#[derive(Clone)]
struct CachedToken {
    value: String,
    renew_at: Option<DateTime<Utc>>,
}

/// Aborts the fetch when dropped, so dropping a request's future cancels it.
struct AbortOnDrop(AbortController);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// The HTTP client. Cheap to clone; clones share the token cache.
#[derive(Clone)]
pub struct HttpClient {
    base: Arc<str>,
    auth: AuthMode,
    timeout: Duration,
    token: Arc<Mutex<Option<CachedToken>>>,
}

/// A token lasting `expires_in` seconds is renewed after three quarters of it.
fn renew_at(expires_in: Option<u64>) -> Option<DateTime<Utc>> {
    let seconds = i64::try_from(expires_in? * 3 / 4).ok()?;
    Some(platform::now() + TimeDelta::seconds(seconds))
}

impl HttpClient {
    /// A client for `base` (Basiq's host or a same-origin proxy path).
    pub fn new(base: &str, auth: AuthMode, timeout: Duration) -> Self {
        Self {
            base: base.into(),
            auth,
            timeout,
            token: Arc::default(),
        }
    }

    /// The API base URL.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Stores a token in memory (prompt mode, or a host page's `set-token` message).
    pub fn set_token(&self, token: String, expires_in: Option<u64>) {
        let cached = CachedToken {
            value: token,
            renew_at: renew_at(expires_in),
        };
        *self.token.lock().expect("token lock") = Some(cached);
    }

    fn cached_token(&self) -> Option<CachedToken> {
        self.token.lock().expect("token lock").clone()
    }

    async fn token(&self, renew: bool) -> Result<Option<String>, ApiError> {
        let url = match &self.auth {
            AuthMode::None => return Ok(None),
            AuthMode::Prompt => return Ok(self.cached_token().map(|t| t.value)),
            AuthMode::TokenUrl(url) => url,
        };
        let fresh = self
            .cached_token()
            .filter(|t| t.renew_at.is_none_or(|at| platform::now() < at));
        if let (false, Some(token)) = (renew, fresh) {
            return Ok(Some(token.value));
        }
        let request = Request::post(url).credentials(RequestCredentials::Include);
        let (status, body, _) = self
            .send(request)
            .await
            .map_err(|e| ApiError::TokenUrl(TokenFault::Unreachable(e.to_string())))?;
        if !(200..300).contains(&status) {
            return Err(ApiError::TokenUrl(TokenFault::Status(status)));
        }
        let answer = parse_token_answer(&body).map_err(ApiError::TokenUrl)?;
        self.set_token(answer.access_token.clone(), answer.expires_in);
        Ok(Some(answer.access_token))
    }

    /// Sends one request with the timeout; returns status, body and `Retry-After`.
    async fn send(
        &self,
        request: RequestBuilder,
    ) -> Result<(u16, String, Option<Duration>), ApiError> {
        let controller =
            AbortController::new().map_err(|_| ApiError::Network("fetch is unavailable".into()))?;
        let request = request.abort_signal(Some(&controller.signal()));
        let _abort = AbortOnDrop(controller);
        self.read(async {
            let response = request.send().await.map_err(|e| e.to_string())?;
            let body = response.binary().await.map_err(|e| e.to_string())?;
            Ok((response, body))
        })
        .await
    }

    /// Awaits an answer and its body, within the timeout: status, body text and `Retry-After`.
    async fn read(
        &self,
        answer: impl Future<Output = Result<(Response, Vec<u8>), String>>,
    ) -> Result<(u16, String, Option<Duration>), ApiError> {
        let answer = async {
            let (response, body) = answer.await.map_err(ApiError::Network)?;
            let retry_after = response
                .headers()
                .get("retry-after")
                .and_then(|v| parse_retry_after(&v, platform::now()));
            Ok((response.status(), body_text(body), retry_after))
        };
        let timer = gloo_timers::future::sleep(self.timeout);
        match select(Box::pin(answer), Box::pin(timer)).await {
            Either::Left((result, _)) => result,
            Either::Right(_) => Err(ApiError::Timeout(self.timeout)),
        }
    }

    /// The answer to the app's first API request, when the loader already asked for `url` and no
    /// token is needed (scripts/loader/start.js); else `None`, and the request is made as usual.
    async fn prefetched(
        &self,
        url: &str,
    ) -> Option<impl Future<Output = Result<(Response, Vec<u8>), String>> + use<>> {
        let (asked, answer, controller) = platform::prefetched_answer().await?;
        (self.auth == AuthMode::None && asked == url).then_some(async {
            // Given up on (the timeout), the request is aborted, as `send` aborts its own.
            let _abort = AbortOnDrop(controller);
            answer
                .await
                .map(|(response, body)| (Response::from(response), body))
        })
    }

    /// Calls an API URL with auth; on an expired token, renews it once and retries once.
    /// Returns the status and body of a 2xx answer.
    async fn call(&self, method: Method, url: &str) -> Result<(u16, String), ApiError> {
        let mut renewed = false;
        loop {
            let mut request = RequestBuilder::new(url)
                .method(method.clone())
                .header("Accept", "application/json");
            if let Some(token) = self.token(renewed).await? {
                request = request.header("Authorization", &format!("Bearer {token}"));
            }
            let error = match answered(self.send(request).await?) {
                Ok(answer) => return Ok(answer),
                Err(error) => error,
            };
            let renewable = matches!(self.auth, AuthMode::TokenUrl(_));
            if renewable && !renewed && matches!(error, ApiError::TokenExpired(_)) {
                renewed = true;
                continue;
            }
            return Err(error);
        }
    }

    /// `GET url`: the loader's answer when it asked for this URL (`prefetched`), else a request
    /// of its own. Returns the status and body of a 2xx answer.
    async fn get(
        &self,
        url: &str,
        prefetched: Option<impl Future<Output = Result<(Response, Vec<u8>), String>>>,
    ) -> Result<(u16, String), ApiError> {
        match prefetched {
            Some(answer) => answered(self.read(answer).await?),
            None => self.call(Method::GET, url).await,
        }
    }

    /// `GET /jobs/{id}`.
    pub async fn get_job(&self, job_id: &str) -> Result<Job, ApiError> {
        let url = urls::job(&self.base, job_id);
        let (_, body) = self.get(&url, self.prefetched(&url).await).await?;
        parse_job_text(&body).map_err(ApiError::Malformed)
    }

    /// `GET /institutions/{id}`.
    pub async fn get_institution(&self, institution_id: &str) -> Result<Institution, ApiError> {
        let (_, body) = self
            .call(Method::GET, &urls::institution(&self.base, institution_id))
            .await?;
        parse_institution_text(&body, institution_id).map_err(ApiError::Malformed)
    }

    /// `GET /users/{id}/jobs[?filter=connection.id.eq('…')]`: the first page, with its
    /// `links.next` when there are more ([`HttpClient::list_page`] follows it).
    pub async fn list_jobs(
        &self,
        user_id: &str,
        connection_id: Option<&str>,
    ) -> Result<JobPage, ApiError> {
        let url = urls::user_jobs(&self.base, user_id, connection_id);
        let prefetched = self.prefetched(&url).await;
        let (_, body) = self.get(&url, prefetched).await?;
        parse_job_list_text(&body).map_err(ApiError::Malformed)
    }

    /// The page a list's `links.next` names, asked for on this client's base
    /// ([`urls::next_page`]); a link that names no page of a job list is malformed.
    pub async fn list_page(&self, next: &str) -> Result<JobPage, ApiError> {
        let url = urls::next_page(&self.base, next)
            .ok_or(ApiError::Malformed(ParseError::ForeignNext))?;
        let (_, body) = self.call(Method::GET, &url).await?;
        parse_job_list_text(&body).map_err(ApiError::Malformed)
    }

    /// `POST /users/{u}/connections/{c}/refresh`: 202 with a new job, or 200 with the job
    /// already running. Returns its id, to poll, and which of the two it was.
    pub async fn refresh_connection(
        &self,
        user_id: &str,
        connection_id: &str,
    ) -> Result<RefreshStarted, ApiError> {
        let (status, body) = self
            .call(
                Method::POST,
                &urls::refresh(&self.base, user_id, connection_id),
            )
            .await?;
        let value = parse_json(&body).map_err(ApiError::Malformed)?;
        let ids = parse_job_references(&value).map_err(ApiError::Malformed)?;
        let job_id = ids
            .into_iter()
            .next()
            .ok_or(ApiError::Malformed(ParseError::NoJob))?;
        Ok(RefreshStarted {
            job_id,
            already_running: status == 200,
        })
    }

    /// `POST /users/{u}/connections/{c}/purge`: 204, no job (API.md §3.3).
    pub async fn purge_connection(
        &self,
        user_id: &str,
        connection_id: &str,
    ) -> Result<(), ApiError> {
        self.call(
            Method::POST,
            &urls::purge(&self.base, user_id, connection_id),
        )
        .await
        .map(|_| ())
    }

    /// `POST /users/{u}/connections/refresh`: 202 with one job reference per connection.
    pub async fn refresh_all(&self, user_id: &str) -> Result<Vec<String>, ApiError> {
        let (_, body) = self
            .call(Method::POST, &urls::refresh_all(&self.base, user_id))
            .await?;
        let value = parse_json(&body).map_err(ApiError::Malformed)?;
        parse_job_references(&value).map_err(ApiError::Malformed)
    }
}
