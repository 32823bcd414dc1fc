//! Component tests in headless Chromium: real components mounted into the document, their DOM
//! read back.
#![cfg(target_arch = "wasm32")]

mod actions;
mod banks;
mod client;
mod job_card;
mod job_list;
mod saved;
mod triage;
mod watch;

use basiq_job_history::api::backend::{Backend, JobScope};
use basiq_job_history::domain::{Job, parse_job};
use basiq_job_history::i18n::Locale;
use basiq_job_history::live::{Clock, Institutions, JobHistory};
use basiq_job_history::poll::PollPolicy;
use basiq_job_history::{App, provide_language};
use leptos::prelude::*;
use leptos_router::components::Router;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test_configure;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A clock standing still at `seconds` after the epoch.
pub fn clock_at(seconds: i64) -> Clock {
    Clock::still(chrono::DateTime::from_timestamp(seconds, 0).unwrap())
}

/// An empty history of one user's jobs on the demo backend, with nothing polling it: tests
/// feed it answers.
pub fn user_history() -> JobHistory {
    let scope = Signal::stored(JobScope::User {
        user: "user".to_owned(),
        connection: None,
    });
    JobHistory::new(Backend::demo(), scope, PollPolicy::default())
}

/// Parses a job fixture's text.
pub fn fixture(text: &str) -> Job {
    parse_job(&serde_json::from_str(text).expect("fixture is JSON")).expect("fixture parses")
}

/// The app's stylesheets, in index.html's order (the cascade's).
const STYLESHEETS: [&str; 7] = [
    include_str!("../../style/theme.css"),
    include_str!("../../style/app.css"),
    include_str!("../../style/job-card.css"),
    include_str!("../../style/history.css"),
    include_str!("../../style/triage.css"),
    include_str!("../../style/detail.css"),
    include_str!("../../style/shortcuts.css"),
];

/// Adds the app's stylesheets to the test page once, so layout is tested with the real CSS.
fn add_stylesheet(document: &web_sys::Document) {
    if document.get_element_by_id("bjh-test-style").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("bjh-test-style");
        style.set_text_content(Some(&STYLESHEETS.join("\n")));
        document.head().unwrap().append_child(&style).unwrap();
    }
}

/// A fresh container, a `bjh-app` as in the app.
fn container() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    add_stylesheet(&document);
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    container.set_class_name("bjh-app");
    document.body().unwrap().append_child(&container).unwrap();
    container
}

/// Mounts a view into a fresh container, inside a router as in the app (links read the page's
/// URL), with the demo's banks as the directory of institutions, and returns the container.
pub fn mount(view: impl FnOnce() -> AnyView + Send + 'static) -> HtmlElement {
    mount_in(Locale::en, view)
}

/// Mounts a view as [`mount`] does, with the app speaking `locale`.
pub fn mount_in(locale: Locale, view: impl FnOnce() -> AnyView + Send + 'static) -> HtmlElement {
    let container = container();
    // A base no link matches: components read the URL, but every page's clicks are left to the
    // whole app's own router (several routers pushing history for one click would break back).
    let routed = move || {
        provide_context(Institutions::new(Backend::demo()));
        provide_language().0.set(locale);
        view! { <Router base="/__component-test">{view()}</Router> }
    };
    std::mem::forget(leptos::mount::mount_to(container.clone(), routed));
    container
}

/// Mounts the whole app (it brings its own router) and returns the container.
pub fn mount_app() -> HtmlElement {
    let container = container();
    std::mem::forget(leptos::mount::mount_to(container.clone(), App));
    container
}

/// The one element matching `selector`.
pub fn one(root: &HtmlElement, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

/// The text of the element matching `selector`.
pub fn text_of(root: &HtmlElement, selector: &str) -> String {
    one(root, selector).text_content().unwrap_or_default()
}

/// An attribute of the element matching `selector`.
pub fn attr(root: &HtmlElement, selector: &str, name: &str) -> String {
    one(root, selector).get_attribute(name).unwrap_or_default()
}

/// The first job card.
pub fn article(root: &HtmlElement) -> Element {
    one(root, "article.bjh-card")
}

/// Waits (up to 5 s) until an element matches `selector`, for views that load asynchronously.
pub async fn wait_for(root: &HtmlElement, selector: &str) -> Element {
    for _ in 0..250 {
        if let Some(element) = root.query_selector(selector).unwrap() {
            return element;
        }
        settle().await;
    }
    panic!("nothing matched {selector} within 5 s");
}

/// Records the DOM mutations (attributes, text, children) under an element from the moment it
/// is made, as a `MutationObserver` reports them, each as "kind attribute target".
pub struct Mutations {
    observer: web_sys::MutationObserver,
    seen: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

/// One record in words: its kind, the attribute it set, the class of the element it touched.
fn describe(record: &web_sys::MutationRecord) -> String {
    let target = record.target();
    let element = target
        .as_ref()
        .and_then(|node| match node.dyn_ref::<Element>() {
            Some(element) => Some(element.clone()),
            None => node.parent_element(),
        });
    let name = element
        .map(|e| {
            format!(
                "{}.{}",
                e.tag_name().to_lowercase(),
                e.get_attribute("class").unwrap_or_default()
            )
        })
        .unwrap_or_default();
    let attribute = record.attribute_name().unwrap_or_default();
    format!("{} {attribute} {name}", record.type_())
}

impl Mutations {
    /// Starts recording under `root`.
    pub fn under(root: &Element) -> Self {
        let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new({
            let seen = seen.clone();
            move |records: js_sys::Array| {
                let mut seen = seen.borrow_mut();
                seen.extend(records.iter().map(|r| describe(r.unchecked_ref())));
            }
        });
        let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
        let options = web_sys::MutationObserverInit::new();
        options.set_subtree(true);
        options.set_child_list(true);
        options.set_attributes(true);
        options.set_character_data(true);
        observer.observe_with_options(root, &options).unwrap();
        Self {
            observer,
            seen,
            _callback: callback,
        }
    }

    /// The records so far, including those not yet delivered.
    pub fn records(&self) -> Vec<String> {
        let pending = self.observer.take_records();
        let mut seen = self.seen.borrow_mut();
        seen.extend(pending.iter().map(|r| describe(r.unchecked_ref())));
        seen.clone()
    }
}

/// Lets scheduled effects run.
pub async fn settle() {
    gloo_timers::future::sleep(Duration::from_millis(20)).await;
}
