//! The page's one clipboard: leptos-use's `use_clipboard`, set up once and shared by every copy
//! button and the keyboard shortcut. A page of cards builds no clipboard (its signals, effect and
//! timer) per card, and a job ID copied by the `c` shortcut shows "Copied" on its card's button.

use leptos::prelude::*;
use leptos_use::{UseClipboardReturn, use_clipboard};
use std::sync::Arc;

/// The shared clipboard: whether the browser has one, what was copied last and whether "Copied"
/// is still to be shown for it.
#[derive(Clone)]
pub struct Clipboard {
    /// The browser has a clipboard the page may write.
    pub supported: Signal<bool>,
    copied: Signal<bool>,
    text: Signal<Option<String>>,
    copy: Arc<dyn Fn(&str) + Send + Sync>,
}

impl Clipboard {
    /// Provides the page's clipboard (in the app, above everything that copies).
    pub fn provide() -> Self {
        let UseClipboardReturn {
            is_supported,
            text,
            copied,
            copy,
        } = use_clipboard();
        let clipboard = Self {
            supported: is_supported,
            copied,
            text,
            copy: Arc::new(copy),
        };
        provide_context(clipboard.clone());
        clipboard
    }

    /// The clipboard the app provided, or one of its own for a widget mounted without the app.
    pub fn expect() -> Self {
        use_context().unwrap_or_else(Self::provide)
    }

    /// Writes `text` to the clipboard.
    pub fn copy(&self, text: &str) {
        (self.copy)(text);
    }

    /// Whether `text` was copied a moment ago (tracked: true for a while after a copy of it).
    pub fn just_copied(&self, text: &str) -> bool {
        self.copied.get() && self.text.with(|copied| copied.as_deref() == Some(text))
    }
}
