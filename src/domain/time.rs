//! Timestamps, dates and durations. Pure: the caller supplies "now" and the viewer's offset.

use super::job::Job;
use super::status::CardStatus;
use crate::i18n::{Locale, td_string};
use chrono::{DateTime, Datelike, FixedOffset, Offset, TimeDelta, TimeZone, Timelike, Utc};

/// Reads an RFC 3339 timestamp, with or without fractional seconds and with any offset. A
/// timestamp without an offset is read as UTC. Returns `None` for anything else.
pub fn parse_timestamp(raw: &str) -> Option<DateTime<Utc>> {
    let raw = raw.trim();
    let with_offset = DateTime::parse_from_rfc3339(raw)
        // No offset: the same text read as UTC (the date and time parts must still be whole).
        .or_else(|_| DateTime::parse_from_rfc3339(&format!("{raw}Z")));
    with_offset.ok().map(|at| at.with_timezone(&Utc))
}

/// The abbreviated name of `local`'s month in `locale` (the list in `time.months`: `Dec` in
/// English, `déc.` in French, as the browser's `Intl.DateTimeFormat` names them).
fn month<Tz: TimeZone>(local: &DateTime<Tz>, locale: Locale) -> &'static str {
    let months = td_string!(locale, time.months);
    months
        .split(' ')
        .nth(local.month0() as usize)
        .unwrap_or_default()
}

/// Formats an instant as Basiq's console does, `12 Feb 2025, 22:41` (`12 févr. 2025, 22:41`
/// in French: what `Intl.DateTimeFormat` says with these fields), at the given offset.
pub fn format_date(at: DateTime<Utc>, offset: FixedOffset, locale: Locale) -> String {
    let local = at.with_timezone(&offset);
    format!(
        "{:02} {} {}, {:02}:{:02}",
        local.day(),
        month(&local, locale),
        local.year(),
        local.hour(),
        local.minute()
    )
}

/// [`format_date`] with the zone named: `12 Feb 2025, 22:41 UTC+11`.
pub fn format_date_zoned(at: DateTime<Utc>, offset: FixedOffset, locale: Locale) -> String {
    format!(
        "{} {}",
        format_date(at, offset, locale),
        format_offset(offset)
    )
}

/// The day and month of an instant at the given offset, `02 Dec` (`02 déc.`), for short notes.
pub fn format_day_month(at: DateTime<Utc>, offset: FixedOffset, locale: Locale) -> String {
    let local = at.with_timezone(&offset);
    format!("{:02} {}", local.day(), month(&local, locale))
}

/// The calendar day of an instant at the given offset, `2025-02-12`.
pub fn format_day(at: DateTime<Utc>, offset: FixedOffset) -> String {
    let local = at.with_timezone(&offset);
    format!(
        "{:04}-{:02}-{:02}",
        local.year(),
        local.month(),
        local.day()
    )
}

