//! Purging a connection from the UI (API.md §3.3): the user's data at that connection's bank
//! is removed and no job is returned. Only with a typed confirmation: the connection id. The
//! app keeps its own record of each purge (API.md §12).

use super::job::short_id;
use super::refresh::RefreshTarget;
use super::time::{format_iso_utc, parse_timestamp};
use crate::i18n::{Locale, td_string};
use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Value, json};

/// The confirmation's warning, naming the connection, its bank and the user.
pub fn purge_question(
    connection_id: &str,
    user_id: &str,
    bank: Option<&str>,
    locale: Locale,
) -> String {
    let bank = bank.unwrap_or_else(|| td_string!(locale, purge.its_bank));
    td_string!(
        locale,
        purge.ask,
        id = connection_id,
        bank,
        user = short_id(user_id)
    )
}

/// Whether what was typed confirms purging `connection_id` (the id exactly, spaces around it
/// aside).
pub fn purge_confirmed(typed: &str, connection_id: &str) -> bool {
    !connection_id.is_empty() && typed.trim() == connection_id
}

/// What the UI says once Basiq purged (no job to track: Basiq returns none).
pub fn purge_done(target: &RefreshTarget, locale: Locale) -> String {
    let id = target
        .connection_id
        .as_deref()
        .unwrap_or_else(|| td_string!(locale, purge.the_connection));
    td_string!(locale, purge.done, id)
}

/// A purge this dashboard sent and Basiq confirmed. Basiq returns no job for a purge (204), so
/// the app keeps its own record of it (API.md §12), in the browser, for as long as Basiq keeps
/// jobs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PurgeRecord {
    /// The user whose data was purged.
    pub user_id: String,
    /// The connection purged.
    pub connection_id: String,
    /// Its bank, when known.
    pub institution_id: Option<String>,
    /// When Basiq confirmed it.
    pub at: DateTime<Utc>,
}

/// How long a record is kept: as long as Basiq keeps jobs (7 days).
pub const RECORD_KEPT_FOR: TimeDelta = TimeDelta::days(7);

/// The most records kept (the newest).
pub const MAX_RECORDS: usize = 100;

impl PurgeRecord {
    /// The record of purging `target`'s connection at `at` (`None` for a target of every
    /// connection, which no purge has).
    pub fn of(target: &RefreshTarget, at: DateTime<Utc>) -> Option<Self> {
        Some(Self {
            user_id: target.user_id.clone(),
            connection_id: target.connection_id.clone()?,
            institution_id: target.institution_id.clone(),
            at,
        })
    }

    fn from_value(value: &Value) -> Option<Self> {
        let text = |key: &str| value.get(key)?.as_str().map(str::to_owned);
        Some(Self {
            user_id: text("userId")?,
            connection_id: text("connectionId")?,
            institution_id: text("institutionId"),
            at: parse_timestamp(value.get("at")?.as_str()?)?,
        })
    }

    fn to_value(&self) -> Value {
        json!({
            "userId": self.user_id,
            "connectionId": self.connection_id,
            "institutionId": self.institution_id,
            "at": format_iso_utc(self.at),
        })
    }

    /// What the history says of it: "Purge of connection 5bd22369 at Nimbus Bank (user
    /// a2cb616d), recorded by this dashboard: Basiq keeps no job for a purge."
    pub fn words(&self, bank: Option<&str>, locale: Locale) -> String {
        let (id, user) = (short_id(&self.connection_id), short_id(&self.user_id));
        match bank.or(self.institution_id.as_deref()) {
            Some(bank) => td_string!(locale, purge.record_at, id, bank, user),
            None => td_string!(locale, purge.record, id, user),
        }
    }
}

/// The records kept in `text` (as [`write_purge_records`] wrote it), newest first, without
/// those older than [`RECORD_KEPT_FOR`]. Anything unreadable is left out: no text, text that is
/// not a JSON array, or an item without a user, a connection or a readable time.
pub fn read_purge_records(text: Option<&str>, now: DateTime<Utc>) -> Vec<PurgeRecord> {
    let items = text
        .and_then(|text| serde_json::from_str::<Value>(text).ok())
        .and_then(|value| value.as_array().cloned())
        .unwrap_or_default();
    let mut records: Vec<PurgeRecord> = items.iter().filter_map(PurgeRecord::from_value).collect();
    prune(&mut records, now);
    records
}

/// The records as they are kept.
pub fn write_purge_records(records: &[PurgeRecord]) -> String {
    Value::Array(records.iter().map(PurgeRecord::to_value).collect()).to_string()
}

/// Adds `record` to `records`, newest first, and forgets the old ones.
pub fn add_purge_record(records: &mut Vec<PurgeRecord>, record: PurgeRecord, now: DateTime<Utc>) {
    records.push(record);
    prune(records, now);
}

fn prune(records: &mut Vec<PurgeRecord>, now: DateTime<Utc>) {
    records.retain(|r| now - r.at < RECORD_KEPT_FOR);
    records.sort_by_key(|r| std::cmp::Reverse(r.at));
    records.truncate(MAX_RECORDS);
}

/// The records the history of `user` shows (of `connection` only, when it shows one).
pub fn purges_of<'a>(
    records: &'a [PurgeRecord],
    user: &'a str,
    connection: Option<&'a str>,
) -> impl Iterator<Item = &'a PurgeRecord> {
    records
        .iter()
        .filter(move |r| r.user_id == user && connection.is_none_or(|c| c == r.connection_id))
}
