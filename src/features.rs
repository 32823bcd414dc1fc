//! The app's features, each a folder of small components.

pub mod actions;
pub mod detail;
pub mod embed;
pub mod history;
pub mod saved;
pub mod shortcuts;
pub mod triage;
pub mod watch;
