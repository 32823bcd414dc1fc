//! Light and dark themes: the OS preference by default, or the viewer's choice, remembered in
//! localStorage only once they make one (`bjh-theme`). Sets `data-theme` on `<html>`.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos_use::use_preferred_dark;

const KEY: &str = "bjh-theme";

/// The theme setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follow the operating system.
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Reads `auto`, `light` or `dark`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "auto" => Some(Self::Auto),
            "light" => Some(Self::Light),
            "dark" => Some(Self::Dark),
            _ => None,
        }
    }

    /// The name, as stored and as in config.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    /// The next setting when the toggle is pressed.
    pub fn next(self) -> Self {
        match self {
            Self::Auto => Self::Light,
            Self::Light => Self::Dark,
            Self::Dark => Self::Auto,
        }
    }

    /// Whether the page is dark, given the OS preference.
    pub fn is_dark(self, os_prefers_dark: bool) -> bool {
        match self {
            Self::Auto => os_prefers_dark,
            Self::Light => false,
            Self::Dark => true,
        }
    }
}

/// The theme button. `initial` is the configured default when nothing is remembered.
#[component]
pub fn ThemeToggle(#[prop(default = Theme::Auto)] initial: Theme) -> impl IntoView {
    let remembered = LocalStorage::get::<String>(KEY)
        .ok()
        .and_then(|name| Theme::from_name(&name));
    let theme = RwSignal::new(remembered.unwrap_or(initial));
    let os_dark = use_preferred_dark();
    Effect::new(move |_| {
        let dark = theme.get().is_dark(os_dark.get());
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
        }
    });
    let choose = move |_| {
        let next = theme.get_untracked().next();
        theme.set(next);
        let _ = LocalStorage::set(KEY, next.as_str());
    };
    view! {
        <button class="bjh-button bjh-theme" type="button" on:click=choose data-testid="theme">
            {move || format!("Theme: {}", theme.get().as_str())}
        </button>
    }
}
