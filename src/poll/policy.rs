//! When to ask the API again: the job polling policy, list refreshes, and retry backoff with
//! jitter (API.md §9, §10). Pure functions of age, status, visibility and attempt count.

use crate::domain::ApiError;
use crate::domain::CardStatus;
use chrono::TimeDelta;
use std::time::Duration;

/// The polling policy. The defaults follow API.md §10.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PollPolicy {
    /// The interval while a job is young.
    pub fast: Duration,
    /// How long a job is polled at the fast interval.
    pub fast_for: Duration,
    /// The longest interval the backoff reaches.
    pub max: Duration,
    /// After this age a pending job is left for a manual re-check.
    pub give_up_after: Duration,
    /// How often the list is refreshed while any job in it is pending.
    pub list_while_pending: Duration,
    /// How often the list is refreshed when everything has settled.
    pub list_when_settled: Duration,
    /// Whether anything is asked again at all: not for a saved file, whose jobs are as they
    /// were when it was taken.
    pub live: bool,
}

impl Default for PollPolicy {
    fn default() -> Self {
        Self {
            fast: Duration::from_secs(2),
            fast_for: Duration::from_secs(120),
            max: Duration::from_secs(60),
            give_up_after: Duration::from_secs(3600),
            list_while_pending: Duration::from_secs(30),
            list_when_settled: Duration::from_secs(60),
            live: true,
        }
    }
}

impl PollPolicy {
    /// A policy with a different fast interval (from `pollIntervalMs`), the rest unchanged.
    pub fn with_fast(fast: Duration) -> Self {
        Self {
            fast: fast.max(Duration::from_millis(250)),
            ..Self::default()
        }
    }

    /// The policy of a saved file: nothing is ever asked again.
    pub fn still() -> Self {
        Self {
            live: false,
            ..Self::default()
        }
    }

    /// When to poll a job next, given its status and age; `None` means do not poll: it has
    /// settled, the page is hidden, or it is older than `give_up_after`. After the fast phase the
    /// interval doubles every further `fast_for`, up to `max`.
    pub fn next_job_poll(
        &self,
        status: CardStatus,
        age: TimeDelta,
        hidden: bool,
    ) -> Option<Duration> {
        let age = age.to_std().unwrap_or_default();
        if !self.live || hidden || status.is_settled() || age >= self.give_up_after {
            return None;
        }
        if age < self.fast_for {
            return Some(self.fast);
        }
        let doublings = (age.as_secs() / self.fast_for.as_secs().max(1)).min(16) as u32;
        Some(self.fast.saturating_mul(1 << doublings).min(self.max))
    }

    /// When to poll a watched job next. While the page is hidden, at the settled list's rate
    /// (`list_when_settled`), so that its end is heard of while the reader is elsewhere; while
    /// it is shown, at twice the job's own interval: a backstop behind the views, which poll it
    /// themselves when they show it (each of their answers puts it off again). `None` once it has
    /// settled or is older than `give_up_after`.
    pub fn next_watch_poll(
        &self,
        status: CardStatus,
        age: TimeDelta,
        hidden: bool,
    ) -> Option<Duration> {
        let shown = self.next_job_poll(status, age, false)?;
        Some(if hidden {
            self.list_when_settled
        } else {
            shown.saturating_mul(2)
        })
    }

    /// When to refresh the list next; `None` while the page is hidden (or never, when still).
    pub fn next_list_refresh(&self, any_pending: bool, hidden: bool) -> Option<Duration> {
        match (hidden || !self.live, any_pending) {
            (true, _) => None,
            (false, true) => Some(self.list_while_pending),
            (false, false) => Some(self.list_when_settled),
        }
    }
}

/// How many times a retryable request is retried before the error is shown for good.
pub const MAX_RETRIES: u32 = 5;

