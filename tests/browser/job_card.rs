//! Job cards for each status.

use super::{Mutations, article, attr, fixture, mount_in, settle, text_of};
use basiq_job_history::domain::Job;
use basiq_job_history::features::history::JobCard;
use basiq_job_history::i18n::Locale;
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

fn card(job: Job) -> HtmlElement {
    card_in(Locale::en, job)
}

/// A card mounted with the app speaking `locale`.
fn card_in(locale: Locale, job: Job) -> HtmlElement {
    let now = chrono::DateTime::from_timestamp(1_742_000_000, 0).unwrap();
    mount_in(locale, move || {
        view! { <JobCard job=Signal::stored(job) now=Signal::stored(now) detail_prefix=Signal::stored("/?job=".to_owned()) /> }.into_any()
    })
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

#[wasm_bindgen_test]
fn hostile_strings_render_as_text_and_fit_in_360_pixels() {
    let long_id = "9".repeat(300);
    let raw = serde_json::json!({
        "type": "job", "id": long_id,
        "created": "2025-01-01T00:00:00Z", "updated": "2025-01-01T00:00:10Z",
        "steps": [{
            "title": "<img src=x onerror=alert(1)>", "status": "failed",
            "result": {"code": "<script>alert(1)</script>", "title": "\u{202e}RTL עברית",
                "detail": "<b>bold</b> javascript:alert(1) \u{200b}zero-width 🏦"}
        }],
        "links": {"source": "https://au-api.basiq.io/users/u/connections/<svg onload=alert(1)>"}
    });
    let job = basiq_job_history::domain::parse_job(&raw).unwrap();
    let root = card(job);
    root.set_attribute("style", "width: 360px").unwrap();
    assert!(
        root.query_selector("img, script, b").unwrap().is_none(),
        "no markup from the API"
    );
    assert!(
        root.query_selector("[onerror], [onload]")
            .unwrap()
            .is_none()
    );
    let text = root.text_content().unwrap();
    assert!(text.contains("<img src=x onerror=alert(1)>"));
    assert!(text.contains("<script>alert(1)</script>"));
    assert!(text.contains(&"9".repeat(300)));
    let card = article(&root);
    assert!(
        card.scroll_width() <= card.client_width(),
        "{} > {}",
        card.scroll_width(),
        card.client_width()
    );
}

#[wasm_bindgen_test]
fn every_result_shape_renders() {
    let mfa = card(fixture(include_str!(
        "../../../shared/basiq/fixtures/job-mfa-challenge.json"
    )));
    assert_eq!(
        text_of(&mfa, ".bjh-step--in-progress .bjh-step__note"),
        "waiting for the user"
    );
    let odd = card(fixture(include_str!(
        "../../../shared/basiq/fixtures/job-unknown-fields.json"
    )));
    assert_eq!(
        text_of(&odd, "[data-step-status=skipped] .bjh-step__title"),
        "retrieve-account-holders"
    );
    assert_eq!(
        text_of(&odd, ".bjh-playbook__code"),
        "upstream-session-conflict"
    );
    assert!(text_of(&odd, ".bjh-playbook__cause").contains("Institution session conflict"));
    let legacy = card(fixture(include_str!(
        "../../../shared/basiq/fixtures/job-legacy-array-result.json"
    )));
    assert_eq!(attr(&legacy, "article", "data-job-id"), "84317");
    assert_eq!(attr(&legacy, "article", "data-status"), "success");
    let report = card(fixture(include_str!(
        "../../../shared/basiq/fixtures/job-report-success.json"
    )));
    assert_eq!(attr(&report, "article", "data-status"), "success");
    assert_eq!(text_of(&report, ".bjh-card__kind"), "report");
}

#[wasm_bindgen_test]
async fn a_card_in_french_translates_its_words_and_keeps_the_api_text() {
    let root = card_in(
        Locale::fr,
        fixture(include_str!(
            "../../../shared/basiq/fixtures/job-failed-invalid-credentials.json"
        )),
    );
    settle().await;
    assert_eq!(text_of(&root, ".bjh-badge__word"), "Échouée");
    assert_eq!(attr(&root, ".bjh-badge__icon", "data-icon"), "cross");
    let labels: Vec<String> = {
        let list = root.query_selector_all(".bjh-card__meta dt").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(labels[..3], ["Date", "Durée", "Connexion"]);
    assert_eq!(text_of(&root, ".bjh-copy"), "Copier l’ID");
    assert_eq!(text_of(&root, ".bjh-playbook__code"), "invalid-credentials");
    assert_eq!(text_of(&root, ".bjh-playbook__step"), "verify-credentials");
    assert_eq!(
        text_of(&root, ".bjh-playbook__who"),
        "Qui agit : l’utilisateur final"
    );
    assert!(text_of(&root, ".bjh-playbook__cause").contains("La banque a refusé"));
    assert!(text_of(&root, ".bjh-playbook__actions").contains("Consent UI"));
}

/// The pending fixture with its last two steps done, one minute later.
fn settled_pending_fixture() -> Job {
    let text = include_str!("../../../shared/basiq/fixtures/job-pending-in-progress.json")
        .replace("\"in-progress\"", "\"success\"")
        .replace("\"status\": \"pending\"", "\"status\": \"success\"")
        .replace("2025-02-11T03:27:46Z", "2025-02-11T03:28:46Z");
    fixture(&text)
}

#[wasm_bindgen_test]
async fn a_job_settling_patches_its_card_instead_of_rebuilding_it() {
    let job = RwSignal::new(fixture(include_str!(
        "../../../shared/basiq/fixtures/job-pending-in-progress.json"
    )));
    let now = chrono::DateTime::from_timestamp(1_742_000_000, 0).unwrap();
    let root = mount_in(Locale::en, move || {
        view! { <JobCard job=job now=Signal::stored(now) detail_prefix=Signal::stored("/?job=".to_owned()) /> }.into_any()
    });
    settle().await;
    let mutations = Mutations::under(&article(&root));
    job.set(settled_pending_fixture());
    settle().await;
    assert_eq!(text_of(&root, ".bjh-badge__word"), "Success");
    // Each record is a change shown: the card's class and data-status, the badge's class, icon
    // (out and in) and word, the duration, and for each of the two steps that finished its
    // class, data-step-status, mark and status word. Nothing is set again to the same value.
    let records = mutations.records();
    assert!(
        records.len() <= 15,
        "{} records: {records:#?}",
        records.len()
    );
}
