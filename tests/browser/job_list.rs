//! The live list: updates in place, arrivals behind the pill, filters in the URL.

use super::{attr, clock_at, fixture, mount, mount_app, one, settle, user_history, wait_for};
use basiq_job_history::domain::{
    CardStatus, ItemProblem, Job, JobFilter, JsonKind, LeftOut, ParseError, Part, parse_job,
};
use basiq_job_history::features::history::{JobList, ListNotices, LiveBar, first_screen_cards};
use basiq_job_history::live::{Clock, JobHistory};
use basiq_job_history::platform;
use leptos::prelude::*;
use serde_json::json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlElement, HtmlInputElement};

const PENDING: &str = include_str!("../../../shared/basiq/fixtures/job-pending-in-progress.json");
const SUCCESS: &str = include_str!("../../../shared/basiq/fixtures/job-success.json");
const FAILED: &str =
    include_str!("../../../shared/basiq/fixtures/job-failed-invalid-credentials.json");

fn clock() -> Clock {
    clock_at(1_742_000_000)
}

fn history() -> JobHistory {
    user_history()
}

fn mount_list(history: JobHistory) -> HtmlElement {
    mount(move || {
        view! {
            <LiveBar history=history clock=clock() />
            <JobList history=history filter=Signal::stored(JobFilter::default()) clock=clock() />
        }
        .into_any()
    })
}

fn card_ids(root: &HtmlElement) -> Vec<String> {
    let cards = root.query_selector_all("article[data-job-id]").unwrap();
    (0..cards.length())
        .map(|i| {
            cards
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute("data-job-id")
                .unwrap()
        })
        .collect()
}

fn finished(pending: &Job) -> Job {
    let mut raw = pending.raw_value();
    raw["updated"] = json!("2025-02-11T03:28:05Z");
    raw["steps"][1]["status"] = json!("success");
    raw["steps"][2]["status"] = json!("success");
    parse_job(&raw).unwrap()
}

#[wasm_bindgen_test]
async fn a_pending_card_turns_success_in_place() {
    let history = history();
    let pending = fixture(PENDING);
    history.receive_list(vec![fixture(SUCCESS), pending.clone()], Vec::new());
    let root = mount_list(history);
    let selector = format!("article[data-job-id='{}']", pending.id);
    let before = one(&root, &selector);
    assert_eq!(
        before.get_attribute("data-status").as_deref(),
        Some("pending")
    );
    let order = card_ids(&root);

    history.receive_job(finished(&pending));
    settle().await;

    let after = one(&root, &selector);
    assert!(
        before.is_same_node(Some(&after)),
        "the card is updated, not replaced"
    );
    assert_eq!(
        after.get_attribute("data-status").as_deref(),
        Some("success")
    );
    assert_eq!(card_ids(&root), order, "the list keeps its order");
    let (id, status) = history
        .announcement
        .get_untracked()
        .expect("a status change");
    assert!(id.starts_with("d6961371"), "{id}");
    assert_eq!(status, CardStatus::Success);
}

#[wasm_bindgen_test]
async fn an_older_answer_never_rolls_a_card_back() {
    let history = history();
    let pending = fixture(PENDING);
    history.receive_list(vec![pending.clone()], Vec::new());
    let root = mount_list(history);
    history.receive_job(finished(&pending));
    history.receive_job(pending);
    settle().await;
    assert_eq!(attr(&root, "article", "data-status"), "success");
}

