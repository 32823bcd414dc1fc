//! Refreshing a connection: the button only where actions are allowed, and a confirmed refresh
//! shown at once as a Pending card at the top, sent once however often the button is clicked.

use super::{mount, settle, user_history, wait_for};
use basiq_demo::{DEMO_USER_ID, demo_jobs};
use basiq_job_history::api::backend::Backend;
use basiq_job_history::domain::{Job, JobFilter, parse_job};
use basiq_job_history::features::actions::RefreshDialog;
use basiq_job_history::features::history::{JobCard, JobList};
use basiq_job_history::live::{provide_live, provide_refresher};
use basiq_job_history::platform;
use basiq_job_history::poll::PollPolicy;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

/// The demo's jobs now: its user's, on its connections.
fn demo() -> Vec<Job> {
    let now = platform::now();
    let jobs = demo_jobs(now - chrono::TimeDelta::seconds(120), now);
    jobs.iter().filter_map(|job| parse_job(job).ok()).collect()
}

fn card(job: Job, read_only: Option<bool>) -> HtmlElement {
    let now = platform::now();
    mount(move || {
        if let Some(read_only) = read_only {
            provide_refresher(read_only, None);
        }
        view! { <JobCard job=Signal::stored(job) now=Signal::stored(now) detail_prefix=Signal::stored("/?job=".to_owned()) /> }.into_any()
    })
}

fn buttons(root: &HtmlElement) -> u32 {
    root.query_selector_all("[data-testid=refresh]")
        .unwrap()
        .length()
}

#[wasm_bindgen_test]
fn the_button_shows_only_when_actions_are_allowed_and_there_is_a_connection() {
    let jobs = demo();
    let job = jobs
        .iter()
        .find(|j| j.connection_id().is_some())
        .unwrap()
        .clone();
    let connection = job.connection_id().unwrap().to_owned();
    assert_eq!(
        buttons(&card(job.clone(), None)),
        0,
        "no refresher: read-only"
    );
    assert_eq!(buttons(&card(job.clone(), Some(true))), 0, "readOnly true");
    let allowed = card(job, Some(false));
    let button = allowed
        .query_selector("[data-testid=refresh]")
        .unwrap()
        .unwrap();
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some(format!("Refresh connection {connection}").as_str())
    );
    let report = jobs
        .iter()
        .find(|j| j.connection_id().is_none())
        .unwrap()
        .clone();
    assert_eq!(buttons(&card(report, Some(false))), 0, "nothing to refresh");
}

#[wasm_bindgen_test]
async fn a_confirmed_refresh_is_sent_once_and_its_job_shows_pending_at_the_top() {
    let history = user_history();
    let jobs = demo();
    let before = jobs.len();
    history.receive_list(jobs, Vec::new());
    let now = platform::now();
    let root = mount(move || {
        provide_live(Backend::demo(), PollPolicy::default());
        provide_refresher(false, Some(history));
        let clock = super::clock_at(now.timestamp());
        view! {
            <RefreshDialog />
            <JobList history=history filter=Signal::stored(JobFilter::default()) clock=clock />
        }
        .into_any()
    });
    let first: HtmlElement = wait_for(&root, "article[data-job-id] [data-testid=refresh]")
        .await
        .unchecked_into();
    first.click();
    let question = wait_for(&root, ".bjh-refresh-dialog__question").await;
    let text = question.text_content().unwrap_or_default();
    assert!(text.starts_with("Refresh connection "), "{text}");
    assert!(text.contains(" at "), "{text}");
    let confirm: HtmlElement = root
        .query_selector(".bjh-refresh-dialog .bjh-button--primary")
        .unwrap()
        .unwrap()
        .unchecked_into();
    confirm.click();
    confirm.click();
    let outcome = wait_for(&root, "[data-testid=refresh-outcome]").await;
    settle().await;
    let job = outcome.get_attribute("data-job-id").unwrap();
    assert!(
        outcome
            .text_content()
            .unwrap()
            .starts_with("Refresh started: job ")
    );
    let cards = root.query_selector_all("article[data-job-id]").unwrap();
    assert_eq!(cards.length() as usize, before + 1, "one new card, not two");
    let top = root
        .query_selector("article[data-job-id]")
        .unwrap()
        .unwrap();
    assert_eq!(
        top.get_attribute("data-job-id").as_deref(),
        Some(job.as_str())
    );
    assert_eq!(top.get_attribute("data-status").as_deref(), Some("pending"));
    assert_eq!(
        history.rows.with_untracked(|rows| rows[0]
            .job
            .with_untracked(|j| j.user_id().map(str::to_owned))),
        Some(DEMO_USER_ID.to_owned())
    );
}
