//! Reading `config.json`: pure parsing with messages that name the field and what was expected;
//! unknown keys are ignored. See the README for the schema.

use crate::api::client::AuthMode;
use crate::i18n::{Locale, td_string};
use serde_json::{Map, Value};

/// The theme setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follow the operating system.
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Reads `auto`, `light` or `dark`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "auto" => Some(Self::Auto),
            "light" => Some(Self::Light),
            "dark" => Some(Self::Dark),
            _ => None,
        }
    }

    /// The name, as stored and as in config.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    /// The next setting when the toggle is pressed.
    pub fn next(self) -> Self {
        match self {
            Self::Auto => Self::Light,
            Self::Light => Self::Dark,
            Self::Dark => Self::Auto,
        }
    }

    /// Whether the page is dark, given the OS preference.
    pub fn is_dark(self, os_prefers_dark: bool) -> bool {
        match self {
            Self::Auto => os_prefers_dark,
            Self::Light => false,
            Self::Dark => true,
        }
    }
}

/// The parsed configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppConfig {
    /// Basiq's host or the integrator's same-origin proxy.
    pub api_base_url: String,
    /// How requests are authorised.
    pub auth: AuthMode,
    /// The default user.
    pub user_id: Option<String>,
    /// The default connection.
    pub connection_id: Option<String>,
    /// Jobs to track.
    pub job_ids: Vec<String>,
    /// The fast poll interval.
    pub poll_interval_ms: u64,
    /// Whether actions that change data (refresh) are hidden.
    pub read_only: bool,
    /// Whether purge is offered too (never when read-only).
    pub allow_purge: bool,
    /// The default theme.
    pub theme: Theme,
    /// The language to start in when the viewer has not chosen one (`locale`).
    pub locale: Option<Locale>,
    /// Host pages allowed to drive an embedded app.
    pub allowed_origins: Vec<String>,
}

/// A configuration error: the field and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The field, as a path (`auth.mode`), or empty for the whole file.
    pub field: String,
    /// What was wrong.
    pub problem: ConfigProblem,
}

/// What was wrong with `config.json` or one of its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigProblem {
    /// Not a string.
    Text,
    /// Not a list of strings.
    TextList,
    /// `auth` is not an object.
    AuthObject,
    /// `auth.mode` is `tokenUrl` without a `tokenUrl`.
    TokenUrl,
    /// An unknown `auth.mode`.
    AuthMode,
    /// Not JSON (the parser's words).
    NotJson(String),
    /// JSON, but not an object.
    NotObject,
    /// No `apiBaseUrl`.
    ApiBaseUrl,
    /// `pollIntervalMs` is not a whole number of at least 250.
    PollInterval,
    /// Not `true` or `false`.
    TrueOrFalse,
    /// An unknown theme.
    Theme,
    /// A language the app does not have.
    Locale,
    /// `embed` is not an object.
    EmbedObject,
    /// The file could not be fetched (the browser's words).
    NotFetched(String),
    /// The file was answered with this HTTP status.
    Http(u16),
    /// The file's body could not be read (the browser's words).
    NotRead(String),
}

impl ConfigError {
    /// A problem with the whole file.
    pub fn of_file(problem: ConfigProblem) -> Self {
        wrong("", problem)
    }

    /// What is wrong, in `locale`: "`pollIntervalMs`: expected a whole number of
    /// milliseconds, at least 250".
    pub fn words(&self, locale: Locale) -> String {
        let problem = match &self.problem {
            ConfigProblem::Text => td_string!(locale, config.text).to_owned(),
            ConfigProblem::TextList => td_string!(locale, config.text_list).to_owned(),
            ConfigProblem::AuthObject => td_string!(locale, config.auth_object).to_owned(),
            ConfigProblem::TokenUrl => td_string!(locale, config.token_url).to_owned(),
            ConfigProblem::AuthMode => td_string!(locale, config.auth_mode).to_owned(),
            ConfigProblem::NotJson(why) => td_string!(locale, config.not_json, why),
            ConfigProblem::NotObject => td_string!(locale, config.not_object).to_owned(),
            ConfigProblem::ApiBaseUrl => td_string!(locale, config.api_base_url).to_owned(),
            ConfigProblem::PollInterval => td_string!(locale, config.poll_interval).to_owned(),
            ConfigProblem::TrueOrFalse => td_string!(locale, config.true_or_false).to_owned(),
            ConfigProblem::Theme => td_string!(locale, config.theme).to_owned(),
            ConfigProblem::Locale => td_string!(locale, config.locale).to_owned(),
            ConfigProblem::EmbedObject => td_string!(locale, config.embed_object).to_owned(),
            ConfigProblem::NotFetched(why) => td_string!(locale, config.not_fetched, why),
            ConfigProblem::Http(status) => td_string!(locale, config.http, status),
            ConfigProblem::NotRead(why) => td_string!(locale, config.not_read, why),
        };
        if self.field.is_empty() {
            problem
        } else {
            td_string!(locale, config.in_field, field = &self.field, problem)
        }
    }
}

