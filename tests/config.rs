//! `config.json`: the documented schema, errors that name the field, unknown keys ignored.
#![cfg(not(target_arch = "wasm32"))]

use basiq_job_history::api::client::AuthMode;
use basiq_job_history::config::{Theme, parse_config, split_job_ids};
use basiq_job_history::i18n::Locale;

#[test]
fn the_example_config_parses() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/config.example.json"
    ))
    .unwrap();
    let config = parse_config(&text).unwrap();
    assert_eq!(config.api_base_url, "/basiq");
    assert_eq!(config.auth, AuthMode::TokenUrl("/basiq/token".into()));
    assert!(config.read_only);
    assert_eq!(config.poll_interval_ms, 2000);
    assert_eq!(config.allowed_origins, ["https://portal.example.com"]);
}

#[test]
fn defaults_fill_what_is_left_out_and_unknown_keys_are_ignored() {
    let config =
        parse_config(r#"{"apiBaseUrl": "https://au-api.basiq.io", "someday": [1, 2]}"#).unwrap();
    assert_eq!(config.auth, AuthMode::None);
    assert_eq!(config.theme, Theme::Auto);
    assert_eq!(config.locale, None);
    assert!(config.job_ids.is_empty() && config.user_id.is_none());
}

#[test]
fn errors_name_the_field_and_what_was_expected() {
    let cases = [
        ("{", "", "not valid JSON"),
        ("[]", "", "must be a JSON object"),
        ("{}", "apiBaseUrl", "expected the API's base URL"),
        (r#"{"apiBaseUrl": 5}"#, "apiBaseUrl", "expected a string"),
        (
            r#"{"apiBaseUrl": "/b", "auth": {"mode": "magic"}}"#,
            "auth.mode",
            "expected \"none\"",
        ),
        (
            r#"{"apiBaseUrl": "/b", "auth": {"mode": "tokenUrl"}}"#,
            "auth.tokenUrl",
            "expected a URL",
        ),
        (
            r#"{"apiBaseUrl": "/b", "auth": "none"}"#,
            "auth",
            "expected an object",
        ),
        (
            r#"{"apiBaseUrl": "/b", "pollIntervalMs": "2s"}"#,
            "pollIntervalMs",
            "whole number",
        ),
        (
            r#"{"apiBaseUrl": "/b", "pollIntervalMs": 10}"#,
            "pollIntervalMs",
            "at least 250",
        ),
        (
            r#"{"apiBaseUrl": "/b", "readOnly": "yes"}"#,
            "readOnly",
            "true or false",
        ),
        (
            r#"{"apiBaseUrl": "/b", "theme": "blue"}"#,
            "theme",
            "\"auto\"",
        ),
        (
            r#"{"apiBaseUrl": "/b", "locale": "klingon"}"#,
            "locale",
            "\"fr\"",
        ),
        (
            r#"{"apiBaseUrl": "/b", "jobIds": "a,b"}"#,
            "jobIds",
            "list of strings",
        ),
        (
            r#"{"apiBaseUrl": "/b", "embed": {"allowedOrigins": [1]}}"#,
            "embed.allowedOrigins",
            "list of strings",
        ),
    ];
    for (text, field, expected) in cases {
        let error = parse_config(text).unwrap_err();
        assert_eq!(error.field, field, "{text}");
        assert!(
            error.words(Locale::en).contains(expected),
            "{text}: {}",
            error.words(Locale::en)
        );
    }
}

#[test]
fn the_configured_locale_is_read_by_its_language() {
    let config = parse_config(r#"{"apiBaseUrl": "/b", "locale": "fr-CA"}"#).unwrap();
    assert_eq!(config.locale, Some(Locale::fr));
}

#[test]
fn a_configuration_error_is_worded_in_each_language_with_its_field() {
    let error = parse_config(r#"{"apiBaseUrl": "/b", "pollIntervalMs": 10}"#).unwrap_err();
    assert_eq!(error.field, "pollIntervalMs");
    assert_eq!(
        error.words(Locale::en),
        "`pollIntervalMs`: expected a whole number of milliseconds, at least 250"
    );
    assert_eq!(
        error.words(Locale::fr),
        "`pollIntervalMs` : un nombre entier de millisecondes est attendu, au moins 250"
    );
    let file = parse_config("[1]").unwrap_err();
    assert_eq!(
        file.words(Locale::fr),
        "config.json doit être un objet JSON"
    );
}

#[test]
fn consent_ui_job_ids_are_split_trimmed_and_emptied() {
    assert_eq!(split_job_ids(" a, b ,,c,"), ["a", "b", "c"]);
    assert!(split_job_ids(" , ").is_empty());
}

#[test]
fn purge_is_allowed_only_when_asked_and_not_read_only() {
    let config = |extra: &str| parse_config(&format!(r#"{{"apiBaseUrl": "/b"{extra}}}"#)).unwrap();
    assert!(!config("").allow_purge);
    assert!(
        !config(r#", "allowPurge": true"#).allow_purge,
        "read-only by default"
    );
    assert!(config(r#", "readOnly": false, "allowPurge": true"#).allow_purge);
    assert!(!config(r#", "readOnly": false"#).allow_purge);
    let error = parse_config(r#"{"apiBaseUrl": "/b", "allowPurge": "yes"}"#).unwrap_err();
    assert_eq!(error.field, "allowPurge");
}
