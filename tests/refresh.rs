//! Refreshing a connection from the UI: the confirmation, the placeholder job, the outcome.
#![cfg(not(target_arch = "wasm32"))]

use basiq_demo::{DEMO_USER_ID, Refreshes};
use basiq_job_history::domain::merge::supersedes;
use basiq_job_history::domain::{
    CardStatus, RefreshTarget, derive_status, parse_job, refresh_placeholder, refresh_question,
    refresh_started, refreshes_started,
};
use basiq_job_history::i18n::Locale;
use chrono::{DateTime, TimeDelta};

#[test]
fn the_question_names_the_connection_and_its_bank() {
    let target = |connection: &str| RefreshTarget {
        user_id: DEMO_USER_ID.into(),
        connection_id: Some(connection.into()),
        institution_id: None,
    };
    let question = refresh_question(
        &target("2871f592-5412-44cd-850e-4bc47c969dc7"),
        Some("Hooli Bank"),
        Locale::en,
    );
    assert!(
        question.starts_with("Refresh connection 2871f592 at Hooli Bank?"),
        "{question}"
    );
    assert!(question.contains("20 refreshes a day"));
    let unknown = refresh_question(&target("c1"), None, Locale::en);
    assert!(
        unknown.starts_with("Refresh connection c1 at an unknown bank?"),
        "{unknown}"
    );
    let all = refresh_question(
        &RefreshTarget::all_of(DEMO_USER_ID),
        Some("Hooli Bank"),
        Locale::en,
    );
    assert!(
        all.starts_with("Refresh every connection of user a2cb616d?"),
        "{all}"
    );
}

#[test]
fn the_outcome_says_whether_the_job_is_new() {
    assert_eq!(
        refresh_started("a1b2c3d4-e5f6", false, Locale::en),
        "Refresh started: job a1b2c3d4 is Pending."
    );
    assert_eq!(
        refresh_started("a1b2c3d4-e5f6", true, Locale::en),
        "A refresh was already running: job a1b2c3d4 is tracked."
    );
    assert_eq!(
        refreshes_started(4, Locale::en),
        "Refreshes started: 4 jobs are Pending."
    );
    assert_eq!(
        refreshes_started(1, Locale::en),
        "Refresh started: 1 job is Pending."
    );
    assert!(refreshes_started(0, Locale::en).contains("no connection"));
}

#[test]
fn the_placeholder_is_pending_on_its_connection_and_its_first_poll_replaces_it() {
    let now = DateTime::from_timestamp(1_764_000_000, 0).unwrap();
    let mut refreshes = Refreshes::default();
    let started = refreshes.start(DEMO_USER_ID, "c-9", now).unwrap();
    let target = RefreshTarget {
        user_id: DEMO_USER_ID.into(),
        connection_id: Some("c-9".into()),
        institution_id: Some("AU00000".into()),
    };
    let placeholder = refresh_placeholder(&started.job_id, &target, now);
    assert_eq!(derive_status(&placeholder), CardStatus::Pending);
    assert_eq!(placeholder.connection_id(), Some("c-9"));
    assert_eq!(placeholder.user_id(), Some(DEMO_USER_ID));
    assert_eq!(
        placeholder.created.as_ref().unwrap().raw,
        "2025-11-24T16:00:00Z"
    );
    // The job as Basiq gives it moments later supersedes the placeholder, and settles.
    let polled = parse_job(&refreshes.jobs(now + TimeDelta::seconds(2))[0]).unwrap();
    assert!(supersedes(&polled, &placeholder));
    let settled = parse_job(&refreshes.jobs(now + TimeDelta::seconds(60))[0]).unwrap();
    assert_eq!(derive_status(&settled), CardStatus::Success);
}

