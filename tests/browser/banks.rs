//! Bank names and outage marks over the mock Basiq server: ids show until
//! `GET /institutions/{id}` answers, each bank is asked for once however many rows name it, an
//! outage is marked, and a bank whose answer fails keeps its id.

use super::client::{client, control, requests};
use super::{clock_at, mount, settle, text_of, user_history, wait_for};
use basiq_demo::DEMO_USER_ID;
use basiq_job_history::api::backend::Backend;
use basiq_job_history::domain::{GroupBy, JobFilter, parse_job};
use basiq_job_history::features::triage::{FailureGroupsView, HealthView};
use basiq_job_history::live::Institutions;
use leptos::prelude::*;
use serde_json::json;
use std::collections::BTreeSet;
use wasm_bindgen_test::wasm_bindgen_test;

/// How many `GET /institutions/…` the mock has answered so far.
async fn institution_requests() -> usize {
    let log = requests().await;
    log.iter()
        .filter(|r| {
            r["method"] == "GET"
                && r["url"]
                    .as_str()
                    .is_some_and(|url| url.starts_with("/institutions/"))
        })
        .count()
}

#[wasm_bindgen_test]
async fn banks_are_named_once_each_and_an_outage_is_marked() {
    let page = client().list_jobs(DEMO_USER_ID, None).await.unwrap();
    let banks: BTreeSet<String> = page
        .jobs
        .iter()
        .filter_map(|job| job.institution_id.clone())
        .collect();
    assert!(banks.len() >= 3, "{banks:?}");
    // Slow answers, so the ids are seen first.
    let times = banks.len();
    control(
        "/faults",
        json!({"match": "/institutions/", "fault": "slow:400", "times": times}),
    )
    .await;
    let before = institution_requests().await;
    let history = user_history();
    history.receive_list(page.jobs, Vec::new());
    let directory = Institutions::new(Backend::Http(client()));
    let root = mount(move || {
        provide_context(directory);
        let (filter, clock) = (
            Signal::stored(JobFilter::default()),
            clock_at(1_764_000_000),
        );
        view! {
            <FailureGroupsView history filter by=Signal::stored(GroupBy::Institution) clock />
            <HealthView history filter clock />
        }
        .into_any()
    });
    settle().await;
    let nimbus = "li.bjh-group[data-group=\"AU15301\"] .bjh-group__key";
    assert_eq!(text_of(&root, nimbus), "AU15301");
    let notice = wait_for(
        &root,
        "li.bjh-group[data-group=\"AU15301\"] .bjh-bank-notice",
    )
    .await;
    assert_eq!(
        notice.text_content().unwrap(),
        "⚠ Nimbus Bank reports an outage: wait"
    );
    assert_eq!(text_of(&root, nimbus), "Nimbus Bank");
    // The mock answers the slowed requests one after another: wait for Hooli's too.
    wait_for(
        &root,
        "li.bjh-group[data-group=\"AU00000\"] .bjh-group__key [title]",
    )
    .await;
    assert_eq!(
        text_of(
            &root,
            "li.bjh-group[data-group=\"AU00000\"] .bjh-group__key"
        ),
        "Hooli Bank"
    );
    // An operational bank carries no mark; the health rows at Nimbus carry it too.
    assert!(
        root.query_selector("li.bjh-group[data-group=\"AU00000\"] .bjh-bank-notice")
            .unwrap()
            .is_none()
    );
    let nimbus_rows = root
        .query_selector_all("tr.bjh-health__row [data-institution=\"AU15301\"].bjh-bank-notice")
        .unwrap();
    assert!(nimbus_rows.length() >= 1);
    // One request per bank, though groups and rows name them several times over.
    assert_eq!(institution_requests().await - before, banks.len());
}

#[wasm_bindgen_test]
async fn a_bank_whose_answer_fails_keeps_its_id() {
    let list = include_str!("../../../shared/basiq/fixtures/jobs-list-connection.json");
    let list: serde_json::Value = serde_json::from_str(list).unwrap();
    let mut jobs = Vec::new();
    // Two jobs on two connections, at a bank the API does not know and at one that fails.
    for (index, bank) in ["AU99999", "AU00000"].into_iter().enumerate() {
        let mut item = list["data"][1 + index].clone();
        item["institution"]["id"] = json!(bank);
        item["links"]["source"] = json!(format!(
            "https://au-api.basiq.io/users/u/connections/c{index}"
        ));
        jobs.push(parse_job(&item).unwrap());
    }
    control(
        "/faults",
        json!({"match": "/institutions/AU00000", "fault": "503", "times": 1}),
    )
    .await;
    let before = institution_requests().await;
    let history = user_history();
    history.receive_list(jobs, Vec::new());
    let directory = Institutions::new(Backend::Http(client()));
    let root = mount(move || {
        provide_context(directory);
        let clock = clock_at(1_742_100_000);
        view! { <HealthView history filter=Signal::stored(JobFilter::default()) clock /> }
            .into_any()
    });
    // Both answers come (a 404 and a 503), and neither replaces the id.
    for _ in 0..100 {
        if institution_requests().await - before == 2 {
            break;
        }
        settle().await;
    }
    assert_eq!(institution_requests().await - before, 2);
    settle().await;
    let mut shown: Vec<String> = {
        let nodes = root
            .query_selector_all("tr.bjh-health__row .bjh-bank")
            .unwrap();
        (0..nodes.length())
            .map(|i| nodes.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    shown.sort();
    assert_eq!(shown, ["AU00000", "AU99999"]);
    assert!(root.query_selector(".bjh-bank[title]").unwrap().is_none());
}
