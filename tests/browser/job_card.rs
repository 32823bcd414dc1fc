//! Job cards for each status.

use super::{article, attr, fixture, mount, text_of};
use basiq_job_history::domain::Job;
use basiq_job_history::features::history::JobCard;
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

fn card(job: Job) -> HtmlElement {
    let now = chrono::DateTime::from_timestamp(1_742_000_000, 0).unwrap();
    mount(move || view! { <JobCard job=Signal::stored(job) now=Signal::stored(now) /> }.into_any())
}

#[wasm_bindgen_test]
fn pending_card_shows_clock_and_word() {
    let root = card(fixture(include_str!(
        "../../../shared/basiq/fixtures/job-pending-in-progress.json"
    )));
    let card = article(&root);
    assert_eq!(
        card.get_attribute("data-status").as_deref(),
        Some("pending")
    );
    assert_eq!(
        card.get_attribute("data-job-id").as_deref(),
        Some("d6961371-d136-44f2-8d8d-0cd27ac72051")
    );
    assert_eq!(text_of(&root, ".bjh-badge__word"), "Pending");
    assert_eq!(attr(&root, ".bjh-badge__icon", "data-icon"), "clock");
    assert_eq!(root.query_selector_all(".bjh-step").unwrap().length(), 3);
    assert!(root.query_selector(".bjh-playbook").unwrap().is_none());
}

#[wasm_bindgen_test]
fn success_card_shows_check_word_and_duration() {
    let root = card(fixture(include_str!(
        "../../../shared/basiq/fixtures/job-success.json"
    )));
    assert_eq!(
        article(&root).get_attribute("data-status").as_deref(),
        Some("success")
    );
    assert_eq!(text_of(&root, ".bjh-badge__word"), "Success");
    assert_eq!(attr(&root, ".bjh-badge__icon", "data-icon"), "check");
    assert_eq!(text_of(&root, ".bjh-card__duration"), "19 s");
    let time = root.query_selector("time").unwrap().unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2025-02-12T22:41:07Z")
    );
    assert!(text_of(&root, "time").contains("UTC"), "the zone is named");
}

#[wasm_bindgen_test]
fn failed_card_names_the_failing_step_and_code() {
    let root = card(fixture(include_str!(
        "../../../shared/basiq/fixtures/job-failed-invalid-credentials.json"
    )));
    assert_eq!(
        article(&root).get_attribute("data-status").as_deref(),
        Some("failed")
    );
    assert_eq!(text_of(&root, ".bjh-badge__word"), "Failed");
    assert_eq!(attr(&root, ".bjh-badge__icon", "data-icon"), "cross");
    assert_eq!(text_of(&root, ".bjh-playbook__step"), "verify-credentials");
    assert_eq!(text_of(&root, ".bjh-playbook__code"), "invalid-credentials");
    assert_eq!(
        text_of(&root, ".bjh-playbook__who"),
        "Who acts: the end user"
    );
    assert!(text_of(&root, ".bjh-playbook__cause").contains("The bank rejected the stored login"));
    assert!(text_of(&root, ".bjh-playbook__actions").contains("Consent UI"));
    assert_eq!(
        text_of(&root, ".bjh-step--failed .bjh-step__code"),
        "invalid-credentials"
    );
}