/// The wait before retry number `attempt` (from 0) after `error`, or `None` to give up.
/// `Retry-After` wins when present; 503 waits about five minutes; 429, 5xx, network errors and
/// timeouts back off exponentially from 1 s, doubling to a 60 s cap. `jitter` in `[0, 1)` spreads
/// the wait over 80–120 % of the nominal value.
pub fn retry_delay(error: &ApiError, attempt: u32, jitter: f64) -> Option<Duration> {
    if !error.is_retryable() || attempt >= MAX_RETRIES {
        return None;
    }
    let nominal = match error {
        ApiError::RateLimited {
            retry_after: Some(wait),
            ..
        }
        | ApiError::Unavailable {
            retry_after: Some(wait),
            ..
        } => {
            return Some(*wait);
        }
        ApiError::Unavailable { .. } => Duration::from_secs(300),
        _ => Duration::from_secs(1u64 << attempt.min(6)).min(Duration::from_secs(60)),
    };
    Some(nominal.mul_f64(0.8 + 0.4 * jitter.clamp(0.0, 1.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: u64) -> Option<Duration> {
        Some(Duration::from_secs(s))
    }

    #[test]
    fn polls_fast_then_backs_off_to_the_cap_then_stops() {
        let p = PollPolicy::default();
        let poll = |age_s| p.next_job_poll(CardStatus::Pending, TimeDelta::seconds(age_s), false);
        assert_eq!(poll(0), secs(2));
        assert_eq!(poll(119), secs(2));
        assert_eq!(poll(120), secs(4));
        assert_eq!(poll(240), secs(8));
        assert_eq!(poll(480), secs(32));
        assert_eq!(poll(600), secs(60));
        assert_eq!(poll(3599), secs(60));
        assert_eq!(poll(3600), None);
        assert_eq!(
            poll(-30),
            secs(2),
            "a clock skew into the future is treated as young"
        );
    }

    #[test]
    fn never_polls_settled_jobs_or_hidden_pages() {
        let p = PollPolicy::default();
        assert_eq!(
            p.next_job_poll(CardStatus::Success, TimeDelta::zero(), false),
            None
        );
        assert_eq!(
            p.next_job_poll(CardStatus::Failed, TimeDelta::zero(), false),
            None
        );
        assert_eq!(
            p.next_job_poll(CardStatus::Pending, TimeDelta::zero(), true),
            None
        );
        assert_eq!(p.next_list_refresh(true, true), None);
        assert_eq!(p.next_list_refresh(true, false), secs(30));
        assert_eq!(p.next_list_refresh(false, false), secs(60));
    }

    #[test]
    fn a_saved_file_is_never_asked_again() {
        let p = PollPolicy::still();
        for hidden in [false, true] {
            assert_eq!(
                p.next_job_poll(CardStatus::Pending, TimeDelta::zero(), hidden),
                None
            );
            assert_eq!(
                p.next_watch_poll(CardStatus::Pending, TimeDelta::zero(), hidden),
                None
            );
            for pending in [false, true] {
                assert_eq!(p.next_list_refresh(pending, hidden), None);
            }
        }
    }

    #[test]
    fn watched_jobs_poll_while_hidden_at_the_settled_list_rate_until_they_settle() {
        let p = PollPolicy::default();
        let watch =
            |status, age_s, hidden| p.next_watch_poll(status, TimeDelta::seconds(age_s), hidden);
        assert_eq!(watch(CardStatus::Pending, 10, true), secs(60));
        assert_eq!(watch(CardStatus::Pending, 1_800, true), secs(60));
        assert_eq!(
            watch(CardStatus::Pending, 10, false),
            secs(4),
            "behind the views' 2 s"
        );
        assert_eq!(watch(CardStatus::Pending, 600, false), secs(120));
        assert_eq!(watch(CardStatus::Success, 10, true), None);
        assert_eq!(watch(CardStatus::Failed, 10, false), None);
        assert_eq!(watch(CardStatus::Pending, 3_600, true), None, "given up");
    }

    #[test]
    fn retries_back_off_with_jitter_and_honour_retry_after() {
        let server = ApiError::Server {
            status: 500,
            error: None,
        };
        assert_eq!(retry_delay(&server, 0, 0.5), secs(1));
        assert_eq!(retry_delay(&server, 3, 0.5), secs(8));
        assert_eq!(
            retry_delay(&server, 3, 0.0),
            Some(Duration::from_millis(6400))
        );
        assert_eq!(
            retry_delay(&server, 3, 0.999_999).map(|d| d.as_millis()),
            Some(9599)
        );
        assert_eq!(retry_delay(&server, MAX_RETRIES, 0.5), None);
        let limited = ApiError::RateLimited {
            retry_after: secs(7),
            error: None,
        };
        assert_eq!(retry_delay(&limited, 0, 0.9), secs(7));
        let unavailable = ApiError::Unavailable {
            retry_after: None,
            error: None,
        };
        assert_eq!(retry_delay(&unavailable, 0, 0.5), secs(300));
        assert_eq!(retry_delay(&ApiError::NotFound(None), 0, 0.5), None);
        assert_eq!(retry_delay(&ApiError::TokenExpired(None), 0, 0.5), None);
    }
}
