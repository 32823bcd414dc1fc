//! Where jobs come from: the Basiq HTTP client (auth, timeout, URL builders,
//! reading answers) and [`backend::Backend`], one interface over the HTTP client and the demo
//! data (the `basiq-demo` crate). When to ask again is the `poll` module's.

pub mod answer;
pub mod backend;
pub mod client;
pub mod urls;
