//! The card status of a job: Pending, Success or Failed (API.md §6).

use super::job::Job;
use super::step::StepStatus;
use crate::i18n::{Locale, td_string};

/// The status a job card shows. Every status has an icon and a word, never colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CardStatus {
    /// Still processing.
    Pending,
    /// Finished, data updated.
    Success,
    /// Finished with an error: review and retry.
    Failed,
}

impl CardStatus {
    /// All statuses, in display order.
    pub const ALL: [CardStatus; 3] = [Self::Pending, Self::Success, Self::Failed];

    /// The lower-case name used in `data-status`, URLs and CSS modifiers.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Success => "success",
            Self::Failed => "failed",
        }
    }

    /// Reads the lower-case name back.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// The word shown beside the icon, in `locale`.
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            Self::Pending => td_string!(locale, status.pending),
            Self::Success => td_string!(locale, status.success),
            Self::Failed => td_string!(locale, status.failed),
        }
    }

    /// The status as one character, for text without the badge's icon (a browser
    /// notification's title): a clock, a check or a cross, always beside the word.
    pub fn symbol(self) -> char {
        match self {
            Self::Pending => '◷',
            Self::Success => '✓',
            Self::Failed => '✗',
        }
    }

    /// Whether the job has finished (Success or Failed).
    pub fn is_settled(self) -> bool {
        self != Self::Pending
    }
}

/// The documented rule: any failed step wins; then a report job's own status; then all steps
/// success; otherwise Pending (an empty step list and unknown step statuses count as Pending).
pub fn derive_status(job: &Job) -> CardStatus {
    if job.steps.iter().any(|s| s.status == StepStatus::Failed) {
        return CardStatus::Failed;
    }
    if let Some(status) = job.job_status.as_deref() {
        return match status {
            "failed" => CardStatus::Failed,
            "success" => CardStatus::Success,
            _ => CardStatus::Pending,
        };
    }
    if !job.steps.is_empty() && job.steps.iter().all(|s| s.status == StepStatus::Success) {
        CardStatus::Success
    } else {
        CardStatus::Pending
    }
}
