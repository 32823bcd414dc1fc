//! Basiq Job History: the history and live progress of Basiq connection jobs.
//!
//! The app is a library so that tests can import it; `main.rs` only mounts [`App`].

pub mod api;
pub mod components;
pub mod config;
pub mod domain;
pub mod features;
pub mod live;
pub mod platform;
pub mod poll;
pub mod url;

mod app;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
pub use app::App;
pub use app::language_picker::{Language, provide_language};
