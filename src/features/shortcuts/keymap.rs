//! Which key does what: a pure function, tested on the host.

use crate::i18n::{Locale, td_string};

/// Something the keyboard can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// Focus the job-ID search.
    FocusSearch,
    /// Focus the next card.
    NextCard,
    /// Focus the previous card.
    PreviousCard,
    /// Open the focused card's job.
    OpenCard,
    /// Leave a field, close the help, or go back from a job.
    Back,
    /// Copy the focused card's job ID.
    CopyId,
    /// Show or hide the list of shortcuts.
    ToggleHelp,
}

/// What a shortcut does, in the viewer's language.
pub type Does = fn(Locale) -> &'static str;

/// The keys (the second one an arrow, when there is one) and what they do, for the help dialog.
pub const SHORTCUTS: [(&str, Option<&str>, Does); 7] = [
    ("/", None, |l| td_string!(l, shortcuts.search)),
    ("j", Some("↓"), |l| td_string!(l, shortcuts.next)),
    ("k", Some("↑"), |l| td_string!(l, shortcuts.previous)),
    ("Enter", None, |l| td_string!(l, shortcuts.open)),
    ("Esc", None, |l| td_string!(l, shortcuts.back)),
    ("c", None, |l| td_string!(l, shortcuts.copy)),
    ("?", None, |l| td_string!(l, shortcuts.help)),
];

/// What a key press means. `modified` is Ctrl, Alt or Meta held (left to the browser);
/// `in_field` is typing in an input; `on_card` is focus on a job card (arrows and Enter then
/// move and open instead of scrolling and clicking).
pub fn shortcut(key: &str, modified: bool, in_field: bool, on_card: bool) -> Option<Shortcut> {
    if modified {
        return None;
    }
    if in_field {
        return (key == "Escape").then_some(Shortcut::Back);
    }
    match key {
        "/" => Some(Shortcut::FocusSearch),
        "j" => Some(Shortcut::NextCard),
        "k" => Some(Shortcut::PreviousCard),
        "ArrowDown" if on_card => Some(Shortcut::NextCard),
        "ArrowUp" if on_card => Some(Shortcut::PreviousCard),
        "Enter" if on_card => Some(Shortcut::OpenCard),
        "Escape" => Some(Shortcut::Back),
        "c" if on_card => Some(Shortcut::CopyId),
        "?" => Some(Shortcut::ToggleHelp),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_shortcuts_outside_fields() {
        assert_eq!(
            shortcut("/", false, false, false),
            Some(Shortcut::FocusSearch)
        );
        assert_eq!(shortcut("j", false, false, false), Some(Shortcut::NextCard));
        assert_eq!(
            shortcut("k", false, false, true),
            Some(Shortcut::PreviousCard)
        );
        assert_eq!(
            shortcut("?", false, false, false),
            Some(Shortcut::ToggleHelp)
        );
        assert_eq!(
            shortcut("Escape", false, false, false),
            Some(Shortcut::Back)
        );
    }

    #[test]
    fn arrows_enter_and_c_act_only_on_a_card() {
        assert_eq!(
            shortcut("ArrowDown", false, false, false),
            None,
            "arrows still scroll the page"
        );
        assert_eq!(
            shortcut("ArrowDown", false, false, true),
            Some(Shortcut::NextCard)
        );
        assert_eq!(
            shortcut("Enter", false, false, false),
            None,
            "Enter still clicks buttons"
        );
        assert_eq!(
            shortcut("Enter", false, false, true),
            Some(Shortcut::OpenCard)
        );
        assert_eq!(shortcut("c", false, false, true), Some(Shortcut::CopyId));
        assert_eq!(shortcut("c", false, false, false), None);
    }

    #[test]
    fn typing_and_modified_keys_are_left_alone() {
        assert_eq!(shortcut("j", false, true, false), None);
        assert_eq!(shortcut("/", false, true, false), None);
        assert_eq!(shortcut("Escape", false, true, false), Some(Shortcut::Back));
        assert_eq!(
            shortcut("c", true, false, true),
            None,
            "Ctrl+C copies the selection"
        );
    }
}
