//! Light and dark themes: the OS preference by default, or the viewer's choice, remembered in
//! localStorage only once they make one (`bjh-theme`). Sets `data-bjh-theme` on `<html>`.

use crate::config::Theme;
use crate::i18n::{Locale, td_string, use_i18n};
use crate::platform;
use leptos::prelude::*;
use leptos_use::use_preferred_dark;

const KEY: &str = "bjh-theme";

/// The theme in force (the toggle and a host page's message set it): the viewer's remembered
/// choice, else `initial`; applied to `<html>` as it changes.
pub fn use_theme(initial: Theme) -> RwSignal<Theme> {
    let remembered = platform::stored(KEY).and_then(|name| Theme::from_name(&name));
    let theme = RwSignal::new(remembered.unwrap_or(initial));
    let os_dark = use_preferred_dark();
    Effect::new(move |_| {
        let dark = theme.get().is_dark(os_dark.get());
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-bjh-theme", if dark { "dark" } else { "light" });
        }
    });
    theme
}

/// The theme button; the viewer's choice is remembered.
#[component]
pub fn ThemeToggle(theme: RwSignal<Theme>) -> impl IntoView {
    let i18n = use_i18n();
    let choose = move |_| {
        let next = theme.get_untracked().next();
        theme.set(next);
        platform::store(KEY, next.as_str());
    };
    view! {
        <button class="bjh-button bjh-theme" type="button" on:click=choose data-testid="theme">
            {move || {
                let locale = i18n.get_locale();
                td_string!(locale, app.theme, name = theme_name(locale, theme.get()))
            }}
        </button>
    }
}

/// A theme setting's name in `locale`.
fn theme_name(locale: Locale, theme: Theme) -> &'static str {
    match theme {
        Theme::Auto => td_string!(locale, app.theme_auto),
        Theme::Light => td_string!(locale, app.theme_light),
        Theme::Dark => td_string!(locale, app.theme_dark),
    }
}
