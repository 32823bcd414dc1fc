//! Triage views of the history, under its filter: the failed jobs grouped (`?view=failures`)
//! and one row per connection (`?view=health`). Each links into the history filtered to what
//! it shows.

mod failure_groups_view;
mod group_row;
mod health_row;
mod health_view;
mod results_strip;
mod share_bar;

pub use failure_groups_view::FailureGroupsView;
pub use group_row::GroupRow;
pub use health_row::HealthRow;
pub use health_view::HealthView;
pub use results_strip::ResultsStrip;
pub use share_bar::ShareBar;

use crate::domain::Stamp;
use chrono::{DateTime, Utc};

/// A known instant as the stamp `LocalTime` shows.
fn stamp(at: Option<DateTime<Utc>>) -> Option<Stamp> {
    at.map(|at| Stamp {
        raw: String::new(),
        at: Some(at),
    })
}
