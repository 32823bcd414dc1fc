//! Following `links.next`: whether the range needs another page, the estimate behind "~M",
//! the progress words, and the list's own count, with bad input (no times, a count smaller
//! than what came, a count of the wrong type, an empty page).
#![cfg(not(target_arch = "wasm32"))]

use basiq_job_history::domain::paging::{
    estimate_total, group_thousands, older_page_needed, progress_words,
};
use basiq_job_history::domain::parse_job_list_text;
use basiq_job_history::domain::time::parse_timestamp;
use basiq_job_history::i18n::Locale;
use chrono::{DateTime, TimeDelta, Utc};

fn t(raw: &str) -> DateTime<Utc> {
    parse_timestamp(raw).expect(raw)
}

#[test]
fn a_page_wholly_older_than_the_range_is_the_last() {
    let from = Some(t("2025-03-14T00:00:00Z"));
    let older = [
        Some(t("2025-03-13T10:00:00Z")),
        Some(t("2025-03-12T10:00:00Z")),
    ];
    let straddles = [
        Some(t("2025-03-14T01:00:00Z")),
        Some(t("2025-03-13T10:00:00Z")),
    ];
    assert!(!older_page_needed(older, from));
    assert!(older_page_needed(straddles, from));
    // The range's first instant counts as in it.
    assert!(older_page_needed([Some(t("2025-03-14T00:00:00Z"))], from));
    // A job whose time cannot be read might be in range: keep going.
    assert!(older_page_needed(
        [None, Some(t("2025-03-01T00:00:00Z"))],
        from
    ));
    // No range: every page; an empty page: none after it.
    assert!(older_page_needed(older, None));
    assert!(!older_page_needed([], None));
    assert!(!older_page_needed([], from));
}

#[test]
fn the_estimate_comes_from_the_answer_else_from_the_rate_so_far() {
    let now = t("2025-03-15T12:00:00Z");
    // The answer's own count wins when it is more than what came.
    assert_eq!(
        estimate_total(400, Some(1_214), None, None, now),
        Some(1_214)
    );
    // A count no larger than what came says nothing: the rate decides. 400 jobs over the last
    // day of a 7-day window: about 2,800.
    let a_day_back = Some(now - TimeDelta::days(1));
    assert_eq!(
        estimate_total(400, Some(400), a_day_back, None, now),
        Some(2_800)
    );
    // Over a 2-day range, a day's 400 make about 800.
    let two_days = Some(now - TimeDelta::days(2));
    assert_eq!(
        estimate_total(400, None, a_day_back, two_days, now),
        Some(800)
    );
    // Rounded to two figures: 1,234 over 3 of 7 days is ~2,900, never less than loaded.
    let three_days = Some(now - TimeDelta::days(3));
    assert_eq!(
        estimate_total(1_234, None, three_days, None, now),
        Some(2_900)
    );
    // Nothing to go on: no times, the window already covered, nothing loaded, clock skew.
    assert_eq!(estimate_total(400, None, None, None, now), None);
    let eight_days = Some(now - TimeDelta::days(8));
    assert_eq!(estimate_total(400, None, eight_days, None, now), None);
    assert_eq!(estimate_total(0, None, a_day_back, None, now), None);
    let future = Some(now + TimeDelta::hours(1));
    assert_eq!(estimate_total(400, None, future, None, now), None);
}

#[test]
fn progress_is_worded_with_grouped_figures() {
    assert_eq!(
        progress_words(400, Some(1_200), Locale::en),
        "loaded 400 of ~1,200 jobs"
    );
    assert_eq!(progress_words(1, None, Locale::en), "loaded 1 job");
    assert_eq!(
        progress_words(12_345, None, Locale::en),
        "loaded 12,345 jobs"
    );
    assert_eq!(group_thousands(0, Locale::en), "0");
    assert_eq!(group_thousands(999, Locale::en), "999");
    assert_eq!(group_thousands(1_000, Locale::en), "1,000");
    assert_eq!(group_thousands(1_234_567, Locale::en), "1,234,567");
    // French groups with narrow no-break spaces and says it in French.
    assert_eq!(
        group_thousands(1_234_567, Locale::fr),
        "1\u{202f}234\u{202f}567"
    );
    assert_eq!(
        progress_words(400, Some(1_200), Locale::fr),
        "400 sur ~1\u{202f}200 tâches chargées"
    );
    assert_eq!(progress_words(1, None, Locale::fr), "1 tâche chargée");
}

#[test]
fn the_list_count_is_read_from_total_count_else_size() {
    let page = |envelope: &str| parse_job_list_text(envelope).unwrap();
    let link = r#""links":{"next":"https://au-api.basiq.io/users/u/jobs?page=2"}"#;
    let sized = page(&format!(
        r#"{{"type":"list","size":1214,"data":[],{link}}}"#
    ));
    assert_eq!(sized.reported, Some(1_214));
    assert_eq!(
        sized.next.as_deref(),
        Some("https://au-api.basiq.io/users/u/jobs?page=2")
    );
    let counted = page(r#"{"type":"list","size":100,"totalCount":900,"data":[]}"#);
    assert_eq!(counted.reported, Some(900));
    // A count of the wrong type is no count; the list still reads.
    let odd = page(r#"{"type":"list","size":"many","totalCount":-1,"data":[]}"#);
    assert_eq!(odd.reported, None);
    assert!(odd.jobs.is_empty());
}
