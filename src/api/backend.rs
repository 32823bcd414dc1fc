//! One interface over the demo source, a saved file and the Basiq HTTP client, so every view
//! works identically on each.

use super::client::HttpClient;
use crate::domain::{
    ApiError, BasiqError, Institution, ItemProblem, Job, JobPage, LeftOut, SAVED_FILE, SavedFile,
    parse_institution, parse_job, parse_job_list,
};
use crate::platform;
use basiq_demo::{DEMO_USER_ID, Refreshes, demo_jobs, institution, job_list};
use chrono::{DateTime, Utc};
use futures::future::join_all;
use serde_json::Value;
use std::sync::{Arc, Mutex};

/// Which jobs a view shows: a user's (optionally one connection's), or a given set of jobs
/// (the Consent UI's `?jobIds=`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobScope {
    /// `GET /users/{user}/jobs[?filter=connection.id.eq(…)]`.
    User {
        /// The Basiq user id.
        user: String,
        /// One connection, or all.
        connection: Option<String>,
    },
    /// `GET /jobs/{id}` for each.
    Jobs(Vec<String>),
}

/// The built-in demo: its jobs, from the moment it started, and the refreshes started in it.
#[derive(Clone)]
pub struct Demo {
    started: DateTime<Utc>,
    refreshes: Arc<Mutex<Refreshes>>,
}

impl Demo {
    /// Every job of the demo as it is now, refreshes included.
    fn jobs(&self) -> Vec<Value> {
        let now = platform::now();
        let mut jobs = demo_jobs(self.started, now);
        jobs.extend(self.refreshes.lock().expect("demo refreshes").jobs(now));
        jobs
    }
}

/// A refresh's answer: the job to track, and whether it was already running (Basiq's 200)
/// rather than new (202).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefreshStarted {
    /// The refresh job's id.
    pub job_id: String,
    /// Whether a refresh of the connection was already running (this is its job).
    pub already_running: bool,
}

/// Where jobs come from.
#[derive(Clone)]
pub enum Backend {
    /// The built-in demo.
    Demo(Demo),
    /// A Basiq API (or a same-origin proxy).
    Http(HttpClient),
    /// A saved file: its jobs as they were, and nothing that changes them.
    Saved(Arc<SavedFile>),
}

/// What a saved file answers to a refresh or a purge.
fn saved_file_refuses() -> ApiError {
    ApiError::Forbidden(Some(BasiqError {
        code: SAVED_FILE.into(),
        ..BasiqError::default()
    }))
}

impl Backend {
    /// The demo, starting now.
    pub fn demo() -> Self {
        Self::Demo(Demo {
            started: platform::now(),
            refreshes: Arc::default(),
        })
    }

    /// The API base URL requests go to (Basiq's host for the demo).
    pub fn api_base(&self) -> &str {
        match self {
            Self::Demo(_) | Self::Saved(_) => "https://au-api.basiq.io",
            Self::Http(client) => client.base(),
        }
    }

    /// Gives the HTTP client a token to use (prompt mode, or a host page's message).
    pub fn set_token(&self, token: String, expires_in: Option<u64>) {
        if let Self::Http(client) = self {
            client.set_token(token, expires_in);
        }
    }

    /// Every demo user's jobs now.
    fn demo_page(demo: &Demo) -> JobPage {
        parse_job_list(&job_list(DEMO_USER_ID, demo.jobs())).unwrap_or_default()
    }

    /// A user's jobs, optionally one connection's: the first page.
    pub async fn list_jobs(
        &self,
        user_id: &str,
        connection_id: Option<&str>,
    ) -> Result<JobPage, ApiError> {
        match self {
            Self::Demo(demo) => {
                let mut page = Self::demo_page(demo);
                page.jobs.retain(|job| {
                    connection_id.is_none_or(|c| job.connection_id() == Some(c))
                        && job.user_id().unwrap_or(DEMO_USER_ID) == user_id
                });
                Ok(page)
            }
            Self::Http(client) => client.list_jobs(user_id, connection_id).await,
            Self::Saved(saved) => Ok(JobPage {
                jobs: saved
                    .jobs
                    .iter()
                    .filter(|job| {
                        connection_id.is_none_or(|c| job.connection_id() == Some(c))
                            && job.user_id().is_none_or(|user| user == user_id)
                    })
                    .cloned()
                    .collect(),
                // The items a file left out are named once, where it was opened.
                ..JobPage::default()
            }),
        }
    }

    /// The page of a user's jobs that an earlier page's `links.next` names (the demo has one
    /// page only).
    pub async fn list_page(&self, next: &str) -> Result<JobPage, ApiError> {
        match self {
            Self::Demo(_) | Self::Saved(_) => Ok(JobPage::default()),
            Self::Http(client) => client.list_page(next).await,
        }
    }

