//! Saved files: the notice of what opening a file came to (refused in the file's own words as
//! text, opened with the bad items named, ten at most), Dismiss, and the badge whose Close
//! button puts the API back.

use super::{mount, one, settle, text_of};
use basiq_job_history::config::SavedLabel;
use basiq_job_history::domain::{ImportError, ItemProblem, LeftOut, read_saved_file};
use basiq_job_history::features::saved::{
    OpenFileNotice, OpenOutcome, SavedBadge, SavedFiles, provide_saved_files,
};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

fn page(label: Option<SavedLabel>) -> (HtmlElement, SavedFiles) {
    let (sender, files) = std::sync::mpsc::channel();
    let root = mount(move || {
        sender.send(provide_saved_files()).unwrap();
        view! {
            {label.map(|label| view! { <SavedBadge label /> })}
            <OpenFileNotice />
        }
        .into_any()
    });
    (root, files.recv().unwrap())
}

#[wasm_bindgen_test]
async fn a_refused_file_is_told_as_text_and_dismissed() {
    let (root, files) = page(None);
    settle().await;
    assert!(
        root.query_selector("[data-testid=open-file-notice]")
            .unwrap()
            .is_none()
    );
    let name = "<img src=x onerror=alert(1)>.json".to_owned();
    files.outcome.set(Some(OpenOutcome::Refused(
        name,
        ImportError::TooLarge(50 << 20),
    )));
    settle().await;
    let notice = one(&root, "[data-testid=open-file-notice]");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        text_of(&root, ".bjh-notice__title"),
        "<img src=x onerror=alert(1)>.json was not opened. The file is 50 MB; the dashboard opens files of up to 20 MB."
    );
    assert!(root.query_selector("img").unwrap().is_none());
    one(&root, "[data-testid=open-file-notice] button")
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;
    assert!(
        root.query_selector("[data-testid=open-file-notice]")
            .unwrap()
            .is_none()
    );
    assert_eq!(files.outcome.get_untracked(), None);
}

#[wasm_bindgen_test]
async fn an_opened_file_names_ten_bad_items_and_counts_the_rest() {
    let (root, files) = page(None);
    let left_out = (0..12)
        .map(|index| ItemProblem {
            index,
            id: None,
            reason: LeftOut::Duplicate,
        })
        .collect();
    files.outcome.set(Some(OpenOutcome::Opened {
        name: "f.json".into(),
        jobs: 1,
        left_out,
    }));
    settle().await;
    assert_eq!(
        text_of(&root, ".bjh-notice__title"),
        "Opened f.json: 1 job. 12 items could not be read:"
    );
    let items = root.query_selector_all(".bjh-notice__items li").unwrap();
    assert_eq!(items.length(), 11);
    assert_eq!(
        items.item(0).unwrap().text_content().unwrap(),
        "item 1: duplicate job id: the copy updated last is shown"
    );
    assert_eq!(
        items.item(10).unwrap().text_content().unwrap(),
        "and 2 more"
    );
}

#[wasm_bindgen_test]
async fn the_badge_says_when_the_file_was_taken_and_close_puts_the_api_back() {
    let text = r#"{"type":"basiq-job-history-export","version":1,"exportedAt":"2025-03-14T12:00:00Z","jobs":[]}"#;
    let saved = read_saved_file(text, "f.json").unwrap();
    let at = saved.taken.unwrap();
    let label = SavedLabel {
        name: "f.json".into(),
        taken: Some(at),
        as_of: at,
    };
    let (root, files) = page(Some(label));
    files.opened.set(Some(Arc::new(saved)));
    settle().await;
    let badge = text_of(&root, "[data-testid=saved-badge]");
    assert!(
        badge.starts_with("Saved file · taken 14 Mar 2025, "),
        "{badge}"
    );
    assert!(badge.contains(" UTC"), "the zone is named: {badge}");
    one(&root, "[data-testid=close-file]")
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;
    assert!(files.opened.get_untracked().is_none());
}
