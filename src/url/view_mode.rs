//! Which view of the history the URL shows: the jobs (the default), the failure groups
//! (`?view=failures`, grouped `&by=code|step|institution`) or connection health
//! (`?view=health`). Pure, so it is tested on the host.

use crate::domain::GroupBy;
use crate::i18n::{Locale, td_string};

/// The query key naming the history's view.
pub const VIEW_KEY: &str = "view";

/// The query key naming what failures are grouped by.
pub const BY_KEY: &str = "by";

/// A view of the history; each one shows the jobs under the same filter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum HistoryMode {
    /// The job cards.
    #[default]
    Jobs,
    /// The failed jobs grouped.
    Failures,
    /// One row per connection.
    Health,
}

impl HistoryMode {
    /// Every view, in the tabs' order.
    pub const ALL: [HistoryMode; 3] = [Self::Jobs, Self::Failures, Self::Health];

    /// The URL value; the jobs view has none (`None`: the key is left out).
    pub fn as_query(self) -> Option<&'static str> {
        match self {
            Self::Jobs => None,
            Self::Failures => Some("failures"),
            Self::Health => Some("health"),
        }
    }

    /// Reads the URL value; anything unknown shows the jobs.
    pub fn from_query(value: Option<&str>) -> Self {
        Self::ALL
            .into_iter()
            .find(|mode| mode.as_query() == value.map(str::trim))
            .unwrap_or_default()
    }

    /// The tab's label.
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            Self::Jobs => td_string!(locale, views.jobs),
            Self::Failures => td_string!(locale, views.failures),
            Self::Health => td_string!(locale, views.health),
        }
    }
}

/// The query pairs that name `mode` (and, for the failure groups, `by` unless it is the
/// default), for a link to that view.
pub fn mode_to_query(mode: HistoryMode, by: GroupBy) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    if let Some(value) = mode.as_query() {
        pairs.push((VIEW_KEY, value.to_owned()));
    }
    if mode == HistoryMode::Failures && by != GroupBy::default() {
        pairs.push((BY_KEY, by.as_str().to_owned()));
    }
    pairs
}

/// Reads what failures are grouped by; anything unknown groups by code.
pub fn group_by_from_query(value: Option<&str>) -> GroupBy {
    value
        .and_then(|v| GroupBy::from_name(v.trim()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_and_groupings_round_trip_and_unknown_values_fall_back() {
        for mode in HistoryMode::ALL {
            for by in GroupBy::ALL {
                let pairs = mode_to_query(mode, by);
                let get = |key: &str| {
                    pairs
                        .iter()
                        .find(|(k, _)| *k == key)
                        .map(|(_, v)| v.as_str())
                };
                assert_eq!(HistoryMode::from_query(get(VIEW_KEY)), mode);
                if mode == HistoryMode::Failures {
                    assert_eq!(group_by_from_query(get(BY_KEY)), by);
                }
            }
        }
        assert_eq!(mode_to_query(HistoryMode::Jobs, GroupBy::Step), []);
        assert_eq!(HistoryMode::from_query(Some("charts")), HistoryMode::Jobs);
        assert_eq!(
            HistoryMode::from_query(Some(" health ")),
            HistoryMode::Health
        );
        assert_eq!(group_by_from_query(Some("colour")), GroupBy::Code);
        assert_eq!(group_by_from_query(None), GroupBy::Code);
    }
}
