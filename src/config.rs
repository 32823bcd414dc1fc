//! The runtime configuration: `config.json` beside `index.html`, so one build serves every
//! deployment. [`file`] reads the file (pure, host-tested); [`startup`] fetches it at start-up and
//! turns it into the backend and the settings the views use (no file means the demo).

pub mod file;
pub mod language;
pub mod startup;

pub use file::{AppConfig, ConfigError, ConfigProblem, Theme, parse_config, split_job_ids};
pub use startup::{SavedLabel, Settings, Startup, load};
