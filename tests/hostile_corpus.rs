//! The hostile-response corpus: bodies a server, a proxy or a bug could send, each with the
//! behaviour expected of it written beside it. For every case: no panic, a specific message when
//! the body is refused, and the other jobs of a list still shown. (That API text is rendered as
//! text, never markup, is checked in the browser tests.)
#![cfg(not(target_arch = "wasm32"))]

use basiq_job_history::domain::time::job_duration;
use basiq_job_history::domain::{
    ApiError, CardStatus, Job, ParseError, derive_status, parse_job, parse_job_list,
    parse_job_list_text, parse_json,
};
use basiq_job_history::i18n::Locale;
use chrono::DateTime;
use serde_json::{Value, json};

/// What must happen to a body.
enum Expect {
    /// A job with this card status.
    Job(CardStatus),
    /// Refused, with a message containing this text.
    Refused(&'static str),
    /// A list: this many jobs shown, this many items reported as problems.
    List(usize, usize),
    /// An HTTP error answer (status given in the case) classified as this.
    Http(fn(&ApiError) -> bool),
}

use CardStatus::{Failed, Pending, Success};
use Expect::{Http, Job as J, List, Refused};

fn job(steps: Value) -> Value {
    json!({"type": "job", "id": "j-1", "created": "2025-03-14T21:47:30Z", "updated": "2025-03-14T21:47:52Z", "steps": steps})
}

fn ok_steps() -> Value {
    json!([{"title": "verify-credentials", "status": "success", "result": {"type": "link", "url": "/users/u/connections/c"}}])
}

fn with(mut base: Value, pointer: &str, value: Value) -> Value {
    *base.pointer_mut(pointer).expect(pointer) = value;
    base
}

fn list(items: Vec<Value>) -> Value {
    json!({"type": "list", "data": items})
}

fn failed_with(result: Value) -> Value {
    job(json!([{"title": "verify-credentials", "status": "failed", "result": result}]))
}

fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

/// (name, HTTP status, body, expected behaviour)
fn cases() -> Vec<(&'static str, u16, String, Expect)> {
    let good = job(ok_steps());
    let s = |v: Value| v.to_string();
    vec![
        // Malformed, truncated, empty and non-JSON bodies.
        (
            "truncated object",
            200,
            "{\"type\":\"job\",\"id\":".into(),
            Refused("not valid JSON"),
        ),
        (
            "truncated list",
            200,
            "{\"type\":\"list\",\"data\":[{\"id\":\"a\"".into(),
            Refused("not valid JSON"),
        ),
        ("bare word", 200, "nul".into(), Refused("not valid JSON")),
        (
            "trailing garbage",
            200,
            format!("{good}xyz"),
            Refused("not valid JSON"),
        ),
        ("empty body", 200, String::new(), Refused("empty")),
        ("blank body", 200, "   \n".into(), Refused("empty")),
        (
            "html page with 200",
            200,
            "<!DOCTYPE html><html><body>Login</body></html>".into(),
            Refused("not valid JSON"),
        ),
        ("plain text OK", 200, "OK".into(), Refused("not valid JSON")),
        (
            "deeply nested arrays",
            200,
            nested(100_000),
            Refused("not valid JSON"),
        ),
        (
            "deeply nested under data",
            200,
            format!("{{\"data\":{}}}", nested(5000)),
            Refused("not valid JSON"),
        ),
        // Wrong types for every field.
        (
            "job is an array",
            200,
            "[]".into(),
            Refused("expected an object"),
        ),
        (
            "job is a string",
            200,
            "\"job\"".into(),
            Refused("expected an object"),
        ),
        (
            "id is a number (kept as text)",
            200,
            s(with(good.clone(), "/id", json!(84317))),
            J(Success),
        ),
        (
            "id is a boolean",
            200,
            s(with(good.clone(), "/id", json!(true))),
            Refused("`id` is a boolean"),
        ),
        (
            "id is null",
            200,
            s(with(good.clone(), "/id", Value::Null)),
            Refused("`id` is null"),
        ),
        (
            "id is an object",
            200,
            s(with(good.clone(), "/id", json!({"x": 1}))),
            Refused("`id` is an object"),
        ),
        (
            "id is empty",
            200,
            s(with(good.clone(), "/id", json!(" "))),
            Refused("`id` is empty"),
        ),
        (
            "steps is a string",
            200,
            s(with(good.clone(), "/steps", json!("done"))),
            Refused("`steps` is a string"),
        ),
        (
            "steps is an object",
            200,
            s(with(good.clone(), "/steps", json!({}))),
            Refused("`steps` is an object"),
        ),
        (
            "steps is null",
            200,
            s(with(good.clone(), "/steps", Value::Null)),
            Refused("`steps` is missing"),
        ),
        (
            "a step is a number",
            200,
            s(job(json!([1]))),
            Refused("step 1 is a number"),
        ),
        (
            "step title is a number",
            200,
            s(with(good.clone(), "/steps/0/title", json!(7))),
            J(Success),
        ),
        (
            "step status is a number",
            200,
            s(with(good.clone(), "/steps/0/status", json!(1))),
            J(Pending),
        ),
        (
            "step status is missing",
            200,
            s(job(json!([{"title": "verify-credentials"}]))),
            J(Pending),
        ),
        (
            "result is a string",
            200,
            s(with(good.clone(), "/steps/0/result", json!("ok"))),
            J(Success),
        ),
        (
            "result is a number",
            200,
            s(with(good.clone(), "/steps/0/result", json!(0))),
            J(Success),
        ),
        (
            "created is a number",
            200,
            s(with(good.clone(), "/created", json!(1_700_000_000))),
            J(Success),
        ),
        (
            "updated is a boolean",
            200,
            s(with(good.clone(), "/updated", json!(true))),
            J(Success),
        ),
        (
            "links is a string",
            200,
            s({
                let mut j = good.clone();
                j["links"] = json!("https://au-api.basiq.io/jobs/j-1");
                j
            }),
            J(Success),
        ),
        (
            "links.source is a number",
            200,
            s({
                let mut j = good.clone();
                j["links"] = json!({"source": 5});
                j
            }),
            J(Success),
        ),
        (
            "institution is a number",
            200,
            s({
                let mut j = good.clone();
                j["institution"] = json!(5);
                j
            }),
            J(Success),
        ),
        (
            "jobType is a number",
            200,
            s({
                let mut j = good.clone();
                j["jobType"] = json!(2);
                j
            }),
            J(Success),
        ),
        (
            "job status is a number",
            200,
            s({
                let mut j = good.clone();
                j["status"] = json!(1);
                j
            }),
            J(Success),
        ),
        (
            "error code is a number",
            200,
            s(failed_with(json!({"code": 500, "title": "x"}))),
            J(Failed),
        ),
        (
            "list data is an object",
            200,
            s(json!({"type": "list", "data": {}})),
            Refused("`data` is an object"),
        ),
        (
            "list data is a string",
            200,
            s(json!({"type": "list", "data": "none"})),
            Refused("`data` is a string"),
        ),
        (
            "list size is a string",
            200,
            s(json!({"type": "list", "size": "six", "data": [good.clone()]})),
            List(1, 0),
        ),
        // Missing required fields.
        (
            "job without id",
            200,
            s(json!({"type": "job", "steps": []})),
            Refused("`id` is missing"),
        ),
        (
            "job without steps",
            200,
            s(json!({"type": "job", "id": "a"})),
            Refused("`steps` is missing"),
        ),
        ("empty object", 200, "{}".into(), Refused("`id` is missing")),
        (
            "list without data",
            200,
            s(json!({"type": "list", "size": 0})),
            Refused("`data` is missing"),
        ),
        // One bad job among good ones: the others are still shown.
        (
            "one malformed item among three",
            200,
            s(list(vec![
                good.clone(),
                json!({"id": 5, "steps": 3}),
                with(good.clone(), "/id", json!("j-2")),
            ])),
            List(2, 1),
        ),
        (
            "items that are not objects",
            200,
            s(list(vec![json!(1), json!("x"), Value::Null, good.clone()])),
            List(1, 3),
        ),
        (
            "duplicate job ids",
            200,
            s(list(vec![
                good.clone(),
                with(good.clone(), "/updated", json!("2025-03-15T00:00:00Z")),
            ])),
            List(1, 1),
        ),
        // Unknown statuses, codes and step titles are kept, never mapped to a wrong state.
        (
            "unknown step status",
            200,
            s(with(good.clone(), "/steps/0/status", json!("paused"))),
            J(Pending),
        ),
        (
            "unknown step title",
            200,
            s(with(
                good.clone(),
                "/steps/0/title",
                json!("retrieve-holdings"),
            )),
            J(Success),
        ),
        (
            "unknown error code",
            200,
            s(failed_with(json!({"code": "quantum-flux", "title": "?"}))),
            J(Failed),
        ),
        (
            "unknown job status",
            200,
            s({
                let mut j = good.clone();
                j["status"] = json!("queued");
                j
            }),
            J(Pending),
        ),
        ("empty steps", 200, s(job(json!([]))), J(Pending)),
        // Huge bodies.
        (
            "1 MB detail",
            200,
            s(failed_with(
                json!({"code": "x", "detail": "d".repeat(1 << 20)}),
            )),
            J(Failed),
        ),
        (
            "10,000 steps",
            200,
            s(job(Value::Array(vec![ok_steps()[0].clone(); 10_000]))),
            J(Success),
        ),
        // Odd timestamps.
        (
            "impossible date",
            200,
            s(with(
                good.clone(),
                "/created",
                json!("2025-13-45T99:00:00Z"),
            )),
            J(Success),
        ),
        (
            "words for a date",
            200,
            s(with(good.clone(), "/created", json!("yesterday"))),
            J(Success),
        ),
        (
            "space-separated date",
            200,
            s(with(good.clone(), "/created", json!("2025-03-14 21:47:30"))),
            J(Success),
        ),
        (
            "offset +11:00",
            200,
            s(with(
                good.clone(),
                "/created",
                json!("2025-03-15T08:47:30+11:00"),
            )),
            J(Success),
        ),
        (
            "future dates",
            200,
            s(with(
                with(good.clone(), "/created", json!("2999-01-01T00:00:00Z")),
                "/updated",
                json!("2999-01-01T00:01:00Z"),
            )),
            J(Success),
        ),
        (
            "created after updated",
            200,
            s(with(
                good.clone(),
                "/created",
                json!("2025-03-15T00:00:00Z"),
            )),
            J(Success),
        ),
        // Markup and scripts in every text and link field (kept as text; rendered as text).
        (
            "script in a step title",
            200,
            s(with(
                good.clone(),
                "/steps/0/title",
                json!("<script>alert(1)</script>"),
            )),
            J(Success),
        ),
        (
            "img onerror in a detail",
            200,
            s(failed_with(
                json!({"code": "x", "detail": "<img src=x onerror=alert(1)>"}),
            )),
            J(Failed),
        ),
        (
            "javascript: link result",
            200,
            s(with(
                good.clone(),
                "/steps/0/result/url",
                json!("javascript:alert(1)"),
            )),
            J(Success),
        ),
        (
            "javascript: links.source",
            200,
            s({
                let mut j = good.clone();
                j["links"] = json!({"source": "javascript:alert(1)//users/u/connections/c"});
                j
            }),
            J(Success),
        ),
        (
            "markup in an error code",
            200,
            s(failed_with(
                json!({"code": "<b>x</b>", "title": "<i>t</i>"}),
            )),
            J(Failed),
        ),
        // Right-to-left, zero-width and emoji text.
        (
            "right-to-left override in an id",
            200,
            s(with(good.clone(), "/id", json!("\u{202e}cba-321"))),
            J(Success),
        ),
        (
            "zero-width characters in a title",
            200,
            s(with(
                good.clone(),
                "/steps/0/title",
                json!("verify\u{200b}-credentials"),
            )),
            J(Success),
        ),
        (
            "emoji and Hebrew in a detail",
            200,
            s(failed_with(json!({"code": "x", "detail": "🏦 הבנק סגור"}))),
            J(Failed),
        ),
        // HTTP errors, with Basiq's envelope or a proxy's page.
        (
            "401 with an empty detail",
            401,
            s(
                json!({"data": [{"code": "invalid-authorization-token", "title": "Invalid authorization token.", "detail": ""}]}),
            ),
            Http(
                |e| matches!(e, ApiError::TokenExpired(Some(b)) if e.detail(Locale::en) == b.title),
            ),
        ),
        (
            "403 forbidden scope",
            403,
            s(
                json!({"data": [{"code": "forbidden-access", "title": "Forbidden", "detail": "you likely need SERVER_ACCESS"}]}),
            ),
            Http(|e| matches!(e, ApiError::Forbidden(Some(_)))),
        ),
        (
            "400 resource-not-found",
            400,
            s(
                json!({"data": [{"code": "resource-not-found", "title": "x", "detail": "Requested job does not exist."}]}),
            ),
            Http(|e| matches!(e, ApiError::NotFound(Some(_)))),
        ),
        (
            "429 with an HTML body",
            429,
            "<html>slow down</html>".into(),
            Http(|e| matches!(e, ApiError::RateLimited { error: None, .. })),
        ),
        (
            "502 proxy page",
            502,
            "<html><h1>Bad Gateway</h1></html>".into(),
            Http(|e| {
                *e == ApiError::Server {
                    status: 502,
                    error: None,
                }
            }),
        ),
        (
            "500 plain text",
            500,
            "Internal error".into(),
            Http(|e| {
                matches!(
                    e,
                    ApiError::Server {
                        status: 500,
                        error: None
                    }
                )
            }),
        ),
        (
            "503 with an empty body",
            503,
            String::new(),
            Http(|e| matches!(e, ApiError::Unavailable { error: None, .. })),
        ),
        (
            "418 with an envelope whose data is empty",
            418,
            s(json!({"data": []})),
            Http(|e| {
                *e == ApiError::Http {
                    status: 418,
                    error: None,
                }
            }),
        ),
        (
            "envelope with null source",
            400,
            s(
                json!({"data": [{"code": "parameter-not-valid", "title": "t", "detail": "d", "source": null}]}),
            ),
            Http(|e| matches!(e, ApiError::BadRequest(Some(b)) if b.parameter.is_none())),
        ),
    ]
}

fn check_job(job: &Job) -> CardStatus {
    let status = derive_status(job);
    let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    if let Some(span) = job_duration(job, status, now) {
        assert!(
            span.num_seconds() >= 0,
            "a negative duration is never shown"
        );
    }
    status
}

/// A refusal reads differently in French: no diagnostic is left in English.
fn assert_worded_in_french(name: &str, error: &ParseError) {
    assert_ne!(
        error.words(Locale::fr),
        error.words(Locale::en),
        "{name}: worded in French"
    );
}

#[test]
fn the_corpus_has_at_least_sixty_cases() {
    assert!(cases().len() >= 60, "{}", cases().len());
}

#[test]
fn every_hostile_body_behaves_as_written() {
    for (name, status, body, expect) in cases() {
        match expect {
            Http(classified) => {
                let error = ApiError::from_response(status, &body, None);
                assert!(classified(&error), "{name}: {error:?}");
                assert!(
                    !error.headline(Locale::en).is_empty(),
                    "{name}: a specific headline"
                );
            }
            expect => {
                let parsed = parse_json(&body);
                match (expect, parsed) {
                    (Refused(text), Err(error)) => {
                        assert!(error.to_string().contains(text), "{name}: {error}");
                        assert_worded_in_french(name, &error);
                    }
                    (Refused(text), Ok(value)) => {
                        let error = if value.get("data").is_some()
                            || value.get("type") == Some(&json!("list"))
                        {
                            parse_job_list(&value).map(|_| ()).unwrap_err()
                        } else {
                            parse_job(&value).map(|_| ()).unwrap_err()
                        };
                        assert!(error.to_string().contains(text), "{name}: {error}");
                        assert_worded_in_french(name, &error);
                    }
                    (J(want), Ok(value)) => {
                        let job = parse_job(&value).unwrap_or_else(|e| panic!("{name}: {e}"));
                        assert_eq!(check_job(&job), want, "{name}");
                    }
                    (List(jobs, problems), Ok(value)) => {
                        let page = parse_job_list(&value).unwrap_or_else(|e| panic!("{name}: {e}"));
                        page.jobs.iter().for_each(|j| {
                            check_job(j);
                        });
                        assert_eq!(
                            (page.jobs.len(), page.problems.len()),
                            (jobs, problems),
                            "{name}: {:?}",
                            page.problems
                        );
                        assert!(page.problems.iter().all(|p| !p.to_string().is_empty()));
                    }
                    (_, Err(error)) => panic!("{name}: refused unexpectedly: {error}"),
                    (Http(_), _) => unreachable!(),
                }
            }
        }
    }
}

/// The client reads lists straight from the text (`parse_job_list_text`); for every body it must
/// agree with the `Value` path: the same jobs, statuses and problems, or an error for both.
#[test]
fn every_body_reads_the_same_from_text_as_from_a_value() {
    type Summary = (Vec<(String, CardStatus)>, Vec<(usize, Option<String>)>);
    let summary = |page: &basiq_job_history::domain::JobPage| -> Summary {
        let jobs = page.jobs.iter().map(|j| (j.id.clone(), derive_status(j)));
        let problems = page.problems.iter().map(|p| (p.index, p.id.clone()));
        (jobs.collect(), problems.collect())
    };
    for (name, _, body, _) in cases() {
        let by_value = parse_json(&body).and_then(|value| parse_job_list(&value));
        let by_text = parse_job_list_text(&body);
        match (by_value, by_text) {
            (Ok(a), Ok(b)) => assert_eq!(summary(&a), summary(&b), "{name}"),
            (Err(_), Err(_)) => {}
            // Deep nesting inside one item: the text path loses only that item (better).
            (Err(a), Ok(b)) if a.to_string().contains("recursion limit") => {
                assert!(
                    b.problems
                        .iter()
                        .all(|p| p.to_string().contains("recursion limit")),
                    "{name}"
                );
                assert!(!b.problems.is_empty(), "{name}");
            }
            (a, b) => panic!(
                "{name}: by value {:?}, by text {:?}",
                a.map(|p| summary(&p)),
                b.map(|p| summary(&p))
            ),
        }
    }
}

#[test]
fn text_fields_keep_markup_verbatim_for_text_rendering() {
    let raw = with(
        job(ok_steps()),
        "/steps/0/title",
        json!("<script>alert(1)</script>"),
    );
    assert_eq!(
        parse_job(&raw).unwrap().steps[0].title,
        "<script>alert(1)</script>"
    );
}
