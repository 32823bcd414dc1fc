//! The few facts only the browser knows: the current time, the viewer's time zone, whether the
//! page is shown, randomness, where the app was loaded from and mounts, what the loader
//! started before the wasm ran, and browser notifications. Views whose whole job is the browser (theme storage, the embed
//! bridge, keyboard focus) call it where they are, through leptos and leptos-use.
//! Everything that can be pure lives in [`crate::domain`]; this module is the thin edge.

use chrono::{DateTime, FixedOffset, Utc};
use std::future::Future;
use wasm_bindgen::{JsCast, JsValue};

/// The current instant, from the browser clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// A random number in `[0, 1)`, for spreading retries (jitter).
pub fn random() -> f64 {
    js_sys::Math::random()
}

/// Whether the page is shown now (not a background tab or a minimised window).
pub fn page_visible() -> bool {
    leptos::prelude::document().visibility_state() == web_sys::VisibilityState::Visible
}

/// The viewer's UTC offset at a given instant (so daylight saving is right for that date).
pub fn viewer_offset(at: DateTime<Utc>) -> FixedOffset {
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let west_seconds = (date.get_timezone_offset() * 60.0) as i32;
    FixedOffset::west_opt(west_seconds)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"))
}

/// The viewer's IANA time zone name (`Australia/Sydney`), when the browser reports one: from
/// `Temporal.Now.timeZoneId()` where there is Temporal (~0.1 ms), else from `Intl`, whose first
/// use costs tens of milliseconds while it starts up.
pub fn viewer_zone_name() -> Option<String> {
    let temporal_zone = || -> Option<String> {
        let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).ok();
        let now = get(&get(&js_sys::global(), "Temporal")?, "Now")?;
        let zone_id: js_sys::Function = get(&now, "timeZoneId")?.dyn_into().ok()?;
        zone_id.call0(&now).ok()?.as_string()
    };
    temporal_zone().or_else(|| {
        let format =
            js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
        js_sys::Reflect::get(&format.resolved_options(), &JsValue::from_str("timeZone"))
            .ok()?
            .as_string()
    })
}

/// A promise the loader started and left under `__basiqJobHistory[key]` (see
/// scripts/loader/start.js), taken once: the key is removed.
fn take_started(key: &str) -> Option<js_sys::Promise> {
    let state = js_sys::Reflect::get(&js_sys::global(), &"__basiqJobHistory".into()).ok()?;
    let key = JsValue::from_str(key);
    let promise = js_sys::Reflect::get(&state, &key).ok()?.dyn_into().ok()?;
    js_sys::Reflect::delete_property(state.unchecked_ref::<js_sys::Object>(), &key).ok()?;
    Some(promise)
}

/// The message of a rejected promise's reason (a JS `Error`), for the user.
fn rejection_message(reason: &JsValue) -> String {
    reason
        .dyn_ref::<js_sys::Error>()
        .map_or_else(|| "unknown error".to_owned(), |e| e.message().into())
}

/// The answer to `config.json` the loader asked for while the wasm was loading, with its body's
/// text (`None` when the body could not be read), taken once; `None` when the app was not
/// started by that loader.
pub async fn prefetched_config() -> Option<Result<(web_sys::Response, Option<String>), String>> {
    let answer = wasm_bindgen_futures::JsFuture::from(take_started("configAnswer")?).await;
    Some(
        answer
            .map(|pair| {
                let pair: js_sys::Array = pair.unchecked_into();
                (pair.get(0).unchecked_into(), pair.get(1).as_string())
            })
            .map_err(|reason| rejection_message(&reason)),
    )
}

/// The app's first API request, which the loader made once config.json was read: the URL it
/// asked for, `fetch`'s answer to come with its body, and the request's abort controller; taken
/// once; `None` when it made none.
pub async fn prefetched_answer() -> Option<(
    String,
    impl Future<Output = Result<(web_sys::Response, Vec<u8>), String>>,
    web_sys::AbortController,
)> {
    let first = wasm_bindgen_futures::JsFuture::from(take_started("firstAnswer")?)
        .await
        .ok()?;
    let pair: js_sys::Array = first.dyn_into().ok()?;
    let answer =
        wasm_bindgen_futures::JsFuture::from(pair.get(1).dyn_into::<js_sys::Promise>().ok()?);
    let answer = async move {
        let answer: js_sys::Array = answer
            .await
            .map_err(|reason| rejection_message(&reason))?
            .unchecked_into();
        let body = js_sys::Uint8Array::new(&answer.get(1)).to_vec();
        Ok((answer.get(0).unchecked_into(), body))
    };
    Some((
        pair.get(0).as_string()?,
        answer,
        pair.get(2).dyn_into().ok()?,
    ))
}

/// Runs `f` once the browser has painted the current frame (two animation frames from now).
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || leptos::prelude::request_animation_frame(f));
}

/// The viewport's height in CSS pixels (0 when unknown).
pub fn viewport_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
}

/// The page's own path (`/tools/jobs/`): the app's links all lead here, with a query.
pub fn page_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into())
}

/// Where the app mounts: the host page's `[data-basiq-job-history]` element when there is one
/// (the app mounted in a developer portal's page), else `<body>` (standalone or in an iframe).
pub fn mount_point() -> web_sys::HtmlElement {
    let document = leptos::prelude::document();
    document
        .query_selector("[data-basiq-job-history]")
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into().ok())
        .or_else(|| document.body())
        .expect("a page with a <body>")
}

