//! One interface over the demo source and the Basiq HTTP client, so every view works
//! identically on either.

use super::client::HttpClient;
use super::demo::{DEMO_USER_ID, demo_jobs, job_list};
use super::error::ApiError;
use crate::domain::{Job, JobPage, parse_job_list};
use crate::platform;
use chrono::{DateTime, Utc};

/// Where jobs come from.
#[derive(Clone)]
pub enum Backend {
    /// The built-in demo, started at the given moment.
    Demo(DateTime<Utc>),
    /// A Basiq API (or a same-origin proxy).
    Http(HttpClient),
}

impl Backend {
    /// The demo, starting now.
    pub fn demo() -> Self {
        Self::Demo(platform::now())
    }

    /// The API base URL requests go to (Basiq's host for the demo).
    pub fn api_base(&self) -> &str {
        match self {
            Self::Demo(_) => "https://au-api.basiq.io",
            Self::Http(client) => client.base(),
        }
    }

    /// Gives the HTTP client a token to use (prompt mode, or a host page's message).
    pub fn set_token(&self, token: String) {
        if let Self::Http(client) = self {
            client.set_token(token, None);
        }
    }

    /// Whether this is the built-in demo.
    pub fn is_demo(&self) -> bool {
        matches!(self, Self::Demo(_))
    }

    /// Every demo user's jobs now.
    fn demo_page(started: DateTime<Utc>) -> JobPage {
        parse_job_list(&job_list(DEMO_USER_ID, demo_jobs(started, platform::now())))
            .unwrap_or_default()
    }

    /// A user's jobs, optionally one connection's.
    pub async fn list_jobs(
        &self,
        user_id: &str,
        connection_id: Option<&str>,
    ) -> Result<JobPage, ApiError> {
        match self {
            Self::Demo(started) => {
                let mut page = Self::demo_page(*started);
                page.jobs.retain(|job| {
                    connection_id.is_none_or(|c| job.connection_id() == Some(c))
                        && job.user_id().unwrap_or(DEMO_USER_ID) == user_id
                });
                Ok(page)
            }
            Self::Http(client) => client.list_jobs(user_id, connection_id).await,
        }
    }

    /// One job by id.
    pub async fn get_job(&self, job_id: &str) -> Result<Job, ApiError> {
        match self {
            Self::Demo(started) => Self::demo_page(*started)
                .jobs
                .into_iter()
                .find(|job| job.id == job_id)
                .ok_or(ApiError::NotFound(None)),
            Self::Http(client) => client.get_job(job_id).await,
        }
    }
}
