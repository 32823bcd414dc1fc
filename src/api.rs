//! Where jobs come from: the Basiq HTTP client (auth, timeout, typed errors, URL builders), the
//! polling and retry policy with its schedule, and [`backend::Backend`], one interface over the
//! HTTP client and the demo data (the `basiq-demo` crate).

pub mod answer;
pub mod backend;
pub mod client;
pub mod error;
pub mod policy;
pub mod schedule;
pub mod urls;
