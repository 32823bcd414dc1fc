//! Listens for the host page's messages and tells it what happens: ready, resize, a job
//! selected, a job settled. Active only inside a frame whose host is an allowed origin.

use super::messages::{HostMessage, job_settled, origin_allowed, read_host_message, ready, resize};
use crate::config::Theme;
use crate::domain::CardStatus;
use crate::i18n::Locale;
use crate::live::expect_clock;
use crate::platform::viewer_offset;
use crate::url::{filter_from_query, use_set_filter};
use leptos::ev::message;
use leptos::prelude::*;
use leptos_use::{use_event_listener, use_resize_observer};
use serde_json::Value;
use std::collections::HashSet;
use web_sys::MessageEvent;

/// The link to the host page, shared through context so views can report events.
#[derive(Clone, Copy)]
pub struct Embed {
    allowed: StoredValue<Vec<String>>,
    host: StoredValue<Option<String>>,
    /// The jobs whose settling was told, each told once however many views saw it.
    settled: StoredValue<HashSet<String>>,
}

fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    Some(format!("{scheme}://{}", rest.split('/').next()?))
}

impl Embed {
    /// The host is the referrer's origin when it is allowed (or the only allowed origin); the
    /// app is not embedded when it is the top window.
    pub fn new(allowed: &[String]) -> Self {
        let framed = window()
            .parent()
            .ok()
            .flatten()
            .is_some_and(|parent| parent != window());
        let referrer = document().referrer();
        let host = framed
            .then(|| {
                origin_of(&referrer)
                    .filter(|o| origin_allowed(o, allowed))
                    .or_else(|| {
                        (allowed.len() == 1).then(|| allowed[0].trim_end_matches('/').to_owned())
                    })
            })
            .flatten();
        Self {
            allowed: StoredValue::new(allowed.to_vec()),
            host: StoredValue::new(host),
            settled: StoredValue::new(HashSet::new()),
        }
    }

    /// Tells the host page that job `id` settled as `status`: once per job, whether the
    /// history showed it settle, the watcher heard of it, or both.
    pub fn post_settled(&self, id: &str, status: CardStatus) {
        if self.active()
            && self
                .settled
                .try_update_value(|told| told.insert(id.to_owned()))
                == Some(true)
        {
            self.post(&job_settled(id, status));
        }
    }

    /// Whether a host page is listening.
    pub fn active(&self) -> bool {
        self.host.with_value(Option::is_some)
    }

    /// Sends a message to the host page (only ever to its allowed origin).
    pub fn post(&self, value: &Value) {
        let Some(origin) = self.host.get_value() else {
            return;
        };
        let (Ok(Some(parent)), Ok(data)) =
            (window().parent(), js_sys::JSON::parse(&value.to_string()))
        else {
            return;
        };
        let _ = parent.post_message(&data, &origin);
    }
}

fn message_data(event: &MessageEvent) -> Option<Value> {
    let text = js_sys::JSON::stringify(&event.data()).ok()?.as_string()?;
    serde_json::from_str(&text).ok()
}

/// The bridge: mounted once in the app shell. A host's token goes to `on_token` (with its
/// lifetime in seconds), its theme to `theme`, its language to `language`.
#[component]
pub fn EmbedBridge(
    #[prop(into)] on_token: Callback<(String, Option<u64>)>,
    theme: RwSignal<Theme>,
    language: RwSignal<Locale>,
) -> impl IntoView {
    let embed = expect_context::<Embed>();
    if !embed.active() {
        return;
    }
    let set_filter = use_set_filter();
    let clock = expect_clock();
    let _ = use_event_listener(window(), message, move |event: MessageEvent| {
        if !embed
            .allowed
            .with_value(|allowed| origin_allowed(&event.origin(), allowed))
        {
            return;
        }
        match message_data(&event).as_ref().and_then(read_host_message) {
            Some(HostMessage::SetToken { token, expires_in }) => on_token.run((token, expires_in)),
            Some(HostMessage::SetTheme(choice)) => theme.set(choice),
            Some(HostMessage::SetLocale(choice)) => language.set(choice),
            Some(HostMessage::SetFilters(pairs)) => {
                let pairs = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()));
                let now = clock.now_untracked();
                set_filter(filter_from_query(pairs, viewer_offset(now), now), false);
            }
            None => {}
        }
    });
    let Some(page) = document().body() else {
        return;
    };
    let _ = use_resize_observer(page, move |_, _| {
        let height = document()
            .document_element()
            .map_or(0, |root| root.scroll_height().max(0) as u32);
        embed.post(&resize(height));
    });
    embed.post(&ready());
}