    /// The jobs of a scope (for a user, the first page of them, with `next` naming the rest).
    /// For a set of jobs, each is fetched; one that cannot be had is
    /// reported in [`JobPage::problems`] and the rest shown, unless none could be had.
    pub async fn load(&self, scope: &JobScope) -> Result<JobPage, ApiError> {
        let ids = match scope {
            JobScope::User { user, connection } => {
                return self.list_jobs(user, connection.as_deref()).await;
            }
            JobScope::Jobs(ids) => ids,
        };
        let answers = join_all(ids.iter().map(|id| self.get_job(id))).await;
        let mut page = JobPage::default();
        let mut first_error = None;
        for (index, (id, answer)) in ids.iter().zip(answers).enumerate() {
            match answer {
                Ok(job) => page.jobs.push(job),
                Err(error) => {
                    let reason = match &error {
                        ApiError::NotFound(_) => LeftOut::NotFound,
                        other => LeftOut::Unanswered(other.clone()),
                    };
                    page.problems.push(ItemProblem {
                        index,
                        id: Some(id.clone()),
                        reason,
                    });
                    first_error.get_or_insert(error);
                }
            }
        }
        match first_error {
            Some(error) if page.jobs.is_empty() && !matches!(error, ApiError::NotFound(_)) => {
                Err(error)
            }
            _ => Ok(page),
        }
    }

    /// One job by id.
    pub async fn get_job(&self, job_id: &str) -> Result<Job, ApiError> {
        match self {
            // One job as `GET /jobs/{id}` gives it: with its text, for the raw JSON view.
            Self::Demo(demo) => demo
                .jobs()
                .iter()
                .filter(|job| job.get("id").and_then(Value::as_str) == Some(job_id))
                .find_map(|job| parse_job(job).ok())
                .ok_or(ApiError::NotFound(None)),
            Self::Http(client) => client.get_job(job_id).await,
            Self::Saved(saved) => saved
                .jobs
                .iter()
                .find(|job| job.id == job_id)
                .cloned()
                .ok_or(ApiError::NotFound(None)),
        }
    }

    /// One institution by id (its name and status), as `GET /institutions/{id}` gives it.
    pub async fn get_institution(&self, institution_id: &str) -> Result<Institution, ApiError> {
        match self {
            Self::Demo(_) => institution(institution_id)
                .and_then(|value| parse_institution(&value, institution_id).ok())
                .ok_or(ApiError::NotFound(None)),
            Self::Http(client) => client.get_institution(institution_id).await,
            Self::Saved(saved) => saved
                .institutions
                .iter()
                .find(|bank| bank.id == institution_id)
                .cloned()
                .ok_or(ApiError::NotFound(None)),
        }
    }

    /// `POST /users/{user}/connections/{connection}/refresh`: the job to track.
    pub async fn refresh_connection(
        &self,
        user_id: &str,
        connection_id: &str,
    ) -> Result<RefreshStarted, ApiError> {
        match self {
            Self::Demo(demo) => demo
                .refreshes
                .lock()
                .expect("demo refreshes")
                .start(user_id, connection_id, platform::now())
                .map(|started| RefreshStarted {
                    job_id: started.job_id,
                    already_running: !started.new,
                })
                .ok_or(ApiError::NotFound(None)),
            Self::Http(client) => client.refresh_connection(user_id, connection_id).await,
            Self::Saved(_) => Err(saved_file_refuses()),
        }
    }

    /// `POST /users/{user}/connections/{connection}/purge`: the user's data at that
    /// connection's bank removed; no job (the demo removes nothing).
    pub async fn purge_connection(
        &self,
        user_id: &str,
        connection_id: &str,
    ) -> Result<(), ApiError> {
        match self {
            Self::Demo(_) => Ok(()),
            Self::Http(client) => client.purge_connection(user_id, connection_id).await,
            Self::Saved(_) => Err(saved_file_refuses()),
        }
    }

    /// `POST /users/{user}/connections/refresh`: the jobs to track, one per connection.
    pub async fn refresh_all(&self, user_id: &str) -> Result<Vec<String>, ApiError> {
        match self {
            Self::Demo(demo) => {
                let mut connections: Vec<String> = demo
                    .jobs()
                    .iter()
                    .filter_map(|job| parse_job(job).ok())
                    .filter(|job| job.user_id().unwrap_or(DEMO_USER_ID) == user_id)
                    .filter_map(|job| job.connection_id().map(str::to_owned))
                    .collect();
                connections.sort();
                connections.dedup();
                let now = platform::now();
                let mut refreshes = demo.refreshes.lock().expect("demo refreshes");
                let started: Option<Vec<String>> = connections
                    .iter()
                    .map(|c| refreshes.start(user_id, c, now).map(|s| s.job_id))
                    .collect();
                started.ok_or(ApiError::NotFound(None))
            }
            Self::Http(client) => client.refresh_all(user_id).await,
            Self::Saved(_) => Err(saved_file_refuses()),
        }
    }
}