/// ISO 8601 in UTC with whole seconds, for tooltips and copy.
pub fn format_iso_utc(at: DateTime<Utc>) -> String {
    let day = format_day(at, Utc.fix());
    format!(
        "{day}T{:02}:{:02}:{:02}Z",
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Names a fixed offset as `UTC`, `UTC+11` or `UTC+5:30`.
pub fn format_offset(offset: FixedOffset) -> String {
    let seconds = offset.local_minus_utc();
    if seconds == 0 {
        return "UTC".into();
    }
    let sign = if seconds < 0 { '-' } else { '+' };
    let (hours, minutes) = (seconds.abs() / 3600, seconds.abs() % 3600 / 60);
    if minutes == 0 {
        format!("UTC{sign}{hours}")
    } else {
        format!("UTC{sign}{hours}:{minutes:02}")
    }
}

/// A compact duration in `locale`: `19 s`, `1 min 17 s`, `2 h 5 min`, `3 d 4 h` (`3 j 4 h` in
/// French). Negative spans read `0 s`.
pub fn format_duration(span: TimeDelta, locale: Locale) -> String {
    let total = span.num_seconds().max(0);
    let (days, hours, minutes, seconds) = (
        total / 86_400,
        total % 86_400 / 3600,
        total % 3600 / 60,
        total % 60,
    );
    match (days, hours, minutes) {
        (0, 0, 0) => format!("{seconds} s"),
        (0, 0, _) if seconds == 0 => format!("{minutes} min"),
        (0, 0, _) => format!("{minutes} min {seconds} s"),
        (0, _, _) => format!("{hours} h {minutes} min"),
        _ => format!("{days} {} {hours} h", td_string!(locale, time.day_unit)),
    }
}

/// How far `at` lies before `now`, in `locale`: `just now`, `5 min ago`, `3 h ago`, `2 d ago`,
/// or `in 4 min` for a future instant (`à l’instant`, `il y a 5 min`, `dans 4 min` in French).
pub fn format_relative(at: DateTime<Utc>, now: DateTime<Utc>, locale: Locale) -> String {
    let seconds = (now - at).num_seconds();
    let (future, s) = (seconds < 0, seconds.unsigned_abs());
    let amount = match s {
        0..45 => return td_string!(locale, time.just_now).to_owned(),
        45..3600 => td_string!(locale, time.minutes, n = (s + 30) / 60),
        3600..86_400 => td_string!(locale, time.hours, n = s / 3600),
        _ => td_string!(locale, time.days, n = s / 86_400),
    };
    if future {
        td_string!(locale, time.in_future, amount)
    } else {
        td_string!(locale, time.ago, amount)
    }
}

/// The job's duration: `updated − created` once settled, `now − created` while pending. `None`
/// when a needed timestamp is missing or unreadable, or the span would be negative (`created`
/// after `updated`, or in the future).
pub fn job_duration(job: &Job, status: CardStatus, now: DateTime<Utc>) -> Option<TimeDelta> {
    let created = job.created_at()?;
    let end = if status.is_settled() {
        job.updated_at()?
    } else {
        now
    };
    (end >= created).then(|| end - created)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(raw: &str) -> DateTime<Utc> {
        parse_timestamp(raw).expect(raw)
    }

    #[test]
    fn reads_whole_seconds_milliseconds_offsets_and_naive_times() {
        assert_eq!(t("2025-03-14T21:47:30Z"), t("2025-03-14T21:47:30.000Z"));
        assert_eq!(t("2025-03-15T08:47:30+11:00"), t("2025-03-14T21:47:30Z"));
        assert_eq!(t("2025-03-14T21:47:30"), t("2025-03-14T21:47:30Z"));
        assert_eq!(t("2025-03-14 21:47:30.250"), t("2025-03-14T21:47:30.250Z"));
        assert_eq!(t(" 2025-03-14 21:47:30 "), t("2025-03-14T21:47:30Z"));
        assert_eq!(parse_timestamp("yesterday"), None);
        assert_eq!(parse_timestamp(""), None);
        assert_eq!(parse_timestamp("2025-03-14"), None);
        assert_eq!(parse_timestamp("2025-03-14T21:47"), None);
        assert_eq!(parse_timestamp("2025-03-14T21:47:30+25:00"), None);
        assert_eq!(parse_timestamp("2025-03-14T21:47:30ZZ"), None);
    }

    #[test]
    fn formats_dates_in_the_viewer_offset_with_the_zone_named() {
        let sydney = FixedOffset::east_opt(11 * 3600).unwrap();
        let india = FixedOffset::east_opt(5 * 3600 + 1800).unwrap();
        let at = t("2024-12-10T04:33:09Z");
        assert_eq!(format_date(at, sydney, Locale::en), "10 Dec 2024, 15:33");
        assert_eq!(format_date(at, sydney, Locale::fr), "10 déc. 2024, 15:33");
        assert_eq!(format_offset(sydney), "UTC+11");
        assert_eq!(
            format_date_zoned(at, sydney, Locale::en),
            "10 Dec 2024, 15:33 UTC+11"
        );
        assert_eq!(format_offset(india), "UTC+5:30");
        assert_eq!(
            format_offset(FixedOffset::west_opt(4 * 3600).unwrap()),
            "UTC-4"
        );
        assert_eq!(format_offset(FixedOffset::east_opt(0).unwrap()), "UTC");
        assert_eq!(format_iso_utc(at), "2024-12-10T04:33:09Z");
        // Zero-padded day and time; the day changes with the offset.
        let early = t("2025-01-04T23:05:00Z");
        assert_eq!(format_date(early, sydney, Locale::en), "05 Jan 2025, 10:05");
        assert_eq!(format_day(early, sydney), "2025-01-05");
        assert_eq!(format_day_month(early, sydney, Locale::en), "05 Jan");
        assert_eq!(format_day_month(early, sydney, Locale::fr), "05 janv.");
        assert_eq!(
            format_day(early, FixedOffset::east_opt(0).unwrap()),
            "2025-01-04"
        );
        assert_eq!(
            format_iso_utc(t("2025-01-04T23:05:00.999+01:00")),
            "2025-01-04T22:05:00Z"
        );
    }

    #[test]
    fn formats_durations_compactly() {
        let s = TimeDelta::seconds;
        let en = |span| format_duration(span, Locale::en);
        assert_eq!(en(s(19)), "19 s");
        assert_eq!(en(s(77)), "1 min 17 s");
        assert_eq!(en(s(120)), "2 min");
        assert_eq!(en(s(2 * 3600 + 5 * 60 + 9)), "2 h 5 min");
        assert_eq!(en(s(3 * 86_400 + 4 * 3600)), "3 d 4 h");
        assert_eq!(en(s(-5)), "0 s");
        let fr = |span| format_duration(span, Locale::fr);
        assert_eq!(fr(s(3 * 86_400 + 4 * 3600)), "3 j 4 h");
        assert_eq!(fr(s(77)), "1 min 17 s");
    }

    #[test]
    fn formats_relative_times_past_and_future() {
        let now = t("2025-03-14T12:00:00Z");
        let en = |at| format_relative(t(at), now, Locale::en);
        assert_eq!(en("2025-03-14T11:59:30Z"), "just now");
        assert_eq!(en("2025-03-14T11:55:00Z"), "5 min ago");
        assert_eq!(en("2025-03-14T09:00:00Z"), "3 h ago");
        assert_eq!(en("2025-03-12T12:00:00Z"), "2 d ago");
        assert_eq!(en("2025-03-14T12:04:00Z"), "in 4 min");
        let fr = |at| format_relative(t(at), now, Locale::fr);
        assert_eq!(fr("2025-03-14T11:59:30Z"), "à l’instant");
        assert_eq!(fr("2025-03-14T11:55:00Z"), "il y a 5 min");
        assert_eq!(fr("2025-03-12T12:00:00Z"), "il y a 2 j");
        assert_eq!(fr("2025-03-14T12:04:00Z"), "dans 4 min");
    }
}
