//! Keyboard use: `/` search, `j` / `k` (or arrows on a card) between cards, Enter opens, Esc goes
//! back, `c` copies the focused job's ID, `?` lists the shortcuts.

mod keyboard_shortcuts;
mod keymap;

pub use keyboard_shortcuts::KeyboardShortcuts;
pub use keymap::{SHORTCUTS, Shortcut, shortcut};
