//! The bank behind a job: `GET /institutions/{id}` read tolerantly (the README's "The Basiq API
//! the app reads" records the shape and its source). Every field may be absent; a status the
//! app does not know is kept raw. Pure, so it is tested on the host.

use super::parse::{JsonKind, ParseError, Part, parse_json, string_field};
use crate::i18n::{Locale, td_string};
use serde_json::Value;

/// What the institution's connector status says about jobs against it right now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InstitutionStatus {
    /// `operational`.
    Operational,
    /// `under-maintenance`.
    UnderMaintenance,
    /// `major-outage`, `partial-outage` or any other `…outage` status, kept raw.
    Outage(String),
    /// A status this app does not know, kept raw.
    Other(String),
}

impl InstitutionStatus {
    /// Reads a raw status (case and surrounding space ignored).
    pub fn from_raw(raw: &str) -> Self {
        let status = raw.trim().to_ascii_lowercase();
        match status.as_str() {
            "operational" => Self::Operational,
            "under-maintenance" | "maintenance" => Self::UnderMaintenance,
            _ if status.contains("outage") => Self::Outage(raw.trim().to_owned()),
            _ => Self::Other(raw.trim().to_owned()),
        }
    }

    /// The status as the API wrote it (`major-outage`), for a tooltip.
    pub fn as_raw(&self) -> &str {
        match self {
            Self::Operational => "operational",
            Self::UnderMaintenance => "under-maintenance",
            Self::Outage(raw) | Self::Other(raw) => raw,
        }
    }
}

/// One institution, as far as the answer told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Institution {
    /// The id asked for (`AU00000`); the answer's own id when it carries one.
    pub id: String,
    /// The full name (`Hooli Bank`).
    pub name: Option<String>,
    /// The short name (`Hooli`).
    pub short_name: Option<String>,
    /// The connector status, when the answer carries one.
    pub status: Option<InstitutionStatus>,
}

/// A non-blank string field, trimmed.
fn text_field(object: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    string_field(object, key)
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
}

impl Institution {
    /// What to call it: the full name, else the short name, else the id.
    pub fn name_or_id(&self) -> &str {
        self.name
            .as_deref()
            .or(self.short_name.as_deref())
            .unwrap_or(&self.id)
    }

    /// What a compact place (a card) calls it: the short name, else the full name, else the id.
    pub fn short_name_or_id(&self) -> &str {
        self.short_name
            .as_deref()
            .or(self.name.as_deref())
            .unwrap_or(&self.id)
    }

    /// The full description for a tooltip or the detail view: `Hooli Bank (Hooli) · AU00000`,
    /// leaving out what the answer did not give or what repeats.
    pub fn description(&self) -> String {
        let mut text = self.name_or_id().to_owned();
        if let Some(short) = self.short_name.as_deref().filter(|s| *s != text) {
            text = format!("{text} ({short})");
        }
        if self.name.is_some() || self.short_name.is_some() {
            text = format!("{text} · {}", self.id);
        }
        text
    }

    /// The mark for a group or row of this bank while its failures are the bank's to end (an
    /// outage, maintenance), in `locale`: "Nimbus Bank reports an outage: wait" (wait, because
    /// retrying cannot help until the bank is back); none when it is operational or the status
    /// is unknown.
    pub fn notice(&self, locale: Locale) -> Option<String> {
        let bank = self.name_or_id();
        match self.status.as_ref()? {
            InstitutionStatus::Outage(_) => Some(td_string!(locale, bank.outage, bank)),
            InstitutionStatus::UnderMaintenance => Some(td_string!(locale, bank.maintenance, bank)),
            InstitutionStatus::Operational | InstitutionStatus::Other(_) => None,
        }
    }
}

/// Reads an institution object. `asked` is the id that was requested: it stands in when the
/// answer names none, and an answer naming another institution is refused.
pub fn parse_institution(value: &Value, asked: &str) -> Result<Institution, ParseError> {
    let object = value
        .as_object()
        .ok_or_else(|| ParseError::wrong(Part::Institution, value, JsonKind::Object))?;
    let id = text_field(object, "id").unwrap_or_else(|| asked.to_owned());
    if id != asked {
        return Err(ParseError::OtherInstitution {
            asked: asked.to_owned(),
            answered: id,
        });
    }
    Ok(Institution {
        id,
        name: text_field(object, "name"),
        short_name: text_field(object, "shortName"),
        status: text_field(object, "status").map(|raw| InstitutionStatus::from_raw(&raw)),
    })
}

/// [`parse_institution`] from response text.
pub fn parse_institution_text(body: &str, asked: &str) -> Result<Institution, ParseError> {
    parse_institution(&parse_json(body)?, asked)
}
