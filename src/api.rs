//! Where jobs come from: the built-in demo source (and, later, the Basiq HTTP client).

pub mod demo;
pub mod error;
pub mod policy;
