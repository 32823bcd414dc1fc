//! `GET /institutions/{id}` read tolerantly: the documented answer (api.basiq.io/v2.1/reference/
//! retrieve-an-institution, recorded in the README), every field absent or of the wrong type,
//! unknown statuses kept raw, and the outage mark; the demo's banks through the same parser.
#![cfg(not(target_arch = "wasm32"))]

use basiq_demo::{demo_jobs, institution};
use basiq_job_history::domain::{
    Institution, InstitutionStatus, parse_institution, parse_institution_text, parse_job,
};
use basiq_job_history::i18n::Locale;
use chrono::DateTime;
use serde_json::{Value, json};

/// The documented example, with its `...` elisions left out.
fn documented() -> Value {
    json!({
        "type": "institution", "id": "AU00000", "name": "Hooli Bank", "shortName": "Hooli",
        "institutionType": "Test Bank", "country": "Australia",
        "serviceName": "Personal Online Banking", "serviceType": "Personal Banking",
        "loginIdCaption": "Login", "passwordCaption": "Password", "tier": "4",
        "authorization": "user",
        "features": {"login": ["web"], "mfaChallenge": [], "accounts": {"accountNo": ["web"]}},
        "forgottenPasswordUrl": "https://hooli.com.au/forgotten...",
        "stage": "beta", "status": "under-maintenance",
        "stats": {"averageDurationMs": {"verifyCredentials": 3600, "retrieveAccounts": 4500,
            "retrieveTransactions": 2300, "retrieveMeta": 1200, "total": 11600}},
        "logo": {"type": "image", "colors": null, "links": {
            "square": "https://d388vpyfrt4zrj.cloudfront.net/AU00000.svg",
            "full": "https://d388vpyfrt4zrj.cloudfront.net/AU00000-full.svg"}},
        "links": {"self": "https://au-api.basiq.io/institutions/AU00000"}
    })
}

#[test]
fn reads_the_documented_answer() {
    let hooli = parse_institution(&documented(), "AU00000").unwrap();
    assert_eq!(
        hooli,
        Institution {
            id: "AU00000".into(),
            name: Some("Hooli Bank".into()),
            short_name: Some("Hooli".into()),
            status: Some(InstitutionStatus::UnderMaintenance),
        }
    );
    assert_eq!(hooli.name_or_id(), "Hooli Bank");
    assert_eq!(hooli.short_name_or_id(), "Hooli");
    assert_eq!(hooli.description(), "Hooli Bank (Hooli) · AU00000");
    assert_eq!(
        hooli.notice(Locale::en).as_deref(),
        Some("Hooli Bank is under maintenance: wait")
    );
}

#[test]
fn statuses_outages_and_unknown_values() {
    let status = InstitutionStatus::from_raw;
    assert_eq!(status("operational"), InstitutionStatus::Operational);
    assert_eq!(
        status(" Under-Maintenance "),
        InstitutionStatus::UnderMaintenance
    );
    assert_eq!(
        status("major-outage"),
        InstitutionStatus::Outage("major-outage".into())
    );
    assert_eq!(
        status("partial-outage"),
        InstitutionStatus::Outage("partial-outage".into())
    );
    assert_eq!(
        status("degraded"),
        InstitutionStatus::Other("degraded".into())
    );
    assert_eq!(status("major-outage").as_raw(), "major-outage");
    let nimbus = json!({"id": "AU15301", "name": "Nimbus Bank", "status": "major-outage"});
    let nimbus = parse_institution(&nimbus, "AU15301").unwrap();
    assert_eq!(
        nimbus.notice(Locale::en).as_deref(),
        Some("Nimbus Bank reports an outage: wait")
    );
    assert_eq!(
        nimbus.notice(Locale::fr).as_deref(),
        Some("Nimbus Bank signale une panne : patientez")
    );
    // A status the app does not know, or operational: no mark.
    for other in ["degraded", "operational"] {
        let bank = json!({"id": "AU1", "name": "Bank", "status": other});
        assert_eq!(
            parse_institution(&bank, "AU1").unwrap().notice(Locale::en),
            None
        );
    }
}

#[test]
fn any_field_may_be_absent_or_of_another_type() {
    // Nothing but the id asked for: the id stands in for the name, and there is no mark.
    let bare = parse_institution(&json!({}), "AU1").unwrap();
    assert_eq!((bare.name_or_id(), bare.short_name_or_id()), ("AU1", "AU1"));
    assert_eq!(
        (bare.description(), bare.notice(Locale::en)),
        ("AU1".to_owned(), None)
    );
    // Wrong types and blank strings are as good as absent.
    let odd = json!({"id": "AU1", "name": 42, "shortName": "  ", "status": ["major-outage"]});
    let odd = parse_institution(&odd, "AU1").unwrap();
    assert_eq!((odd.name, odd.short_name, odd.status), (None, None, None));
    // Only a short name: it is the name everywhere, said once.
    let short = parse_institution(&json!({"shortName": "CU"}), "AU2").unwrap();
    assert_eq!(
        (short.name_or_id(), short.description().as_str()),
        ("CU", "CU · AU2")
    );
    // An outage with no name still names the bank by its id.
    let unnamed = parse_institution(&json!({"status": "major-outage"}), "AU3").unwrap();
    assert_eq!(
        unnamed.notice(Locale::en).as_deref(),
        Some("AU3 reports an outage: wait")
    );
}

#[test]
fn refuses_what_is_not_the_institution_asked_for() {
    assert!(parse_institution(&json!(["AU1"]), "AU1").is_err());
    assert!(parse_institution(&json!({"id": "AU2", "name": "Other"}), "AU1").is_err());
    assert!(parse_institution_text("", "AU1").is_err());
    assert!(parse_institution_text("<html>", "AU1").is_err());
    let text = documented().to_string();
    assert_eq!(
        parse_institution_text(&text, "AU00000")
            .unwrap()
            .name
            .as_deref(),
        Some("Hooli Bank")
    );
}

#[test]
fn hostile_names_are_kept_as_text() {
    let hostile = json!({"name": "<img src=x onerror=alert(1)>", "shortName": "\u{202e}kcab"});
    let bank = parse_institution(&hostile, "AU9").unwrap();
    assert_eq!(bank.name_or_id(), "<img src=x onerror=alert(1)>");
    assert_eq!(bank.short_name_or_id(), "\u{202e}kcab");
}

#[test]
fn every_demo_job_names_a_bank_the_demo_serves() {
    let now = DateTime::from_timestamp(1_764_000_000, 0).unwrap();
    let mut outages = 0;
    for job in demo_jobs(now - chrono::TimeDelta::days(8), now) {
        let id = parse_job(&job).unwrap().institution_id.expect("a bank");
        let bank = parse_institution(&institution(&id).expect("served"), &id).unwrap();
        assert!(bank.name.is_some() && bank.short_name.is_some(), "{id}");
        outages += usize::from(matches!(bank.status, Some(InstitutionStatus::Outage(_))));
    }
    assert!(outages > 0, "a demo bank reports an outage");
}
