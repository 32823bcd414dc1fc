//! The HTTP client against the mock Basiq server over real HTTP (cross-origin, so CORS and the
//! preflight are exercised too): every fault becomes the specific typed error. The built-in demo
//! answers as the API does.

use basiq_demo::{DEMO_USER_ID, SECOND_USER_ID};
use basiq_job_history::api::backend::Backend;
use basiq_job_history::api::client::{AuthMode, HttpClient};
use basiq_job_history::domain::ApiError;
use basiq_job_history::i18n::Locale;
use gloo_net::http::Request;
use serde_json::{Value, json};
use std::time::Duration;
use wasm_bindgen_test::wasm_bindgen_test;

/// Where `scripts/test.sh` starts the mock for these tests.
pub(super) const MOCK: &str = match option_env!("MOCK_BASIQ_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:4012",
};

pub(super) async fn control(path: &str, body: Value) {
    let response = Request::post(&format!("{MOCK}/__mock{path}"))
        .body(body.to_string())
        .unwrap()
        .send()
        .await
        .expect("the mock server is running (scripts/test.sh starts it)");
    assert_eq!(response.status(), 200, "control {path}");
}

pub(super) async fn requests() -> Vec<Value> {
    let response = Request::get(&format!("{MOCK}/__mock/requests"))
        .send()
        .await
        .unwrap();
    response.json().await.unwrap()
}

pub(super) fn client() -> HttpClient {
    HttpClient::new(MOCK, AuthMode::None, Duration::from_secs(2))
}

/// What an error must look like.
type Expectation = fn(&ApiError) -> bool;

/// Makes the next request to `/jobs/{job}` fail with `fault`, then fetches it.
async fn job_with_fault(job: &str, fault: &str) -> Result<(), ApiError> {
    control(
        "/faults",
        json!({"match": format!("/jobs/{job}"), "fault": fault, "times": 1}),
    )
    .await;
    client().get_job(job).await.map(|_| ())
}

#[wasm_bindgen_test]
async fn lists_the_demo_jobs_and_filters_by_connection() {
    let page = client().list_jobs(DEMO_USER_ID, None).await.unwrap();
    assert!(page.jobs.len() >= 10, "{}", page.jobs.len());
    let connection = page.jobs[0].connection_id().unwrap().to_owned();
    let one = client()
        .list_jobs(DEMO_USER_ID, Some(&connection))
        .await
        .unwrap();
    assert!(!one.jobs.is_empty() && one.jobs.len() < page.jobs.len());
    assert!(
        one.jobs
            .iter()
            .all(|j| j.connection_id() == Some(connection.as_str()))
    );
    let job = client().get_job(&page.jobs[0].id).await.unwrap();
    assert_eq!(job.id, page.jobs[0].id);
    // A list keeps no text per job; one job's answer keeps its body for the raw JSON view.
    assert!(page.jobs.iter().all(|j| j.raw.is_none()));
    assert_eq!(job.raw_value()["id"], json!(job.id));
    let second = client().list_jobs(SECOND_USER_ID, None).await.unwrap();
    assert_eq!(second.jobs.len(), 3);
    let unknown = client().list_jobs("no-such-user", None).await;
    assert!(
        matches!(unknown, Err(ApiError::NotFound(Some(_)))),
        "{unknown:?}"
    );
}

#[wasm_bindgen_test]
async fn the_built_in_demo_gives_one_job_with_its_json_as_the_api_does() {
    let demo = Backend::demo();
    let page = demo.list_jobs(DEMO_USER_ID, None).await.unwrap();
    assert!(!page.jobs.is_empty() && page.jobs.iter().all(|j| j.raw.is_none()));
    let id = &page.jobs[page.jobs.len() - 1].id;
    let job = demo.get_job(id).await.unwrap();
    assert_eq!(job.raw_value()["id"], json!(id));
    assert!(matches!(
        demo.get_job("no-such-job").await,
        Err(ApiError::NotFound(None))
    ));
}