#[test]
fn purge_warns_by_name_and_needs_the_connection_id_typed() {
    use basiq_job_history::domain::{purge_confirmed, purge_done, purge_question};
    let warning = purge_question("c-123", DEMO_USER_ID, Some("Hooli Bank"), Locale::en);
    assert!(
        warning.starts_with("Purge connection c-123 at Hooli Bank? This removes all of user a2cb616d's accounts and transactions from Hooli Bank"),
        "{warning}"
    );
    assert!(warning.contains("cannot be undone"));
    assert!(purge_question("c-1", "u", None, Locale::en).contains("at its bank?"));
    assert!(purge_confirmed("c-123", "c-123"));
    assert!(purge_confirmed("  c-123 ", "c-123"));
    for wrong in ["", "c-12", "c-1234", "C-123", "c 123"] {
        assert!(!purge_confirmed(wrong, "c-123"), "{wrong:?}");
    }
    assert!(!purge_confirmed("", ""));
    let target = RefreshTarget {
        user_id: DEMO_USER_ID.into(),
        connection_id: Some("c-123".into()),
        institution_id: None,
    };
    assert!(purge_done(&target, Locale::en).contains("connection c-123 is removed"));
    assert!(purge_done(&target, Locale::en).contains("refresh next"));
}

#[test]
fn purges_are_recorded_kept_a_week_and_read_tolerantly() {
    use basiq_job_history::domain::{
        PurgeRecord, add_purge_record, purges_of, read_purge_records, write_purge_records,
    };
    let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().to_utc();
    let now = at("2026-12-06T05:00:00Z");
    let target = RefreshTarget {
        user_id: DEMO_USER_ID.into(),
        connection_id: Some("5bd22369-c07a-4949-82e2-2bda6a676fcf".into()),
        institution_id: Some("AU00000".into()),
    };
    assert_eq!(
        PurgeRecord::of(&RefreshTarget::all_of(DEMO_USER_ID), now),
        None
    );
    let record = PurgeRecord::of(&target, now).unwrap();
    assert_eq!(
        record.words(Some("Nimbus Bank"), Locale::en),
        "Purge of connection 5bd22369 at Nimbus Bank (user a2cb616d), recorded by this \
         dashboard: Basiq keeps no job for a purge."
    );
    assert!(record.words(None, Locale::en).contains(" at AU00000 "));
    let mut records = read_purge_records(None, now);
    assert!(records.is_empty());
    let old = PurgeRecord {
        connection_id: "c-old".into(),
        at: now - TimeDelta::days(7),
        ..record.clone()
    };
    let other_user = PurgeRecord {
        user_id: "someone-else".into(),
        connection_id: "c-2".into(),
        at: now - TimeDelta::hours(1),
        ..record.clone()
    };
    add_purge_record(&mut records, other_user.clone(), now);
    add_purge_record(&mut records, record.clone(), now);
    add_purge_record(&mut records, old, now);
    assert_eq!(
        records,
        [record.clone(), other_user.clone()],
        "newest first, a week kept"
    );
    // Kept as text and read back as it was.
    let text = write_purge_records(&records);
    assert_eq!(read_purge_records(Some(&text), now), records);
    // A week later both are gone.
    assert!(read_purge_records(Some(&text), now + TimeDelta::days(7)).is_empty());
    // The history of a user shows theirs; of a connection, that connection's.
    let mine: Vec<_> = purges_of(&records, DEMO_USER_ID, None).collect();
    assert_eq!(mine, [&record]);
    assert_eq!(purges_of(&records, DEMO_USER_ID, Some("c-2")).count(), 0);
    // Whatever else is found where they are kept is left out, never an error.
    for bad in [
        "",
        "not json",
        "{}",
        "[1, null, {\"userId\": 3}]",
        "[{\"userId\": \"u\", \"connectionId\": \"c\", \"at\": \"yesterday\"}]",
    ] {
        assert!(read_purge_records(Some(bad), now).is_empty(), "{bad}");
    }
    let mixed = format!("[{{\"junk\": true}}, {}]", &text[1..text.len() - 1]);
    assert_eq!(read_purge_records(Some(&mixed), now).len(), 2);
    // No more than 100 are kept: the newest.
    let mut many = Vec::new();
    for i in 0..150 {
        let r = PurgeRecord {
            connection_id: format!("c{i}"),
            at: now - TimeDelta::minutes(i),
            ..record.clone()
        };
        add_purge_record(&mut many, r, now);
    }
    assert_eq!(many.len(), 100);
    assert_eq!(many[0].connection_id, "c0");
}