/// `name` resolved against the app's own base URL: the folder its loader script came from
/// (`<script data-bjh-loader>`), which differs from the page's when a host page mounts the app
/// from another path or a CDN; the page's own URL otherwise.
pub fn app_asset_url(name: &str) -> String {
    let document = leptos::prelude::document();
    let base = document
        .query_selector("script[data-bjh-loader]")
        .ok()
        .flatten()
        .and_then(|script| script.get_attribute("src"))
        .and_then(|src| web_sys::Url::new_with_base(&src, &document.url().ok()?).ok())
        .map(|url| url.href())
        .or_else(|| document.url().ok());
    base.and_then(|base| web_sys::Url::new_with_base(name, &base).ok())
        .map_or_else(|| name.to_owned(), |url| url.href())
}

/// Whether a host page mounted the app into its own element (rather than the app owning the page).
pub fn mounted_in_host() -> bool {
    mount_point().tag_name() != "BODY"
}

/// Leaves a User Timing mark (`performance.mark`), named `bjh:<what>`, where start-up reaches
/// a milestone; the benchmark reads them to say where the time goes, and so can DevTools.
pub fn mark(what: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(&format!("bjh:{what}"));
    }
}

/// Whether the app may tell the reader something by a browser notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotificationAccess {
    /// The browser has no notifications (or none for pages).
    Unsupported,
    /// Not asked yet (or the reader closed the question unanswered).
    NotAsked,
    /// Allowed.
    Granted,
    /// Refused, for this site, until the reader changes it in the browser.
    Denied,
}

/// Where notifications stand for this page.
pub fn notification_access() -> NotificationAccess {
    let supported = js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("Notification"))
        .unwrap_or(false);
    if !supported {
        return NotificationAccess::Unsupported;
    }
    match web_sys::Notification::permission() {
        web_sys::NotificationPermission::Granted => NotificationAccess::Granted,
        web_sys::NotificationPermission::Denied => NotificationAccess::Denied,
        _ => NotificationAccess::NotAsked,
    }
}

/// Asks the reader to allow notifications (call it only from their click) and says what they
/// answered.
pub async fn ask_notification_access() -> NotificationAccess {
    if notification_access() == NotificationAccess::NotAsked
        && let Ok(question) = web_sys::Notification::request_permission()
    {
        let _ = wasm_bindgen_futures::JsFuture::from(question).await;
    }
    notification_access()
}

/// Shows a browser notification (`tag`: a later one with the same tag replaces it); a click on
/// it brings the page to the front, runs `on_click` and closes it. `false` when the browser
/// would not show it (not allowed, or pages cannot create them, as on Android).
pub fn notify(title: &str, body: &str, tag: &str, on_click: impl FnOnce() + 'static) -> bool {
    if notification_access() != NotificationAccess::Granted {
        return false;
    }
    let options = web_sys::NotificationOptions::new();
    options.set_body(body);
    options.set_tag(tag);
    let Ok(notification) = web_sys::Notification::new_with_options(title, &options) else {
        return false;
    };
    let shown = notification.clone();
    let click = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.focus();
        }
        on_click();
        shown.close();
    });
    notification.set_onclick(Some(click.unchecked_ref()));
    true
}

/// localStorage, when the browser lets this page have it: in a third-party frame it may not,
/// and the app must still run.
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The text kept under `key` in localStorage, if any (and if storage is allowed).
pub fn stored(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Keeps `value` under `key` in localStorage, where storage is allowed (else nothing is kept).
pub fn store(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Offers `text` to the reader as a file named `name` (a download of a `blob:` URL, revoked once
/// the browser has taken it). False when the browser refused.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let offer = || -> Option<()> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = leptos::prelude::document();
        let link: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(name);
        link.click();
        leptos::prelude::set_timeout(
            move || {
                let _ = web_sys::Url::revoke_object_url(&url);
            },
            std::time::Duration::from_secs(1),
        );
        Some(())
    };
    offer().is_some()
}

/// A file the reader picked or dropped: its name, its size in bytes (known before it is read),
/// and its text once read.
pub struct PickedFile(web_sys::File);

impl PickedFile {
    /// The file's name.
    pub fn name(&self) -> String {
        self.0.name()
    }

    /// Its size in bytes.
    pub fn size(&self) -> u64 {
        self.0.size() as u64
    }

    /// Reads it whole as UTF-8 text (`Blob.text()`).
    pub async fn text(&self) -> Result<String, String> {
        let text = wasm_bindgen_futures::JsFuture::from(self.0.text())
            .await
            .map_err(|reason| rejection_message(&reason))?;
        text.as_string()
            .ok_or_else(|| "the file could not be read as text".to_owned())
    }
}

/// The first file of a file input's `change` event.
pub fn picked_file(event: &web_sys::Event) -> Option<PickedFile> {
    let input: web_sys::HtmlInputElement = event.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0)?;
    // Picking the same file again must fire `change` again.
    input.set_value("");
    Some(PickedFile(file))
}

/// The first file of a drop.
pub fn dropped_file(event: &web_sys::DragEvent) -> Option<PickedFile> {
    Some(PickedFile(event.data_transfer()?.files()?.get(0)?))
}

/// Whether a drag carries files (not text or a link dragged within the page).
pub fn drags_files(event: &web_sys::DragEvent) -> bool {
    event
        .data_transfer()
        .is_some_and(|transfer| transfer.types().includes(&"Files".into(), 0))
}
