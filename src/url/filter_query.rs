//! The history's filter in the URL query and back: `?status=failed&q=6f0c&connection=…&code=…&
//! step=…&institution=…&range=24h` or `&from=…&to=…`. Pure, so it is tested on the host; the
//! router side is [`super::links`].

use crate::domain::time::format_day;
use crate::domain::{CardStatus, JobFilter, TimeRange};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta, Utc};

/// The query keys that belong to the filter; a host page's `set-filters` message uses the same.
pub const FILTER_KEYS: [&str; 9] = [
    "status",
    "q",
    "connection",
    "code",
    "step",
    "institution",
    "range",
    "from",
    "to",
];

/// Reads a `YYYY-MM-DD` date as the start of that day at `offset`.
pub fn day_start(raw: &str, offset: FixedOffset) -> Option<DateTime<Utc>> {
    let date = raw.trim().parse::<NaiveDate>().ok()?;
    let local = date
        .and_hms_opt(0, 0, 0)?
        .and_local_timezone(offset)
        .single()?;
    Some(local.with_timezone(&Utc))
}

/// Reads the filter from URL query pairs: `status`, `q`, `connection`, `code`, `step`,
/// `institution`, and a time range: `range` (`24h`, `7d`, `30d`, back from `now`), else `from`
/// and `to` (`YYYY-MM-DD`, both days included, in the viewer's `offset`). Unknown or malformed
/// values are ignored rather than failing the page.
pub fn filter_from_query<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    offset: FixedOffset,
    now: DateTime<Utc>,
) -> JobFilter {
    let mut filter = JobFilter::default();
    let text = |value: &str| (!value.is_empty()).then(|| value.to_owned());
    for (key, value) in pairs {
        let value = value.trim();
        match key {
            "status" => filter.status = CardStatus::from_name(value),
            "q" => filter.query = value.to_owned(),
            "connection" => filter.connection = text(value),
            "code" => filter.code = text(value),
            "step" => filter.step = text(value),
            "institution" => filter.institution = text(value),
            "range" => filter.range = TimeRange::from_name(value),
            "from" => filter.from = day_start(value, offset),
            "to" => filter.to = day_start(value, offset).map(|start| start + TimeDelta::days(1)),
            _ => {}
        }
    }
    if let Some(range) = filter.range {
        (filter.from, filter.to) = (Some(now - range.span()), None);
    }
    filter
}

/// Writes the filter back as query pairs (empty parts left out), the inverse of
/// [`filter_from_query`].
pub fn filter_to_query(filter: &JobFilter, offset: FixedOffset) -> Vec<(&'static str, String)> {
    let day = |at: DateTime<Utc>| format_day(at, offset);
    let mut pairs = Vec::new();
    if let Some(status) = filter.status {
        pairs.push(("status", status.as_str().to_owned()));
    }
    if !filter.query.trim().is_empty() {
        pairs.push(("q", filter.query.trim().to_owned()));
    }
    for (key, value) in [
        ("connection", &filter.connection),
        ("code", &filter.code),
        ("step", &filter.step),
        ("institution", &filter.institution),
    ] {
        if let Some(value) = value {
            pairs.push((key, value.clone()));
        }
    }
    if let Some(range) = filter.range {
        pairs.push(("range", range.as_str().to_owned()));
        return pairs;
    }
    if let Some(from) = filter.from {
        pairs.push(("from", day(from)));
    }
    if let Some(to) = filter.to {
        pairs.push(("to", day(to - TimeDelta::days(1))));
    }
    pairs
}
