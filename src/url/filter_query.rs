//! The history's filter in the URL query and back: `?status=failed&q=6f0c&connection=…&code=…&
//! step=…&institution=…&range=24h` or `&from=…&to=…`. Pure, so it is tested on the host; the
//! router side is [`super::links`].

use crate::domain::time::format_day;
use crate::domain::{CardStatus, GroupBy, JobFilter, TimeRange};
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
        if let Some(by) = GroupBy::from_name(key) {
            filter.set_group_key(by, text(value));
            continue;
        }
        match key {
            "status" => filter.status = CardStatus::from_name(value),
            "q" => filter.query = value.to_owned(),
            "connection" => filter.connection = text(value),
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

/// The first and last day of the filter's range, `YYYY-MM-DD` at `offset`, both included (as
/// the date inputs and the summary line show them; `to` itself is the next day's start).
pub fn range_days(filter: &JobFilter, offset: FixedOffset) -> (Option<String>, Option<String>) {
    (
        filter.from.map(|from| format_day(from, offset)),
        filter
            .to
            .map(|to| format_day(to - TimeDelta::days(1), offset)),
    )
}

/// Writes the filter back as query pairs (empty parts left out), the inverse of
/// [`filter_from_query`].
pub fn filter_to_query(filter: &JobFilter, offset: FixedOffset) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    if let Some(status) = filter.status {
        pairs.push(("status", status.as_str().to_owned()));
    }
    if !filter.query.trim().is_empty() {
        pairs.push(("q", filter.query.trim().to_owned()));
    }
    if let Some(connection) = &filter.connection {
        pairs.push(("connection", connection.clone()));
    }
    for by in GroupBy::ALL {
        if let Some(value) = filter.group_key(by) {
            pairs.push((by.as_str(), value.to_owned()));
        }
    }
    if let Some(range) = filter.range {
        pairs.push(("range", range.as_str().to_owned()));
        return pairs;
    }
    let (from, to) = range_days(filter, offset);
    pairs.extend(from.map(|day| ("from", day)));
    pairs.extend(to.map(|day| ("to", day)));
    pairs
}
