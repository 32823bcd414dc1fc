//! Watching a pending job: the toggle only on pending cards, and once the watched job settles
//! a notice (icon and word, what happened, a link), the page title counting the notices, and
//! Dismiss putting both back.

use super::{attr, clock_at, fixture, mount, one, settle, wait_for};
use basiq_job_history::api::backend::Backend;
use basiq_job_history::domain::Job;
use basiq_job_history::features::history::JobCard;
use basiq_job_history::features::watch::WatchNotices;
use basiq_job_history::live::{Watcher, provide_live, provide_watcher};
use basiq_job_history::poll::PollPolicy;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

const SUCCESS: &str = include_str!("../../../shared/basiq/fixtures/job-success.json");
const FAILED: &str =
    include_str!("../../../shared/basiq/fixtures/job-failed-invalid-credentials.json");

/// A settled fixture as it was while running: no step done yet.
fn running(text: &str) -> Job {
    let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
    for step in value["steps"].as_array_mut().unwrap() {
        step["status"] = "pending".into();
        step["result"] = serde_json::Value::Null;
    }
    fixture(&value.to_string())
}

/// Cards of `jobs` with the notices above them, on a watcher whose clock stands still (so
/// nothing polls); the watcher is handed back to play the part of the API.
fn page(jobs: Vec<Job>) -> (HtmlElement, Watcher) {
    let (sender, watcher) = std::sync::mpsc::channel();
    let root = mount(move || {
        provide_context(clock_at(1_739_400_000));
        provide_live(Backend::demo(), PollPolicy::default());
        sender.send(provide_watcher()).unwrap();
        let now = Signal::stored(chrono::DateTime::from_timestamp(1_739_400_000, 0).unwrap());
        view! {
            <WatchNotices />
            {jobs.into_iter().map(|job| view! {
                <JobCard job=Signal::stored(job) now detail_prefix=Signal::stored("/?job=".to_owned()) />
            }).collect_view()}
        }
        .into_any()
    });
    (root, watcher.recv().unwrap())
}

fn toggles(root: &HtmlElement) -> u32 {
    root.query_selector_all("[data-testid=watch]")
        .unwrap()
        .length()
}

fn click(root: &HtmlElement, selector: &str) {
    one(root, selector).unchecked_into::<HtmlElement>().click();
}

#[wasm_bindgen_test]
async fn watch_shows_on_pending_cards_only_and_a_press_watches() {
    let (root, _) = page(vec![running(SUCCESS), fixture(FAILED)]);
    settle().await;
    assert_eq!(toggles(&root), 1, "the failed card has none");
    let toggle = one(&root, "[data-testid=watch]");
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(toggle.text_content().unwrap().trim(), "Watch");
    assert!(
        root.query_selector("[data-testid=watch-status]")
            .unwrap()
            .is_none()
    );
    click(&root, "[data-testid=watch]");
    settle().await;
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(toggle.text_content().unwrap().trim(), "Watching");
    let status = one(&root, "[data-testid=watch-status]")
        .text_content()
        .unwrap();
    assert!(
        status.starts_with("Watching 1 job: this page tells you when it ends."),
        "{status}"
    );
    click(&root, "[data-testid=watch]");
    settle().await;
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert!(
        root.query_selector("[data-testid=watch-status]")
            .unwrap()
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn a_settled_watched_job_gets_a_notice_and_the_title_counts_it_until_dismissed() {
    let document = leptos::prelude::document();
    document.set_title("Basiq Job History");
    let (root, watcher) = page(vec![running(SUCCESS), running(FAILED)]);
    settle().await;
    for toggle in root
        .query_selector_all("[data-testid=watch]")
        .unwrap()
        .values()
    {
        toggle.unwrap().unchecked_into::<HtmlElement>().click();
    }
    settle().await;
    assert!(text(&root, "[data-testid=watch-status]").starts_with("Watching 2 jobs"));
    watcher.observe(&running(SUCCESS));
    settle().await;
    assert!(
        root.query_selector("[data-testid=watch-notice]")
            .unwrap()
            .is_none(),
        "still pending"
    );
    watcher.observe(&fixture(SUCCESS));
    let notice = wait_for(&root, "[data-testid=watch-notice][data-status=success]").await;
    assert_eq!(document.title(), "(1) Basiq Job History");
    let words = notice.text_content().unwrap();
    assert!(words.contains("Success"), "icon and word: {words}");
    assert!(words.contains("Job 2344261d succeeded"), "{words}");
    assert!(
        words.contains("Connection e017ae98: every step done in 19 s."),
        "{words}"
    );
    // The link keeps the page's filters (whatever an earlier test left in the URL).
    let href = attr(&root, "[data-testid=watch-notice] a", "href");
    assert!(
        href.ends_with("job=2344261d-4d48-4e11-b0c6-fe6b2151da2a"),
        "{href}"
    );
    assert!(text(&root, "[data-testid=watch-status]").starts_with("Watching 1 job"));
    watcher.observe(&fixture(FAILED));
    let failed = wait_for(&root, "[data-testid=watch-notice][data-status=failed]").await;
    assert!(
        failed
            .text_content()
            .unwrap()
            .contains("verify-credentials failed (invalid-credentials")
    );
    assert_eq!(document.title(), "(2) Basiq Job History");
    assert!(
        root.query_selector("[data-testid=watch-status]")
            .unwrap()
            .is_none(),
        "none left pending"
    );
    watcher.observe(&fixture(FAILED));
    settle().await;
    assert_eq!(
        root.query_selector_all("[data-testid=watch-notice]")
            .unwrap()
            .length(),
        2,
        "told once"
    );
    click(
        &root,
        "[data-testid=watch-notice][data-status=success] [data-testid=watch-dismiss]",
    );
    settle().await;
    assert_eq!(document.title(), "(1) Basiq Job History");
    assert!(
        root.query_selector("[data-testid=watch-dismiss-all]")
            .unwrap()
            .is_none(),
        "one left"
    );
    // A third, settling too: Dismiss all forgets both and the title is the page's own again.
    let third = |mut job: Job| {
        job.id = "third-job".into();
        job
    };
    watcher.observe(&third(running(SUCCESS)));
    settle().await;
    assert!(
        root.query_selector("[data-testid=watch-notice][data-job-id=third-job]")
            .unwrap()
            .is_none()
    );
    watcher.toggle(&third(running(SUCCESS)));
    watcher.observe(&third(fixture(SUCCESS)));
    wait_for(&root, "[data-testid=watch-notice][data-job-id=third-job]").await;
    assert_eq!(document.title(), "(2) Basiq Job History");
    click(&root, "[data-testid=watch-dismiss-all]");
    settle().await;
    assert!(
        root.query_selector("[data-testid=watch-notice]")
            .unwrap()
            .is_none()
    );
    assert_eq!(document.title(), "Basiq Job History");
}

fn text(root: &HtmlElement, selector: &str) -> String {
    one(root, selector).text_content().unwrap_or_default()
}
