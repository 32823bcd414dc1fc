//! Following `links.next` of `GET /users/{id}/jobs` (API.md §3.1: undocumented, tolerated):
//! whether the time range still needs an older page, how many jobs there are likely to be, and
//! how the progress is worded. Pure, so it is tested on the host.

use crate::i18n::{Locale, td_string};
use chrono::{DateTime, TimeDelta, Utc};

/// The most pages one load follows: past it, the load stops as if the reader had stopped it
/// (what was loaded stays, and "Load the rest" goes on).
pub const MAX_PAGES: usize = 200;

/// How long Basiq keeps jobs (API.md §3.1): a list never reaches further back.
pub const RETENTION: TimeDelta = TimeDelta::days(7);

/// A load of older pages under way, or stopped before the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageProgress {
    /// Jobs shown so far.
    pub loaded: usize,
    /// About how many there are ([`estimate_total`]).
    pub estimate: Option<usize>,
    /// Stopped (by the reader, an error or [`MAX_PAGES`]) with pages left; else loading.
    pub stopped: bool,
}

/// Whether the page after one whose jobs were created (else updated) at `seen` can hold jobs
/// the history needs: jobs created at or after `oldest` (`None`: every job). Pages come newest
/// first in practice, though the order is not guaranteed: a page that still holds a job in the
/// range, or one whose time cannot be read, is followed; a page wholly older than the range, or
/// an empty one, is the last.
pub fn older_page_needed(
    seen: impl IntoIterator<Item = Option<DateTime<Utc>>>,
    oldest: Option<DateTime<Utc>>,
) -> bool {
    let mut seen = seen.into_iter().peekable();
    if seen.peek().is_none() {
        return false;
    }
    let Some(oldest) = oldest else {
        return true;
    };
    seen.any(|at| at.is_none_or(|at| at >= oldest))
}

/// About how many jobs the whole list holds, when `loaded` have come: the count the answer
/// reported (`reported`, when larger than what came), else, when the loaded jobs reach from
/// `now` back to `oldest_seen`, their rate over the window still to load (back to `oldest`, or
/// the retention's start). `None` when there is nothing to go on.
pub fn estimate_total(
    loaded: usize,
    reported: Option<usize>,
    oldest_seen: Option<DateTime<Utc>>,
    oldest: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<usize> {
    if let Some(reported) = reported.filter(|&r| r > loaded) {
        return Some(reported);
    }
    let start = oldest.map_or(now - RETENTION, |o| o.max(now - RETENTION));
    let covered = (now - oldest_seen?).num_seconds();
    let window = (now - start).num_seconds();
    if covered <= 0 || covered >= window || loaded == 0 {
        return None;
    }
    let estimate = (loaded as f64 * window as f64 / covered as f64).round() as usize;
    Some(round_estimate(estimate).max(loaded))
}

/// Rounds an estimate to what "~" can honestly claim: two significant figures.
fn round_estimate(n: usize) -> usize {
    let mut unit = 1;
    while n / unit >= 100 {
        unit *= 10;
    }
    (n + unit / 2) / unit * unit
}

/// `1234567` as `1,234,567` in English, `1 234 567` (narrow no-break spaces) in French.
pub fn group_thousands(n: usize, locale: Locale) -> String {
    let separator = match locale {
        Locale::en => ',',
        Locale::fr => '\u{202f}',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// The progress of a load: "loaded 400 of ~1,200 jobs", or "loaded 400 jobs" with no estimate.
pub fn progress_words(loaded: usize, estimate: Option<usize>, locale: Locale) -> String {
    match estimate {
        Some(total) => td_string!(
            locale,
            paging.loaded_of,
            loaded = group_thousands(loaded, locale),
            total = group_thousands(total, locale)
        ),
        None => td_string!(
            locale,
            paging.loaded,
            count = loaded,
            n = group_thousands(loaded, locale)
        ),
    }
}