fn wrong(field: &str, problem: ConfigProblem) -> ConfigError {
    ConfigError {
        field: field.into(),
        problem,
    }
}

fn optional_string(
    object: &Map<String, Value>,
    key: &str,
    field: &str,
) -> Result<Option<String>, ConfigError> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_owned())),
        Some(_) => Err(wrong(field, ConfigProblem::Text)),
    }
}

fn string_list(
    object: &Map<String, Value>,
    key: &str,
    field: &str,
) -> Result<Vec<String>, ConfigError> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| {
                item.as_str()
                    .map(|s| s.trim().to_owned())
                    .ok_or_else(|| wrong(field, ConfigProblem::TextList))
            })
            .filter(|item| !matches!(item, Ok(s) if s.is_empty()))
            .collect(),
        Some(_) => Err(wrong(field, ConfigProblem::TextList)),
    }
}

fn auth(value: Option<&Value>) -> Result<AuthMode, ConfigError> {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Ok(AuthMode::None);
    };
    let object = value
        .as_object()
        .ok_or_else(|| wrong("auth", ConfigProblem::AuthObject))?;
    match object.get("mode").and_then(Value::as_str) {
        None | Some("none") => Ok(AuthMode::None),
        Some("prompt") => Ok(AuthMode::Prompt),
        Some("tokenUrl") => optional_string(object, "tokenUrl", "auth.tokenUrl")?
            .map(AuthMode::TokenUrl)
            .ok_or_else(|| wrong("auth.tokenUrl", ConfigProblem::TokenUrl)),
        Some(_) => Err(wrong("auth.mode", ConfigProblem::AuthMode)),
    }
}

/// Parses `config.json`.
pub fn parse_config(text: &str) -> Result<AppConfig, ConfigError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| ConfigError::of_file(ConfigProblem::NotJson(e.to_string())))?;
    let object = value
        .as_object()
        .ok_or_else(|| ConfigError::of_file(ConfigProblem::NotObject))?;
    let api_base_url = optional_string(object, "apiBaseUrl", "apiBaseUrl")?
        .ok_or_else(|| wrong("apiBaseUrl", ConfigProblem::ApiBaseUrl))?;
    let poll_interval_ms = match object.get("pollIntervalMs") {
        None | Some(Value::Null) => 2000,
        Some(v) => v
            .as_u64()
            .filter(|ms| *ms >= 250)
            .ok_or_else(|| wrong("pollIntervalMs", ConfigProblem::PollInterval))?,
    };
    let read_only = match object.get("readOnly") {
        None | Some(Value::Null) => true,
        Some(v) => v
            .as_bool()
            .ok_or_else(|| wrong("readOnly", ConfigProblem::TrueOrFalse))?,
    };
    let allow_purge = match object.get("allowPurge") {
        None | Some(Value::Null) => false,
        Some(v) => v
            .as_bool()
            .ok_or_else(|| wrong("allowPurge", ConfigProblem::TrueOrFalse))?,
    };
    let theme = match optional_string(object, "theme", "theme")? {
        None => Theme::Auto,
        Some(name) => {
            Theme::from_name(&name).ok_or_else(|| wrong("theme", ConfigProblem::Theme))?
        }
    };
    let locale = match optional_string(object, "locale", "locale")? {
        None => None,
        Some(tag) => Some(
            super::language::locale_from_tag(&tag)
                .ok_or_else(|| wrong("locale", ConfigProblem::Locale))?,
        ),
    };
    let allowed_origins = match object.get("embed") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Object(embed)) => string_list(embed, "allowedOrigins", "embed.allowedOrigins")?,
        Some(_) => {
            return Err(wrong("embed", ConfigProblem::EmbedObject));
        }
    };
    Ok(AppConfig {
        api_base_url,
        auth: auth(object.get("auth"))?,
        user_id: optional_string(object, "userId", "userId")?,
        connection_id: optional_string(object, "connectionId", "connectionId")?,
        job_ids: string_list(object, "jobIds", "jobIds")?,
        poll_interval_ms,
        read_only,
        allow_purge: allow_purge && !read_only,
        theme,
        locale,
        allowed_origins,
    })
}

/// Splits a `?jobIds=a,b,c` value: trimmed, empties dropped (API.md §3.5).
pub fn split_job_ids(raw: &str) -> Vec<String> {
    raw.split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
        .collect()
}
