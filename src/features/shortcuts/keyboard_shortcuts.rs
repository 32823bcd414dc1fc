//! Listens for the shortcuts on the document and acts on the focused card; renders the help.

use super::{SHORTCUTS, Shortcut, shortcut};
use crate::components::Clipboard;
use crate::features::history::{CARD_LINK_SELECTOR, CARD_SELECTOR, SEARCH_SELECTOR};
use crate::i18n::{t_string, use_i18n};
use crate::platform;
use crate::url::{use_go, use_list_href, use_shown_job};
use leptos::ev::keydown;
use leptos::prelude::*;
use leptos_use::use_event_listener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

fn focused() -> Option<Element> {
    document().active_element()
}

fn focused_card() -> Option<Element> {
    focused()?.closest(CARD_SELECTOR).ok().flatten()
}

fn focus(element: Option<Element>) {
    if let Some(element) = element.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Moves focus `step` cards from the focused one (to the first card when none is focused).
fn move_focus(step: i32) {
    let Ok(cards) = document().query_selector_all(CARD_SELECTOR) else {
        return;
    };
    let count = cards.length() as i32;
    if count == 0 {
        return;
    }
    let current = focused_card();
    let index = (0..count)
        .find(|&i| cards.item(i as u32).map(|n| n.unchecked_into::<Element>()) == current);
    let next = match index {
        Some(i) => (i + step).clamp(0, count - 1),
        None => 0,
    };
    focus(cards.item(next as u32).map(|n| n.unchecked_into()));
}

fn is_field(element: &Element) -> bool {
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.has_attribute("contenteditable")
}

/// The shortcut handler and its help dialog.
#[component]
pub fn KeyboardShortcuts() -> impl IntoView {
    let i18n = use_i18n();
    let help = RwSignal::new(false);
    let clipboard = Clipboard::expect();
    let (shown, list, navigate) = (use_shown_job(), use_list_href(), use_go());
    // Mounted in a host page, keys belong to the host unless focus is inside the app.
    let mounted = platform::mounted_in_host();
    let _ = use_event_listener(document(), keydown, move |event: KeyboardEvent| {
        let inside = |e: Element| e.closest(".bjh-app").ok().flatten().is_some();
        if mounted && !focused().is_some_and(inside) {
            return;
        }
        let modified = event.ctrl_key() || event.alt_key() || event.meta_key();
        let in_field = focused().is_some_and(|e| is_field(&e));
        let on_card = focused().is_some_and(|e| e.matches(CARD_SELECTOR).unwrap_or(false));
        let Some(action) = shortcut(&event.key(), modified, in_field, on_card) else {
            return;
        };
        event.prevent_default();
        match action {
            Shortcut::FocusSearch => {
                focus(document().query_selector(SEARCH_SELECTOR).ok().flatten())
            }
            Shortcut::NextCard => move_focus(1),
            Shortcut::PreviousCard => move_focus(-1),
            Shortcut::OpenCard => {
                let link = focused_card()
                    .and_then(|card| card.query_selector(CARD_LINK_SELECTOR).ok().flatten());
                if let Some(link) = link.and_then(|l| l.dyn_into::<HtmlElement>().ok()) {
                    link.click();
                }
            }
            Shortcut::CopyId => {
                if let Some(id) = focused_card().and_then(|card| card.get_attribute("data-job-id"))
                {
                    clipboard.copy(&id);
                }
            }
            Shortcut::ToggleHelp => help.update(|shown| *shown = !*shown),
            Shortcut::Back if help.get_untracked() => help.set(false),
            Shortcut::Back if in_field => {
                if let Some(field) = focused().and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                    let _ = field.blur();
                }
            }
            Shortcut::Back if shown.with_untracked(Option::is_some) => {
                navigate(&list.get_untracked(), false);
            }
            Shortcut::Back => {}
        }
    });
    view! {
        <Show when=move || help.get()>
            <div class="bjh-help" role="dialog" aria-label=move || t_string!(i18n, shortcuts.title) data-testid="shortcuts">
                <h2 class="bjh-help__title">{move || t_string!(i18n, shortcuts.title)}</h2>
                <dl class="bjh-help__list">
                    {SHORTCUTS
                        .iter()
                        .map(|&(key, arrow, does)| {
                            let arrow = arrow.map(|arrow| {
                                view! { " " {move || t_string!(i18n, shortcuts.or)} " " <kbd>{arrow}</kbd> }
                            });
                            view! { <dt><kbd>{key}</kbd>{arrow}</dt><dd>{move || does(i18n.get_locale())}</dd> }
                        })
                        .collect_view()}
                </dl>
                <button class="bjh-button" type="button" on:click=move |_| help.set(false)>{move || t_string!(i18n, common.close)}</button>
            </div>
        </Show>
    }
}
