//! Start-up: loads `config.json` from the app's base URL and turns it into the backend and
//! settings the views use. No file (404, or an HTML fallback page) means the demo.

use super::file::{AppConfig, ConfigError, ConfigProblem, Theme, parse_config};
use crate::api::backend::Backend;
use crate::api::client::{AuthMode, HttpClient};
use crate::domain::SavedFile;
use crate::i18n::Locale;
use crate::platform;
use chrono::{DateTime, Utc};
use gloo_net::http::{Request, Response};
use std::time::Duration;

/// What the views need to know of the configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Whether the built-in demo is shown (no `config.json`).
    pub demo: bool,
    /// The default user, if configured.
    pub user_id: Option<String>,
    /// The default connection, if configured.
    pub connection_id: Option<String>,
    /// Jobs to track, if configured.
    pub job_ids: Vec<String>,
    /// Whether a token must be pasted before anything loads.
    pub needs_token: bool,
    /// The fast poll interval.
    pub poll_interval: Duration,
    /// The default theme.
    pub theme: Theme,
    /// The configured language, if any.
    pub locale: Option<Locale>,
    /// Host pages allowed to drive the app through `postMessage`.
    pub allowed_origins: Vec<String>,
    /// Whether actions that change data (refresh) are hidden.
    pub read_only: bool,
    /// Whether purge is offered (with `readOnly` false and `allowPurge` true).
    pub allow_purge: bool,
    /// The saved file shown instead of the API, when one is open.
    pub saved: Option<SavedLabel>,
}

/// What the app bar says of an open saved file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedLabel {
    /// The file's name.
    pub name: String,
    /// When it was taken, if it says.
    pub taken: Option<DateTime<Utc>>,
    /// The instant its jobs are shown as of (the views' clock stands there).
    pub as_of: DateTime<Utc>,
}

impl Settings {
    /// The settings that show `file`: its user and jobs, nothing that changes data and no token
    /// (nothing is asked of an API); the theme, poll interval and host pages stay.
    pub fn for_saved(&self, file: &SavedFile) -> Self {
        Self {
            demo: false,
            user_id: file.user.clone(),
            connection_id: file.connection.clone(),
            job_ids: if file.user.is_some() {
                Vec::new()
            } else {
                file.job_ids.clone()
            },
            needs_token: false,
            read_only: true,
            allow_purge: false,
            saved: Some(SavedLabel {
                name: file.name.clone(),
                taken: file.taken,
                as_of: file.as_of(platform::now()),
            }),
            ..self.clone()
        }
    }
}

/// The outcome of loading the configuration.
#[derive(Clone)]
pub enum Startup {
    /// Ready to run on this backend.
    Ready(Backend, Settings),
    /// `config.json` exists but cannot be used.
    Invalid(ConfigError),
}

/// How long any API request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);

fn from_config(config: AppConfig) -> Startup {
    let settings = Settings {
        demo: false,
        user_id: config.user_id,
        connection_id: config.connection_id,
        job_ids: config.job_ids,
        needs_token: config.auth == AuthMode::Prompt,
        poll_interval: Duration::from_millis(config.poll_interval_ms),
        theme: config.theme,
        locale: config.locale,
        allowed_origins: config.allowed_origins,
        read_only: config.read_only,
        allow_purge: config.allow_purge,
        saved: None,
    };
    Startup::Ready(
        Backend::Http(HttpClient::new(
            &config.api_base_url,
            config.auth,
            REQUEST_TIMEOUT,
        )),
        settings,
    )
}

/// The demo, as when no `config.json` is deployed.
pub fn demo() -> Startup {
    let settings = Settings {
        demo: true,
        user_id: Some(basiq_demo::DEMO_USER_ID.to_owned()),
        connection_id: None,
        job_ids: Vec::new(),
        needs_token: false,
        poll_interval: Duration::from_secs(2),
        theme: Theme::Auto,
        locale: None,
        allowed_origins: Vec::new(),
        // The demo's refreshes run in the page: nothing real changes.
        read_only: false,
        // Nothing is purged in the demo: it shows the typed confirmation, then says so.
        allow_purge: true,
        saved: None,
    };
    Startup::Ready(Backend::demo(), settings)
}

/// Fetches `config.json` (beside the app's own files, [`platform::app_asset_url`]) and decides how to start.
pub async fn load() -> Startup {
    let invalid = |problem| Startup::Invalid(ConfigError::of_file(problem));
    let (response, text) = match config_answer().await {
        Ok(answer) => answer,
        Err(e) => return invalid(ConfigProblem::NotFetched(e.to_string())),
    };
    let html = response
        .headers()
        .get("content-type")
        .is_some_and(|t| t.contains("text/html"));
    if response.status() == 404 || (response.ok() && html) {
        return demo();
    }
    if !response.ok() {
        return invalid(ConfigProblem::Http(response.status()));
    }
    match text {
        Ok(text) => {
            let startup = parse_config(&text).map_or_else(Startup::Invalid, from_config);
            platform::mark("config");
            startup
        }
        Err(e) => invalid(ConfigProblem::NotRead(e.to_string())),
    }
}

/// The answer to `config.json` and its body's text: those the loader already asked for, else a
/// new request.
async fn config_answer() -> Result<(Response, Result<String, String>), String> {
    if let Some(answer) = platform::prefetched_config().await {
        return answer.map(|(response, text)| {
            let text = text.ok_or_else(|| "the body could not be read".to_owned());
            (Response::from(response), text)
        });
    }
    let response = Request::get(&platform::app_asset_url("config.json"))
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let text = response.text().await.map_err(|e| e.to_string());
    Ok((response, text))
}
