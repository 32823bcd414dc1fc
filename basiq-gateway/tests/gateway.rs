//! The gateway against the mock Basiq server over real HTTP on 127.0.0.1 (tests/support).

mod support;

use basiq_demo::{DEMO_USER_ID, SECOND_USER_ID};
use serde_json::json;
use std::time::{Duration, Instant};
use support::{ALICE, BOB, Harness, SUPPORT, temp_file};

fn jobs_of(user: &str) -> String {
    format!("/basiq/users/{user}/jobs")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forwards_the_calls_the_app_makes_with_the_token_added() {
    let h = Harness::start(3600, &[]).await;
    let list = h
        .get(
            &format!(
                "{}?filter=connection.id.eq%28%27c1%27%29",
                jobs_of(DEMO_USER_ID)
            ),
            Some(ALICE),
        )
        .await;
    assert_eq!(list.status, 200, "{}", list.body);
    assert_eq!(list.json()["type"], "list");
    let job = h.a_job_of(DEMO_USER_ID).await;
    let answer = h.get(&format!("/basiq/jobs/{job}"), Some(ALICE)).await;
    assert_eq!(
        (answer.status, answer.json()["id"].as_str()),
        (200, Some(job.as_str()))
    );
    assert_eq!(answer.header("cache-control").as_deref(), Some("no-store"));
    let bank = h.get("/basiq/institutions/AU00000", Some(ALICE)).await;
    assert_eq!(bank.status, 200, "{}", bank.body);
    // A new refresh is 202; asked again while it runs, Basiq's 200 passes through as it is.
    let refresh = format!("/basiq/users/{DEMO_USER_ID}/connections/c-gw/refresh");
    let first = h.post(&refresh, Some(ALICE)).await;
    assert_eq!(
        (first.status, first.json()["type"].as_str()),
        (202, Some("job"))
    );
    let again = h.post(&refresh, Some(ALICE)).await;
    assert_eq!(
        (again.status, again.json()["id"].clone()),
        (200, first.json()["id"].clone())
    );
    let all = h
        .post(
            &format!("/basiq/users/{DEMO_USER_ID}/connections/refresh"),
            Some(ALICE),
        )
        .await;
    assert_eq!(
        (all.status, all.json()["type"].as_str()),
        (202, Some("list"))
    );
    let asked = h.asked().await;
    let filtered = format!("GET /users/{DEMO_USER_ID}/jobs?filter=connection.id.eq%28%27c1%27%29");
    assert!(asked.contains(&filtered), "{asked:?}");
    assert!(asked.contains(&format!("GET /jobs/{job}")), "{asked:?}");
    assert_eq!(h.mints().await, 1);
    h.assert_no_secret_in_logs();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_outside_the_allow_list_is_reachable() {
    let h = Harness::start(3600, &["--allow-purge"]).await;
    h.forget_asked().await;
    let user = DEMO_USER_ID;
    for path in [
        "/basiq".to_string(),
        "/basiq/".into(),
        "/basiq/token".into(),
        format!("/basiq/users/{user}"),
        format!("/basiq/users/{user}/accounts"),
        format!("/basiq/users/{user}/connections"),
        format!("/basiq/users/{user}/../{SECOND_USER_ID}/jobs"),
        format!("/basiq/users/{user}/jobs/../../{SECOND_USER_ID}/jobs"),
        "/basiq/jobs/..".into(),
        "/basiq/jobs/%2e%2e%2ftoken".into(),
        "/basiq/jobs/%2E%2E/token".into(),
        format!("/basiq/users/{user}%2F..%2F{SECOND_USER_ID}/jobs"),
        "/basiq/jobs/a%00b".into(),
        "/basiq//jobs/x".into(),
    ] {
        let (status, body) = h.raw_get(&path, SUPPORT);
        assert_eq!(status, 404, "GET {path}: {body}");
        assert!(body.contains("resource-not-found"), "GET {path}: {body}");
    }
    for (method, path) in [
        ("POST", "/basiq/token".to_string()),
        ("DELETE", format!("/basiq/users/{user}/connections/c1")),
        ("PUT", "/basiq/jobs/x".into()),
        ("POST", "/basiq/jobs/x".into()),
        ("GET", format!("/basiq/users/{user}/connections/c1/refresh")),
    ] {
        let answer = h
            .send(method.parse().unwrap(), &path, Some(SUPPORT), "")
            .await;
        assert_eq!(answer.status, 404, "{method} {path}");
        assert_eq!(answer.code(), "resource-not-found");
    }
    assert_eq!(h.asked().await, Vec::<String>::new(), "the mock was asked");
    // Traversal outside /basiq reaches the files, which refuse it too (no dist: nothing served).
    let (status, body) = h.raw_get("/../Cargo.toml", SUPPORT);
    assert!(status == 404 || status == 400, "{status} {body}");
    assert!(!body.contains("[package]"));
    h.assert_no_secret_in_logs();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_identity_sees_only_its_users() {
    let h = Harness::start(3600, &[]).await;
    let missing = h.get(&jobs_of(DEMO_USER_ID), None).await;
    assert_eq!(
        (missing.status, missing.code().as_str()),
        (403, "gateway-refused")
    );
    assert!(
        missing.body.contains("x-forwarded-user"),
        "{}",
        missing.body
    );
    let blank = h.get(&jobs_of(DEMO_USER_ID), Some("  ")).await;
    assert_eq!(blank.status, 403);
    let stranger = h.get(&jobs_of(DEMO_USER_ID), Some("mallory")).await;
    assert_eq!(stranger.status, 403);
    let other = h.get(&jobs_of(SECOND_USER_ID), Some(ALICE)).await;
    assert_eq!(
        (other.status, other.code().as_str()),
        (403, "gateway-refused")
    );
    let refresh = format!("/basiq/users/{SECOND_USER_ID}/connections/c1/refresh");
    assert_eq!(h.post(&refresh, Some(ALICE)).await.status, 403);
    h.forget_asked().await;
    assert_eq!(h.asked().await.len(), 0);
    // The refusals above never reached Basiq.
    assert_eq!(h.get(&jobs_of(SECOND_USER_ID), Some(BOB)).await.status, 200);
    assert_eq!(
        h.get(&jobs_of(SECOND_USER_ID), Some(SUPPORT)).await.status,
        200
    );
    // A job is read by id, so its owner is checked in Basiq's answer.
    let bobs_job = h.a_job_of(SECOND_USER_ID).await;
    let peek = h.get(&format!("/basiq/jobs/{bobs_job}"), Some(ALICE)).await;
    assert_eq!(
        (peek.status, peek.code().as_str()),
        (403, "gateway-refused")
    );
    assert!(
        !peek.body.contains(&bobs_job),
        "the job leaked: {}",
        peek.body
    );
    assert_eq!(
        h.get(&format!("/basiq/jobs/{bobs_job}"), Some(BOB))
            .await
            .status,
        200
    );
    assert_eq!(
        h.get(&format!("/basiq/jobs/{bobs_job}"), Some(SUPPORT))
            .await
            .status,
        200
    );
    // Basiq's own refusal of an unknown job passes through as it is.
    let unknown = h.get("/basiq/jobs/no-such-job", Some(SUPPORT)).await;
    assert_eq!(
        (unknown.status, unknown.code().as_str()),
        (404, "resource-not-found")
    );
    h.assert_no_secret_in_logs();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_only_and_purge_are_refused_unless_allowed() {
    let refresh = format!("/basiq/users/{DEMO_USER_ID}/connections/c1/refresh");
    let purge = format!("/basiq/users/{DEMO_USER_ID}/connections/c1/purge");
    let read_only = Harness::start(3600, &["--read-only"]).await;
    let answer = read_only.post(&refresh, Some(ALICE)).await;
    assert_eq!(
        (answer.status, answer.code().as_str()),
        (403, "gateway-refused")
    );
    assert!(answer.body.contains("read-only"), "{}", answer.body);
    let config = read_only.get("/config.json", None).await.json();
    assert_eq!(
        (config["readOnly"].clone(), config["allowPurge"].clone()),
        (json!(true), json!(false))
    );
    let default = Harness::start(3600, &[]).await;
    let answer = default.post(&purge, Some(ALICE)).await;
    assert_eq!(answer.status, 403);
    assert!(answer.body.contains("--allow-purge"), "{}", answer.body);
    assert_eq!(default.post(&refresh, Some(ALICE)).await.status, 202);
    let purging = Harness::start(3600, &["--allow-purge"]).await;
    assert_eq!(purging.post(&purge, Some(ALICE)).await.status, 204);
    assert_eq!(
        purging.get("/config.json", None).await.json()["allowPurge"],
        true
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bodies_are_bounded() {
    let h = Harness::start(3600, &[]).await;
    h.forget_asked().await;
    let path = format!("/basiq/users/{DEMO_USER_ID}/connections/c1/refresh");
    // 10 MB declared: refused before it is read.
    let (status, body) = h.raw(&format!(
        "POST {path} HTTP/1.1\r\nHost: gateway\r\nx-forwarded-user: {ALICE}\r\nContent-Length: 10485760\r\nConnection: close\r\n\r\n{}",
        "x".repeat(1000)
    ));
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("request-too-large"), "{body}");
    // Chunked, undeclared: refused once it passes the limit (64 KiB).
    let chunk = "y".repeat(70 * 1024);
    let (status, body) = h.raw(&format!(
        "POST {path} HTTP/1.1\r\nHost: gateway\r\nx-forwarded-user: {ALICE}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{:x}\r\n{chunk}\r\n",
        chunk.len()
    ));
    assert_eq!(status, 413, "{body}");
    assert_eq!(h.asked().await.len(), 0, "the mock was asked");
    // An answer above --max-upstream-body is not passed on.
    let small = Harness::start(3600, &["--max-upstream-body", "1000"]).await;
    small.mock("jobs", json!({"bulk": 50})).await;
    let answer = small.get(&jobs_of(DEMO_USER_ID), Some(ALICE)).await;
    assert_eq!(
        (answer.status, answer.code().as_str()),
        (502, "response-too-large")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_pass_through_and_a_hanging_basiq_times_out() {
    let h = Harness::start(3600, &[]).await;
    let job = h.a_job_of(DEMO_USER_ID).await;
    let path = format!("/basiq/jobs/{job}");
    h.mock(
        "faults",
        json!({"match": "/jobs/", "fault": "429-retry-after:7", "times": 1}),
    )
    .await;
    let limited = h.get(&path, Some(ALICE)).await;
    assert_eq!(
        (limited.status, limited.code().as_str()),
        (429, "too-many-requests")
    );
    assert_eq!(limited.header("retry-after").as_deref(), Some("7"));
    h.mock(
        "faults",
        json!({"match": "/jobs/", "fault": "503-retry-after:300", "times": 1}),
    )
    .await;
    let down = h.get(&path, Some(ALICE)).await;
    assert_eq!(
        (down.status, down.code().as_str()),
        (503, "service-unavailable")
    );
    assert_eq!(down.header("retry-after").as_deref(), Some("300"));
    h.mock(
        "faults",
        json!({"match": "/jobs/", "fault": "500", "times": 1}),
    )
    .await;
    let broken = h.get(&path, Some(ALICE)).await;
    assert_eq!(
        (broken.status, broken.code().as_str()),
        (500, "internal-server-error")
    );
    h.mock(
        "faults",
        json!({"match": "/jobs/", "fault": "502-html", "times": 1}),
    )
    .await;
    let html = h.get(&path, Some(ALICE)).await;
    assert_eq!(html.status, 502);
    assert_eq!(html.header("content-type").as_deref(), Some("text/html"));
    assert!(html.body.contains("<h1>502 Bad Gateway</h1>"));
    h.mock(
        "faults",
        json!({"match": "/jobs/", "fault": "hang:5000", "times": 1}),
    )
    .await;
    let started = Instant::now();
    let hung = h.get(&path, Some(ALICE)).await;
    assert_eq!(
        (hung.status, hung.code().as_str()),
        (504, "gateway-timeout")
    );
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(h.get(&path, Some(ALICE)).await.status, 200);
    h.assert_no_secret_in_logs();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_is_renewed_before_expiry_and_once_when_refused() {
    // A 4 s token is renewed after 3 s.
    let h = Harness::start(4, &[]).await;
    let job = h.a_job_of(DEMO_USER_ID).await;
    let path = format!("/basiq/jobs/{job}");
    assert_eq!(h.get(&path, Some(ALICE)).await.status, 200);
    assert_eq!(h.get(&path, Some(ALICE)).await.status, 200);
    assert_eq!(h.mints().await, 1);
    tokio::time::sleep(Duration::from_millis(3200)).await;
    assert_eq!(h.get(&path, Some(ALICE)).await.status, 200);
    assert_eq!(h.mints().await, 2);
    // A 401: one new token, one retry.
    let h = Harness::start(3600, &[]).await;
    assert_eq!(h.get(&path, Some(ALICE)).await.status, 200);
    h.mock(
        "faults",
        json!({"match": "/jobs/", "fault": "401", "times": 1}),
    )
    .await;
    h.forget_asked().await;
    assert_eq!(h.get(&path, Some(ALICE)).await.status, 200);
    assert_eq!(h.mints().await, 2);
    let asked = h.asked().await;
    assert_eq!(
        asked.iter().filter(|a| a.contains("/jobs/")).count(),
        2,
        "{asked:?}"
    );
    // An expired-token 403 likewise.
    h.mock(
        "faults",
        json!({"match": "/jobs/", "fault": "403-expired", "times": 1}),
    )
    .await;
    assert_eq!(h.get(&path, Some(ALICE)).await.status, 200);
    assert_eq!(h.mints().await, 3);
    // Refused twice: renewed once, then Basiq's answer passes through.
    h.mock(
        "faults",
        json!({"match": "/jobs/", "fault": "401", "times": 2}),
    )
    .await;
    let refused = h.get(&path, Some(ALICE)).await;
    assert_eq!(
        (refused.status, refused.code().as_str()),
        (401, "invalid-authorization-token")
    );
    assert_eq!(h.mints().await, 4);
    // A scope refusal is not expiry: no new token.
    h.mock(
        "faults",
        json!({"match": "/jobs/", "fault": "403-forbidden", "times": 1}),
    )
    .await;
    assert_eq!(h.get(&path, Some(ALICE)).await.status, 403);
    assert_eq!(h.mints().await, 4);
    h.assert_no_secret_in_logs();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_concurrent_requests_cause_one_mint() {
    // The mock shares two cores with every other test here: give it time to answer them all.
    let h = std::sync::Arc::new(Harness::start(3600, &["--upstream-timeout", "20"]).await);
    let job = h.a_job_of(DEMO_USER_ID).await;
    h.forget_asked().await;
    let path = format!("/basiq/jobs/{job}");
    let requests = (0..200).map(|_| {
        let (h, path) = (h.clone(), path.clone());
        tokio::spawn(async move { h.get(&path, Some(ALICE)).await.status })
    });
    let statuses: Vec<u16> = futures_statuses(requests.collect()).await;
    let failed: Vec<&u16> = statuses.iter().filter(|s| **s != 200).collect();
    let asked = h.asked().await;
    assert!(
        failed.is_empty(),
        "not 200: {failed:?}; the mock was asked {}",
        asked.len()
    );
    assert_eq!(h.mints().await, 1);
    let asked = h.asked().await;
    assert_eq!(
        asked
            .iter()
            .filter(|a| a.starts_with("POST /token"))
            .count(),
        1
    );
    h.assert_no_secret_in_logs();
}

async fn futures_statuses(handles: Vec<tokio::task::JoinHandle<u16>>) -> Vec<u16> {
    let mut statuses = Vec::with_capacity(handles.len());
    for handle in handles {
        statuses.push(handle.await.expect("the request task"));
    }
    statuses
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_key_is_reported_without_being_shown_and_not_retried_in_a_burst() {
    let h = Harness::start_with_key("wrong-key-55d1", 3600, &[]).await;
    for _ in 0..20 {
        let answer = h.get(&jobs_of(DEMO_USER_ID), Some(ALICE)).await;
        assert_eq!(
            (answer.status, answer.code().as_str()),
            (502, "gateway-token-refused")
        );
        assert!(answer.body.contains("404"), "{}", answer.body);
        assert!(!answer.body.contains("wrong-key"), "{}", answer.body);
    }
    assert_eq!(h.mints().await, 1);
    assert!(!h.logs().contains("wrong-key-55d1"));
    // Basiq limiting token requests: its 429 and Retry-After reach the app.
    let h = Harness::start(3600, &[]).await;
    h.mock(
        "faults",
        json!({"match": "/token", "fault": "429-retry-after:60", "times": 1}),
    )
    .await;
    let limited = h.get(&jobs_of(DEMO_USER_ID), Some(ALICE)).await;
    assert_eq!(
        (limited.status, limited.header("retry-after").as_deref()),
        (429, Some("60"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_the_app_with_its_config_and_hosting_headers() {
    let dist = std::env::temp_dir().join(format!("gateway-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html><title>app</title>").unwrap();
    std::fs::write(dist.join("loader-0123456789abcdef.js"), "console.log(1)").unwrap();
    std::fs::write(dist.join("loader-0123456789abcdef.js.gz"), "gzipped").unwrap();
    std::fs::write(
        dist.join("config.json"),
        r#"{"apiBaseUrl": "https://elsewhere"}"#,
    )
    .unwrap();
    let app_config = temp_file(
        "app.json",
        r#"{"userId": "a2cb616d-2a1c-4c08-b448-cedb22e707f6", "theme": "dark", "apiBaseUrl": "https://evil.example", "auth": {"mode": "prompt"}}"#,
    );
    let h = Harness::start(
        3600,
        &[
            "--dist",
            dist.to_str().unwrap(),
            "--app-config",
            app_config.to_str().unwrap(),
        ],
    )
    .await;
    let index = h.get("/", None).await;
    assert_eq!(index.status, 200);
    assert!(index.body.contains("<title>app</title>"));
    assert_eq!(index.header("cache-control").as_deref(), Some("no-cache"));
    let csp = index.header("content-security-policy").unwrap();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'") && csp.contains("connect-src 'self'")
    );
    assert_eq!(
        index.header("x-content-type-options").as_deref(),
        Some("nosniff")
    );
    let loader = h.get("/loader-0123456789abcdef.js", None).await;
    assert_eq!(
        loader.header("cache-control").as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    let config = h.get("/config.json", None).await;
    assert_eq!(config.header("cache-control").as_deref(), Some("no-cache"));
    let config = config.json();
    assert_eq!(config["apiBaseUrl"], "/basiq");
    assert_eq!(config["auth"], json!({"mode": "none"}));
    assert_eq!(
        (config["userId"].as_str(), config["theme"].as_str()),
        (Some(DEMO_USER_ID), Some("dark"))
    );
    assert_eq!(config["readOnly"], false);
    let missing = h.get("/nothing-here.js", None).await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.header("cache-control").as_deref(), Some("no-cache"));
    let (status, body) = h.raw("GET /loader-0123456789abcdef.js HTTP/1.1\r\nHost: g\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n");
    assert_eq!((status, body.as_str()), (200, "gzipped"));
    let (status, _) = h.raw_get("/..%2f..%2fetc/passwd", ALICE);
    assert!(status == 404 || status == 400, "{status}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_one_json_line_per_answer_and_stops_gracefully() {
    let mut h = Harness::start(3600, &[]).await;
    let health = h.get("/healthz", None).await;
    assert_eq!(
        (health.status, health.json()["status"].as_str()),
        (200, Some("ok"))
    );
    let job = h.a_job_of(DEMO_USER_ID).await;
    assert_eq!(
        h.get(&format!("/basiq/jobs/{job}"), Some(ALICE))
            .await
            .status,
        200
    );
    let line = h.log_line_for(&format!("/basiq/jobs/{job}")).await;
    assert_eq!(
        (line["status"].as_u64(), line["identity"].as_str()),
        (Some(200), Some(ALICE))
    );
    assert_eq!(line["method"], "GET");
    assert!(line["ms"].as_f64().is_some());
    // A request in flight when SIGTERM comes is still answered.
    h.mock(
        "faults",
        json!({"match": "/jobs/", "fault": "slow:800", "times": 1}),
    )
    .await;
    let gateway = h.gateway.clone();
    let slow = tokio::spawn(async move {
        reqwest::Client::new()
            .get(format!("{gateway}/basiq/jobs/{job}"))
            .header("x-forwarded-user", ALICE)
            .send()
            .await
            .map(|r| r.status().as_u16())
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let exit = tokio::task::spawn_blocking(move || {
        let status = h.terminate();
        (status, h)
    });
    assert_eq!(slow.await.unwrap().expect("an answer"), 200);
    let (status, h) = exit.await.unwrap();
    assert!(status.success(), "{status:?}");
    assert!(h.logs().contains("shutting down"), "{}", h.logs());
    h.assert_no_secret_in_logs();
}