#[wasm_bindgen_test]
async fn a_new_job_raises_the_pill_without_changing_the_list() {
    let history = history();
    history.receive_list(vec![fixture(SUCCESS), fixture(FAILED)], Vec::new());
    let root = mount_list(history);
    let order = card_ids(&root);
    assert!(
        root.query_selector("[data-testid=new-jobs]")
            .unwrap()
            .is_none()
    );

    history.receive_list(
        vec![fixture(SUCCESS), fixture(FAILED), fixture(PENDING)],
        Vec::new(),
    );
    settle().await;
    let pill = one(&root, "[data-testid=new-jobs]");
    assert_eq!(pill.text_content().unwrap(), "1 new job");
    assert_eq!(card_ids(&root), order, "arrivals wait behind the pill");

    pill.unchecked_into::<HtmlElement>().click();
    settle().await;
    assert_eq!(card_ids(&root).len(), 3);
    assert_eq!(
        card_ids(&root)[0],
        fixture(PENDING).id,
        "the newest arrival goes on top"
    );
    assert!(
        root.query_selector("[data-testid=new-jobs]")
            .unwrap()
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn filters_round_trip_through_the_url() {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some("/?status=failed&q=4d30"))
        .unwrap();
    let root = mount_app();
    wait_for(&root, ".bjh-chip--active").await;
    assert_eq!(attr(&root, ".bjh-chip--active", "data-chip"), "failed");
    let search: HtmlInputElement = one(&root, "[data-testid=search]").unchecked_into();
    assert_eq!(search.value(), "4d30");

    one(&root, "[data-chip=success]")
        .unchecked_into::<HtmlElement>()
        .click();
    wait_for(&root, ".bjh-chip--active[data-chip=success]").await;
    assert_eq!(
        window.location().search().unwrap(),
        "?status=success&q=4d30"
    );

    history.back().unwrap();
    wait_for(&root, ".bjh-chip--active[data-chip=failed]").await;
    assert_eq!(search.value(), "4d30");
}

#[wasm_bindgen_test]
async fn a_screenful_of_cards_comes_first_and_the_rest_of_the_page_a_frame_later() {
    let history = history();
    let jobs: Vec<Job> = (0..30)
        .map(|i| {
            let mut raw = fixture(SUCCESS).raw_value();
            raw["id"] = json!(format!("job-{i:02}"));
            parse_job(&raw).unwrap()
        })
        .collect();
    history.receive_list(jobs, Vec::new());
    let root = mount_list(history);
    let first = card_ids(&root);
    let screenful = first_screen_cards(platform::viewport_height());
    assert!(
        screenful < 30,
        "this test needs more jobs than a screenful ({screenful})"
    );
    assert_eq!(
        first.len(),
        screenful,
        "the first paint holds a screenful of cards"
    );
    for _ in 0..50 {
        if card_ids(&root).len() == 30 {
            break;
        }
        settle().await;
    }
    let ids = card_ids(&root);
    assert_eq!(ids.len(), 30, "the rest follow once the first are painted");
    assert_eq!(
        ids[..screenful],
        first[..],
        "the first cards stay in place, in order"
    );
}

#[wasm_bindgen_test]
async fn unreadable_items_are_named_without_a_click_ten_at_a_time() {
    let history = history();
    let root = mount(move || view! { <ListNotices history=history clock=clock() /> }.into_any());
    let problem = |index: usize| ItemProblem {
        index,
        id: index
            .is_multiple_of(2)
            .then(|| format!("<b>job-{index}</b>")),
        reason: LeftOut::Unreadable(ParseError::Wrong {
            part: Part::Steps,
            found: JsonKind::Object,
            expected: JsonKind::Array,
        }),
    };
    history.receive_list(Vec::new(), vec![problem(2)]);
    settle().await;
    let notice = one(&root, "[data-testid=problems]");
    assert_eq!(notice.tag_name(), "DIV");
    assert_eq!(
        one(&root, "[data-testid=problems] .bjh-notice__title")
            .text_content()
            .unwrap(),
        "1 item in the answer could not be shown:"
    );
    let named = one(&root, ".bjh-notice__items li");
    assert_eq!(
        named.text_content().unwrap(),
        "item 3 (job <b>job-2</b>): `steps` is an object, expected an array"
    );
    // Visible: it has a box, and no closed disclosure holds it.
    let named: HtmlElement = named.unchecked_into();
    assert!(named.offset_height() > 0);
    assert!(named.closest("details").unwrap().is_none());
    assert!(
        root.query_selector("[data-testid=problems] b")
            .unwrap()
            .is_none()
    );
    // Twelve: ten named at once, two behind "and 2 more".
    history.receive_list(Vec::new(), (0..12).map(problem).collect());
    settle().await;
    let visible = root
        .query_selector_all("[data-testid=problems] > .bjh-notice__items li")
        .unwrap();
    assert_eq!(visible.length(), 10);
    assert_eq!(
        one(&root, "[data-testid=problems] details summary")
            .text_content()
            .unwrap(),
        "and 2 more"
    );
    // A clean answer clears the notice.
    history.receive_list(Vec::new(), Vec::new());
    settle().await;
    assert!(
        root.query_selector("[data-testid=problems]")
            .unwrap()
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn the_bar_stops_saying_loading_once_an_answer_brought_no_data() {
    let history = history();
    let root = mount_list(history);
    settle().await;
    assert_eq!(updated_text(&root), "Loading…");
    // The first answer was an error: nothing is loading any more.
    history.loaded.set(true);
    settle().await;
    assert_eq!(updated_text(&root), "Not updated yet");
}

fn updated_text(root: &HtmlElement) -> String {
    one(root, "[data-testid=last-updated]")
        .text_content()
        .unwrap_or_default()
}