#[wasm_bindgen_test]
async fn each_http_fault_is_a_specific_error() {
    let cases: [(&str, Expectation); 9] = [
        ("401", |e| matches!(e, ApiError::TokenExpired(Some(_)))),
        (
            "403-expired",
            |e| matches!(e, ApiError::TokenExpired(Some(b)) if b.detail == "Token has expired"),
        ),
        ("403-forbidden", |e| {
            matches!(e, ApiError::Forbidden(Some(_)))
        }),
        ("404", |e| matches!(e, ApiError::NotFound(Some(_)))),
        ("429", |e| {
            matches!(
                e,
                ApiError::RateLimited {
                    retry_after: None,
                    ..
                }
            )
        }),
        (
            "429-retry-after:7",
            |e| matches!(e, ApiError::RateLimited { retry_after: Some(d), .. } if d.as_secs() == 7),
        ),
        ("500", |e| {
            matches!(
                e,
                ApiError::Server {
                    status: 500,
                    error: Some(_)
                }
            )
        }),
        ("502-html", |e| {
            matches!(
                e,
                ApiError::Server {
                    status: 502,
                    error: None
                }
            )
        }),
        ("503", |e| {
            matches!(e, ApiError::Unavailable { error: Some(_), .. })
        }),
    ];
    for (fault, expected) in cases {
        let job = format!("fault-{}", fault.replace(':', "-"));
        let error = job_with_fault(&job, fault).await.expect_err(fault);
        assert!(expected(&error), "{fault} gave {error:?}");
        assert!(!error.headline(Locale::en).is_empty());
    }
}

#[wasm_bindgen_test]
async fn unreadable_bodies_are_malformed_responses() {
    let page = client().list_jobs(DEMO_USER_ID, None).await.unwrap();
    let job = &page.jobs[0].id;
    for fault in ["malformed", "truncated", "empty", "html"] {
        let error = job_with_fault(job, fault).await.expect_err(fault);
        assert!(
            matches!(error, ApiError::Malformed(_)),
            "{fault} gave {error:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_slow_answer_times_out_and_a_closed_port_is_a_network_error() {
    control(
        "/faults",
        json!({"match": "/jobs/slow-one", "fault": "slow:3000", "times": 1}),
    )
    .await;
    let fast = HttpClient::new(MOCK, AuthMode::None, Duration::from_millis(500));
    assert_eq!(
        fast.get_job("slow-one").await.unwrap_err(),
        ApiError::Timeout(Duration::from_millis(500))
    );
    let closed = HttpClient::new("http://127.0.0.1:9", AuthMode::None, Duration::from_secs(2));
    assert!(matches!(
        closed.get_job("x").await,
        Err(ApiError::Network(_))
    ));
}

#[wasm_bindgen_test]
async fn a_five_thousand_job_list_parses() {
    control("/jobs", json!({"bulk": 5000})).await;
    let patient = HttpClient::new(MOCK, AuthMode::None, Duration::from_secs(30));
    let page = patient.list_jobs(DEMO_USER_ID, None).await;
    control("/jobs", json!({"bulk": 0})).await;
    let page = page.unwrap();
    assert!(page.jobs.len() >= 5000, "{}", page.jobs.len());
    assert!(page.problems.is_empty());
}

#[wasm_bindgen_test]
async fn an_expired_token_is_renewed_once_and_the_request_retried() {
    control("/reset", json!({})).await;
    control("/auth", json!({"requireToken": true, "tokenTtl": 3600})).await;
    let token_url = format!("{MOCK}/token");
    let client = HttpClient::new(MOCK, AuthMode::TokenUrl(token_url), Duration::from_secs(2));
    let first = client.list_jobs(DEMO_USER_ID, None).await;
    control(
        "/faults",
        json!({"match": "/jobs/renew-me", "fault": "403-expired", "times": 1}),
    )
    .await;
    let renewed = client.get_job("renew-me").await;
    control("/auth", json!({"requireToken": false})).await;
    assert!(first.is_ok(), "{first:?}");
    assert!(
        matches!(renewed, Err(ApiError::NotFound(_))),
        "renewed and retried: {renewed:?}"
    );
    let log = requests().await;
    let tokens = log
        .iter()
        .filter(|r| r["url"] == "/token" && r["method"] == "POST")
        .count();
    assert!(tokens >= 2, "a second token was fetched: {log:?}");
    let retried = log
        .iter()
        .filter(|r| r["url"] == "/jobs/renew-me" && r["method"] == "GET")
        .count();
    assert_eq!(retried, 2);
    assert!(
        log.iter()
            .all(|r| !r["url"].as_str().unwrap_or_default().contains("mock-token")),
        "no token in a URL"
    );
}

#[wasm_bindgen_test]
async fn a_refresh_starts_a_job_once_and_it_can_be_polled() {
    let page = client().list_jobs(DEMO_USER_ID, None).await.unwrap();
    let connection = page.jobs[0].connection_id().unwrap().to_owned();
    let first = client()
        .refresh_connection(DEMO_USER_ID, &connection)
        .await
        .unwrap();
    let again = client()
        .refresh_connection(DEMO_USER_ID, &connection)
        .await
        .unwrap();
    assert!(!first.already_running, "202: a new job");
    assert!(again.already_running, "200: the running job");
    assert_eq!(
        first.job_id, again.job_id,
        "a running refresh is returned, not duplicated"
    );
    let job = client().get_job(&first.job_id).await.unwrap();
    assert_eq!(job.connection_id(), Some(connection.as_str()));
}
