//! The mock's shared state: its clock (which tests can fast-forward), the jobs it serves, the
//! tokens it issued, fault rules and the log of requests.

use crate::faults::Rule;
use basiq_demo::{Refreshes, Started, bulk_jobs, demo_jobs};
use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Value, json};
use std::time::SystemTime;

/// The settled bulk jobs made for a count and a start, with their JSON texts.
struct BulkJobs {
    count: u64,
    started: DateTime<Utc>,
    jobs: Vec<(Value, String)>,
}

/// Everything the mock remembers.
pub struct State {
    pub started: DateTime<Utc>,
    pub clock_offset: TimeDelta,
    /// Set by `POST /__mock/clock {"at": …}`: the clock stands still there (plus the offset).
    pub frozen: Option<DateTime<Utc>>,
    pub bulk: u64,
    /// The bulk jobs last generated, for (`bulk`, `started`), with their JSON texts: they are
    /// settled, so they are made once, not on every request (which would load the CPU the
    /// benchmarked browser runs on).
    bulk_made: Option<BulkJobs>,
    pub token_ttl: i64,
    pub require_token: bool,
    /// Set by `POST /__mock/auth {"apiKey": …}`: `/token` then checks its request as Basiq
    /// does (API.md §2.1): the key, `basiq-version: 3.0` and `scope=SERVER_ACCESS`.
    pub api_key: Option<String>,
    pub tokens: Vec<(String, DateTime<Utc>)>,
    pub refreshes: Refreshes,
    pub faults: Vec<Rule>,
    pub requests: Vec<Value>,
    /// The `config.json` served beside the app, if any (else the static folder's, or 404).
    pub config: Option<String>,
    /// Items listed after the jobs as they are, readable or not (`POST /__mock/jobs`
    /// `{"extra": […]}`): for tests of the notice that names unreadable items.
    pub extra: Vec<Value>,
    /// Lists this many jobs a page, newest first, with `links.next` (`POST /__mock/jobs`
    /// `{"pageSize": 100}`); `None`: one page, as the API documents.
    pub page_size: Option<usize>,
}

impl State {
    /// A fresh state whose demo starts now.
    pub fn new(bulk: u64, token_ttl: i64, require_token: bool, faults: Vec<Rule>) -> Self {
        let mut state = Self {
            started: DateTime::<Utc>::MIN_UTC,
            clock_offset: TimeDelta::zero(),
            frozen: None,
            bulk,
            bulk_made: None,
            token_ttl,
            require_token,
            api_key: None,
            tokens: Vec::new(),
            refreshes: Refreshes::default(),
            faults,
            requests: Vec::new(),
            config: None,
            extra: Vec::new(),
            page_size: None,
        };
        state.started = state.now();
        state
    }

    /// The mock's clock: the real one (or the instant it was stopped at) plus any fast-forward.
    pub fn now(&self) -> DateTime<Utc> {
        if let Some(at) = self.frozen {
            return at + self.clock_offset;
        }
        let since_epoch = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default();
        let real =
            DateTime::from_timestamp(since_epoch.as_secs() as i64, since_epoch.subsec_nanos())
                .unwrap_or_default();
        real + self.clock_offset
    }

    /// Every job as Basiq would return it now.
    pub fn jobs(&mut self) -> Vec<Value> {
        let (live, refreshes) = self.live_jobs();
        let bulk = self.bulk_jobs().iter().map(|(job, _)| job.clone());
        live.into_iter().chain(bulk).chain(refreshes).collect()
    }

    /// One job as Basiq would return it now (the first with that id, in [`State::jobs`]'s order),
    /// found without copying the others.
    pub fn job(&mut self, id: &str) -> Option<Value> {
        let (live, refreshes) = self.live_jobs();
        let is_it = |job: &&Value| job["id"] == id;
        if let Some(job) = live.iter().find(is_it) {
            return Some(job.clone());
        }
        if let Some(job) = self.bulk_jobs().iter().map(|(job, _)| job).find(is_it) {
            return Some(job.clone());
        }
        refreshes.iter().find(is_it).cloned()
    }

    /// The JSON texts of the jobs `keep` accepts, in [`State::jobs`]'s order; the bulk ones'
    /// texts are made once.
    pub fn job_texts(&mut self, keep: impl Fn(&Value) -> bool) -> Vec<String> {
        let (live, refreshes) = self.live_jobs();
        let text = |job: &Value| keep(job).then(|| job.to_string());
        let mut texts: Vec<String> = live.iter().filter_map(text).collect();
        let bulk = self.bulk_jobs().iter().filter(|(job, _)| keep(job));
        texts.extend(bulk.map(|(_, text)| text.clone()));
        texts.extend(refreshes.iter().filter_map(text));
        texts.extend(self.extra.iter().filter_map(text));
        texts
    }

    /// The demo's jobs and the refreshes' jobs, as they are now.
    fn live_jobs(&self) -> (Vec<Value>, Vec<Value>) {
        let now = self.now();
        (demo_jobs(self.started, now), self.refreshes.jobs(now))
    }

    /// The settled bulk jobs with their texts, made when `bulk` or `started` changed.
    fn bulk_jobs(&mut self) -> &[(Value, String)] {
        let (count, started) = (self.bulk, self.started);
        if self
            .bulk_made
            .as_ref()
            .is_none_or(|made| (made.count, made.started) != (count, started))
        {
            let jobs = bulk_jobs(count, started).into_iter().map(|job| {
                let text = job.to_string();
                (job, text)
            });
            self.bulk_made = Some(BulkJobs {
                count,
                started,
                jobs: jobs.collect(),
            });
        }
        self.bulk_made.as_ref().map_or(&[], |made| &made.jobs)
    }

    /// Starts a refresh of a connection, or returns the one still running; `None` for a user
    /// the demo does not know.
    pub fn refresh(&mut self, user: &str, connection: &str) -> Option<Started> {
        let now = self.now();
        self.refreshes.start(user, connection, now)
    }

    /// Issues a token.
    pub fn issue_token(&mut self) -> Value {
        let token = format!("mock-token-{}", self.tokens.len() + 1);
        self.tokens.push((token.clone(), self.now()));
        json!({"access_token": token, "token_type": "Bearer", "expires_in": self.token_ttl})
    }

    /// Checks a bearer token: `Ok` or the fault name to answer with.
    pub fn check_token(&self, authorization: Option<&str>) -> Result<(), &'static str> {
        if !self.require_token {
            return Ok(());
        }
        let token = authorization
            .and_then(|a| a.strip_prefix("Bearer "))
            .ok_or("401")?;
        let (_, issued) = self.tokens.iter().find(|(t, _)| t == token).ok_or("401")?;
        if self.now() - *issued >= TimeDelta::seconds(self.token_ttl) {
            Err("403-expired")
        } else {
            Ok(())
        }
    }
}
