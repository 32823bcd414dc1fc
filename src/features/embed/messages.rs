//! The `postMessage` contract with a host page (README: Embedding). Pure: reading messages in
//! and writing messages out, tested on the host.

use crate::config::Theme;
use crate::config::language::locale_from_tag;
use crate::domain::CardStatus;
use crate::i18n::Locale;
use crate::url::FILTER_KEYS;
use serde_json::{Value, json};

/// A message from the host page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostMessage {
    /// `{type:"basiq-jobs:set-token", token, expiresIn}`: a token to use, kept in memory.
    SetToken {
        /// The bearer token.
        token: String,
        /// Its lifetime in seconds, if given.
        expires_in: Option<u64>,
    },
    /// `{type:"basiq-jobs:set-filters", status, q, connection, from, to}`.
    SetFilters(Vec<(String, String)>),
    /// `{type:"basiq-jobs:set-theme", theme}`.
    SetTheme(Theme),
    /// `{type:"basiq-jobs:set-locale", locale}`: a language tag such as `fr` or `en-AU`.
    SetLocale(Locale),
}

/// Reads a host message; anything else (other types, wrong shapes) is `None` and ignored.
pub fn read_host_message(data: &Value) -> Option<HostMessage> {
    let text = |key: &str| data.get(key).and_then(Value::as_str).map(str::to_owned);
    match data.get("type")?.as_str()? {
        "basiq-jobs:set-token" => {
            let token = text("token").filter(|t| !t.trim().is_empty())?;
            Some(HostMessage::SetToken {
                token,
                expires_in: data.get("expiresIn").and_then(Value::as_u64),
            })
        }
        "basiq-jobs:set-filters" => {
            let pairs = FILTER_KEYS
                .iter()
                .filter_map(|k| text(k).map(|v| ((*k).to_owned(), v)))
                .collect();
            Some(HostMessage::SetFilters(pairs))
        }
        "basiq-jobs:set-theme" => text("theme")
            .and_then(|t| Theme::from_name(&t))
            .map(HostMessage::SetTheme),
        "basiq-jobs:set-locale" => text("locale")
            .and_then(|t| locale_from_tag(&t))
            .map(HostMessage::SetLocale),
        _ => None,
    }
}

/// `basiq-jobs:ready`.
pub fn ready() -> Value {
    json!({"type": "basiq-jobs:ready"})
}

/// `basiq-jobs:job-selected {jobId, status}`.
pub fn job_selected(job_id: &str, status: CardStatus) -> Value {
    json!({"type": "basiq-jobs:job-selected", "jobId": job_id, "status": status.as_str()})
}

/// `basiq-jobs:job-settled {jobId, status}`.
pub fn job_settled(job_id: &str, status: CardStatus) -> Value {
    json!({"type": "basiq-jobs:job-settled", "jobId": job_id, "status": status.as_str()})
}

/// `basiq-jobs:resize {height}`.
pub fn resize(height: u32) -> Value {
    json!({"type": "basiq-jobs:resize", "height": height})
}

/// Whether a message's origin is one the configuration allows (exact match, no wildcards).
pub fn origin_allowed(origin: &str, allowed: &[String]) -> bool {
    allowed.iter().any(|a| a.trim_end_matches('/') == origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_incoming_message() {
        let token = json!({"type": "basiq-jobs:set-token", "token": "t", "expiresIn": 60});
        assert_eq!(
            read_host_message(&token),
            Some(HostMessage::SetToken {
                token: "t".into(),
                expires_in: Some(60)
            })
        );
        let filters =
            json!({"type": "basiq-jobs:set-filters", "status": "failed", "q": "6f0c", "other": 1});
        let pairs = vec![
            ("status".to_owned(), "failed".to_owned()),
            ("q".to_owned(), "6f0c".to_owned()),
        ];
        assert_eq!(
            read_host_message(&filters),
            Some(HostMessage::SetFilters(pairs))
        );
        let theme = json!({"type": "basiq-jobs:set-theme", "theme": "dark"});
        assert_eq!(
            read_host_message(&theme),
            Some(HostMessage::SetTheme(Theme::Dark))
        );
        let locale = json!({"type": "basiq-jobs:set-locale", "locale": "fr-CA"});
        assert_eq!(
            read_host_message(&locale),
            Some(HostMessage::SetLocale(Locale::fr))
        );
    }

    #[test]
    fn ignores_everything_else() {
        for data in [
            json!("basiq-jobs:set-theme"),
            json!({"type": "other"}),
            json!({"type": "basiq-jobs:set-token", "token": ""}),
            json!({"type": "basiq-jobs:set-theme", "theme": "purple"}),
            json!({"type": "basiq-jobs:set-locale", "locale": "tlh"}),
            json!({"type": "basiq-jobs:set-locale", "locale": 7}),
            json!({"type": 5}),
        ] {
            assert_eq!(read_host_message(&data), None, "{data}");
        }
    }

    #[test]
    fn origins_must_match_exactly() {
        let allowed = vec!["https://portal.example.com/".to_owned()];
        assert!(origin_allowed("https://portal.example.com", &allowed));
        assert!(!origin_allowed(
            "https://portal.example.com.evil.io",
            &allowed
        ));
        assert!(!origin_allowed("http://portal.example.com", &allowed));
        assert!(!origin_allowed("null", &allowed));
    }
}
