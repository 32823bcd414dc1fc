//! Each shared error fixture, served with its status, is classified as fixtures/README.md says.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/fixtures.rs"]
mod fixtures;

use basiq_job_history::domain::ApiError;
use basiq_job_history::i18n::Locale;
use basiq_job_history::poll::retry_delay;
use std::time::Duration;

fn classify(status: u16, file: &str) -> ApiError {
    ApiError::from_response(status, &fixtures::text(file), None)
}

#[test]
fn every_error_fixture_has_an_expectation() {
    let covered = [
        "error-400-filter.json",
        "error-401.json",
        "error-403-expired.json",
        "error-404-job.json",
        "error-429.json",
        "error-503.json",
    ];
    assert_eq!(fixtures::names("error-"), covered);
}

#[test]
fn unauthorized_with_empty_detail_shows_the_title_and_keeps_the_correlation_id() {
    let error = classify(401, "error-401.json");
    assert!(
        matches!(error, ApiError::TokenExpired(Some(_))),
        "{error:?}"
    );
    let basiq = error.basiq().unwrap();
    assert_eq!(basiq.detail, "");
    assert_eq!(error.detail(Locale::en), basiq.title);
    assert!(
        basiq
            .correlation_id
            .as_deref()
            .unwrap()
            .starts_with("cf6461fd")
    );
}

#[test]
fn expired_token_is_not_forbidden() {
    let error = classify(403, "error-403-expired.json");
    assert!(
        matches!(error, ApiError::TokenExpired(Some(_))),
        "{error:?}"
    );
    assert_eq!(error.detail(Locale::en), "Token has expired");
    assert_eq!(retry_delay(&error, 0, 0.5), None, "renewal, not backoff");
}

#[test]
fn unknown_job_is_not_found_whether_404_or_400() {
    assert!(matches!(
        classify(404, "error-404-job.json"),
        ApiError::NotFound(Some(_))
    ));
    assert!(matches!(
        classify(400, "error-404-job.json"),
        ApiError::NotFound(Some(_))
    ));
}

#[test]
fn bad_filter_names_the_parameter_and_is_not_retried() {
    let error = classify(400, "error-400-filter.json");
    assert!(matches!(error, ApiError::BadRequest(Some(_))), "{error:?}");
    assert_eq!(error.basiq().unwrap().parameter.as_deref(), Some("filter"));
    assert!(!error.is_retryable());
}

#[test]
fn rate_limit_and_outage_are_retried_later() {
    let limited = ApiError::from_response(
        429,
        &fixtures::text("error-429.json"),
        Some(Duration::from_secs(3)),
    );
    assert_eq!(retry_delay(&limited, 0, 0.5), Some(Duration::from_secs(3)));
    let limited = classify(429, "error-429.json");
    assert_eq!(retry_delay(&limited, 0, 0.5), Some(Duration::from_secs(1)));
    let outage = classify(503, "error-503.json");
    assert!(matches!(outage, ApiError::Unavailable { .. }));
    assert_eq!(retry_delay(&outage, 0, 0.5), Some(Duration::from_secs(300)));
}

#[test]
fn a_proxy_html_page_still_gets_a_status_specific_error() {
    let error = ApiError::from_response(502, "<html><body>Bad gateway</body></html>", None);
    assert_eq!(
        error,
        ApiError::Server {
            status: 502,
            error: None
        }
    );
    assert_eq!(error.to_string(), "Server error (HTTP 502)");
    assert_eq!(error.headline(Locale::fr), "Erreur du serveur (HTTP 502)");
}

#[test]
fn the_gateway_s_refusal_is_named_as_such_not_as_a_token_scope() {
    let body = r#"{"type":"list","correlationId":"gateway-3","data":[{"type":"error","code":"gateway-refused","title":"Refused by the gateway","detail":"You may not see this user's jobs.","source":null}]}"#;
    let refused = ApiError::from_response(403, body, None);
    assert!(
        matches!(refused, ApiError::Forbidden(Some(_))),
        "{refused:?}"
    );
    assert_eq!(
        refused.words(Locale::en),
        (
            "Refused by the gateway".into(),
            "You may not see this user's jobs.".into()
        )
    );
    // In French the headline is the app's, the detail stays as the gateway sent it.
    assert_eq!(
        refused.words(Locale::fr),
        (
            "Refusé par la passerelle".into(),
            "You may not see this user's jobs.".into()
        )
    );
    assert!(!refused.is_retryable());
    let scope = r#"{"type":"list","data":[{"type":"error","code":"forbidden-access","title":"Forbidden Access","detail":"Access to this resource is forbidden."}]}"#;
    let scope = ApiError::from_response(403, scope, None);
    assert_eq!(
        scope.headline(Locale::en),
        "Access forbidden: the token's scope is too low"
    );
}
