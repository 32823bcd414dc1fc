//! The language the app speaks and the picker beside the theme button. The viewer's choice is
//! remembered in localStorage (`bjh-lang`) only once they make one; a host page's message sets
//! it too. Sets `lang` on the app's root, and on `<html>` when the app owns the page.

use crate::config::language::{choices, initial_locale};
use crate::i18n::{Locale, t_string, use_i18n};
use crate::platform;
use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_i18n::context::init_i18n_subcontext;
use leptos_use::use_locales;

const KEY: &str = "bjh-lang";

/// The language in force, shared by the picker, the configuration and the embed bridge.
#[derive(Clone, Copy, Debug)]
pub struct Language(pub RwSignal<Locale>);

impl Language {
    /// Applies the configured language, unless the viewer has chosen one.
    pub fn configure(self, configured: Option<Locale>) {
        if let Some(locale) = configured.filter(|_| platform::stored(KEY).is_none()) {
            self.0.set(locale);
        }
    }
}

/// Provides the language (remembered, else the browser's) and the translations' context.
pub fn provide_language() -> Language {
    let browser = use_locales().get_untracked();
    let remembered = platform::stored(KEY);
    let locale = RwSignal::new(initial_locale(remembered.as_deref(), None, &browser));
    provide_context(init_i18n_subcontext::<Locale>(Some(locale.into())));
    if !platform::mounted_in_host() {
        Effect::new(move |_| {
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", locale.get().as_str());
            }
        });
    }
    let language = Language(locale);
    provide_context(language);
    language
}

/// The language menu; the viewer's choice is remembered.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let Language(locale) = expect_context::<Language>();
    let i18n = use_i18n();
    let choose = move |event| {
        if let Ok(chosen) = event_target_value(&event).parse::<Locale>() {
            locale.set(chosen);
            platform::store(KEY, chosen.as_str());
        }
    };
    view! {
        <select
            class="bjh-field__input bjh-language"
            data-testid="language"
            aria-label=move || t_string!(i18n, app.language)
            on:change=choose
        >
            {choices()
                .map(|(choice, name)| {
                    view! {
                        <option value=choice.as_str() lang=choice.as_str() selected=move || locale.get() == choice>
                            {name}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}
