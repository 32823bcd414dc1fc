//! Refresh answers and the token answer, from the shared fixtures; response bodies read as bytes.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/fixtures.rs"]
mod fixtures;

use basiq_job_history::api::answer::{body_text, parse_token_answer};
use basiq_job_history::domain::{
    TokenFault, parse_job, parse_job_list_text, parse_job_references, parse_job_text,
};
use basiq_job_history::i18n::Locale;
use serde_json::json;

#[test]
fn a_refresh_answer_names_one_job_by_id() {
    let ids = parse_job_references(&fixtures::json("refresh-accepted.json")).unwrap();
    assert_eq!(ids, ["ae8f2b83-2d54-4374-ac1c-61cfe14406f1"]);
}

#[test]
fn a_refresh_all_answer_names_each_job_without_a_size() {
    let ids = parse_job_references(&fixtures::json("refresh-all-accepted.json")).unwrap();
    let short: Vec<&str> = ids.iter().map(|id| &id[..8]).collect();
    assert_eq!(short, ["abf15484", "fded84c1", "cbc9cf33"]);
}

#[test]
fn a_reference_without_an_id_is_named_as_such() {
    let error =
        parse_job_references(&json!({"type": "list", "data": [{"id": "a"}, {"type": "job"}]}));
    assert_eq!(
        error.unwrap_err().to_string(),
        "reference 2: `id` is missing"
    );
}

#[test]
fn the_token_answer_is_read_and_kept_opaque() {
    let answer = parse_token_answer(&fixtures::text("token.json")).unwrap();
    assert!(answer.access_token.starts_with("eyJ"));
    assert_eq!(answer.expires_in, Some(3600));
    let empty = parse_token_answer(r#"{"access_token": " "}"#).unwrap_err();
    assert_eq!(empty, TokenFault::EmptyToken);
    assert_eq!(
        empty.words(Locale::en),
        "the token URL returned an empty access_token"
    );
    assert_eq!(
        empty.words(Locale::fr),
        "l’URL de jeton a renvoyé un access_token vide"
    );
    let wrong = parse_token_answer(r#"{"token": "x"}"#).unwrap_err();
    let TokenFault::Shape(why) = &wrong else {
        panic!("{wrong:?}")
    };
    assert!(why.contains("access_token"), "serde names the field: {why}");
    assert!(
        wrong
            .words(Locale::en)
            .starts_with("the token URL's answer has no access_token and expires_in ("),
        "{wrong:?}"
    );
    assert_eq!(
        TokenFault::Status(502).words(Locale::fr),
        "l’URL de jeton a répondu HTTP 502"
    );
}

#[test]
fn a_body_read_as_bytes_reads_as_fetch_text_would() {
    let list = fixtures::text("jobs-list-connection.json");
    assert_eq!(body_text(list.clone().into_bytes()), list);
    // A byte-order mark is dropped, as `Response.text()` drops it.
    let mut with_bom = "\u{feff}".as_bytes().to_vec();
    with_bom.extend_from_slice(list.as_bytes());
    assert_eq!(body_text(with_bom), list);
    // A malformed byte inside a job's text is replaced; the list still reads, every job kept.
    let at = list.find("\"title\"").expect("the fixture has step titles") + "\"title\": \"".len();
    let mut broken = list.as_bytes().to_vec();
    broken.insert(at, 0xff);
    let text = body_text(broken);
    assert!(text.contains('\u{fffd}'));
    let expected = parse_job_list_text(&list).unwrap().jobs.len();
    assert_eq!(parse_job_list_text(&text).unwrap().jobs.len(), expected);
    assert!(expected > 0);
}

#[test]
fn a_job_answer_keeps_its_own_text_as_raw() {
    for name in fixtures::names("job-") {
        let text = fixtures::text(&name);
        let job = parse_job_text(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(job.raw.as_deref(), Some(text.trim()), "{name}");
        let from_value = parse_job(&fixtures::json(&name)).unwrap();
        assert_eq!(job.raw_value(), from_value.raw_value(), "{name}");
        assert_eq!(
            (job.id, job.steps),
            (from_value.id, from_value.steps),
            "{name}"
        );
    }
    assert!(parse_job_text("").is_err());
}
