//! Where jobs come from: the built-in demo source (and, later, the Basiq HTTP client).

pub mod answer;
pub mod backend;
pub mod client;
pub mod demo;
pub mod error;
pub mod policy;
pub mod schedule;
pub mod urls;
