//! Light and dark themes: the OS preference by default, or the viewer's choice, remembered in
//! localStorage only once they make one (`bjh-theme`). Sets `data-theme` on `<html>`.

use crate::config::Theme;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos_use::use_preferred_dark;

const KEY: &str = "bjh-theme";

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
