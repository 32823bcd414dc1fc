//! The triage views mounted over a live history: failure groups and connection health follow a
//! job that settles, and API text renders as text.

use super::{Mutations, attr, clock_at, mount, one, settle, text_of, user_history};
use basiq_job_history::domain::{GroupBy, JobFilter, parse_job, parse_job_list};
use basiq_job_history::features::triage::{FailureGroupsView, HealthView};
use basiq_job_history::live::{Clock, JobHistory};
use leptos::prelude::*;
use serde_json::{Value, json};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

const LIST: &str = include_str!("../../../shared/basiq/fixtures/jobs-list-connection.json");

fn clock() -> Clock {
    clock_at(1_742_100_000)
}

/// A history holding the fixture list (3 Success, 2 Failed, 1 Pending on one connection).
fn history() -> JobHistory {
    let history = user_history();
    let list: Value = serde_json::from_str(LIST).unwrap();
    history.receive_list(parse_job_list(&list).unwrap().jobs, Vec::new());
    history
}

/// The fixture's pending job (the newest), now failed with `code` at its second step.
fn pending_fails(code: &str) -> basiq_job_history::domain::Job {
    let list: Value = serde_json::from_str(LIST).unwrap();
    let mut item = list["data"][0].clone();
    assert_eq!(item["steps"][1]["status"], "in-progress");
    item["updated"] = json!("2025-03-15T08:03:00Z");
    item["steps"][1]["status"] = json!("failed");
    item["steps"][1]["result"] =
        json!({"code": code, "title": "<b>New</b>", "detail": "<img src=x onerror=alert(1)>"});
    parse_job(&item).unwrap()
}

fn groups(history: JobHistory, by: GroupBy) -> HtmlElement {
    mount(move || {
        view! {
            <FailureGroupsView history=history filter=Signal::stored(JobFilter::default()) by=Signal::stored(by) clock=clock() />
        }
        .into_any()
    })
}

fn keys(root: &HtmlElement, selector: &str, name: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| {
            let element: web_sys::Element =
                wasm_bindgen::JsCast::unchecked_into(nodes.item(i).unwrap());
            element.get_attribute(name).unwrap_or_default()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn failure_groups_follow_a_job_that_fails_and_render_its_text_as_text() {
    let history = history();
    let root = groups(history, GroupBy::Code);
    assert_eq!(
        keys(&root, "li.bjh-group", "data-group"),
        ["service-unavailable", "invalid-credentials"]
    );
    assert_eq!(
        text_of(&root, "li.bjh-group .bjh-group__share"),
        "50% of failures"
    );
    let link = attr(&root, "li.bjh-group [data-testid=group-link]", "href");
    assert!(link.contains("status=failed"), "{link}");
    assert!(link.contains("code=service-unavailable"), "{link}");

    history.receive_job(pending_fails("<script>x</script>"));
    settle().await;
    let shown = keys(&root, "li.bjh-group", "data-group");
    assert_eq!(shown.len(), 3, "{shown:?}");
    // The newest failure wins the tie of ones; its unknown code is text, not markup.
    assert_eq!(shown[0], "<script>x</script>");
    assert_eq!(
        text_of(&root, "li.bjh-group .bjh-group__key"),
        "<script>x</script>"
    );
    assert!(
        root.query_selector("li.bjh-group script, li.bjh-group img, li.bjh-group b")
            .unwrap()
            .is_none()
    );
    assert!(text_of(&root, "li.bjh-group .bjh-group__cause").contains("<b>New</b>"));
    assert_eq!(
        text_of(&root, "li.bjh-group .bjh-group__share"),
        "33% of failures"
    );
}

#[wasm_bindgen_test]
async fn the_bank_grouping_has_one_group_for_the_fixture() {
    let root = groups(history(), GroupBy::Institution);
    assert_eq!(keys(&root, "li.bjh-group", "data-group"), ["AU00000"]);
    // The id shows until the demo names the bank.
    super::wait_for(&root, "li.bjh-group [data-institution=\"AU00000\"][title]").await;
    assert_eq!(text_of(&root, "li.bjh-group .bjh-group__key"), "Hooli Bank");
    assert_eq!(
        text_of(&root, "li.bjh-group .bjh-group__count"),
        "2 failed jobs"
    );
}

#[wasm_bindgen_test]
async fn connection_health_turns_failing_when_the_newest_job_fails() {
    let history = history();
    let root = mount(move || {
        view! { <HealthView history=history filter=Signal::stored(JobFilter::default()) clock=clock() /> }
            .into_any()
    });
    assert_eq!(keys(&root, "tr.bjh-health__row", "data-state"), ["healthy"]);
    assert_eq!(
        attr(&root, "tr .bjh-results", "aria-label"),
        "60% of the last 5 settled jobs succeeded"
    );
    let link = attr(&root, "tr a.bjh-health__link", "href");
    assert!(link.contains("connection=20c7663a-"), "{link}");

    history.receive_job(pending_fails("service-unavailable"));
    settle().await;
    assert_eq!(keys(&root, "tr.bjh-health__row", "data-state"), ["failing"]);
    assert_eq!(text_of(&root, "tr .bjh-health__streak"), "1 failure");
    assert_eq!(
        text_of(&root, "tr .bjh-health__code"),
        "service-unavailable"
    );
    assert!(text_of(&root, "tr .bjh-health__action").contains("bank"));
}

/// A successful job of the fixture list moved to another connection, `c0ffee00-…`.
fn job_on_another_connection() -> basiq_job_history::domain::Job {
    let list: Value = serde_json::from_str(LIST).unwrap();
    let item = list["data"][1]
        .to_string()
        .replace(
            "20c7663a-8da5-49bc-8a28-9337b83743d9",
            "c0ffee00-8da5-49bc-8a28-9337b83743d9",
        )
        .replace("51b9916c-", "0ther000-");
    parse_job(&serde_json::from_str(&item).unwrap()).unwrap()
}

#[wasm_bindgen_test]
async fn a_job_settling_rebuilds_only_its_connections_health_row() {
    let history = user_history();
    let list: Value = serde_json::from_str(LIST).unwrap();
    let mut jobs = parse_job_list(&list).unwrap().jobs;
    jobs.push(job_on_another_connection());
    history.receive_list(jobs, Vec::new());
    let root = mount(move || {
        view! { <HealthView history=history filter=Signal::stored(JobFilter::default()) clock=clock() /> }
            .into_any()
    });
    settle().await;
    let other = one(
        &root,
        r#"tr[data-connection="c0ffee00-8da5-49bc-8a28-9337b83743d9"]"#,
    );
    let mutations = Mutations::under(&other);
    let body = Mutations::under(&one(&root, "tbody"));
    history.receive_job(pending_fails("service-unavailable"));
    settle().await;
    assert_eq!(
        keys(&root, "tr.bjh-health__row", "data-state"),
        ["failing", "healthy"]
    );
    let records = mutations.records();
    assert!(
        records.is_empty(),
        "the other row is left alone: {records:#?}"
    );
    // The settled row out and its new one in (its place is the same).
    let records = body.records();
    assert!(
        records.len() <= 2,
        "{} records: {records:#?}",
        records.len()
    );
}
