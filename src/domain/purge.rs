//! Purging a connection from the UI (API.md §3.3): the user's data at that connection's bank
//! is removed and no job is returned. Only with a typed confirmation: the connection id.

use super::refresh::RefreshTarget;

/// The confirmation's warning, naming the connection, its bank and the user.
pub fn purge_question(connection_id: &str, user_id: &str, bank: Option<&str>) -> String {
    let bank = bank.unwrap_or("its bank");
    let user: String = user_id.chars().take(8).collect();
    format!(
        "Purge connection {connection_id} at {bank}? This removes all of user {user}'s accounts and transactions from {bank} in Basiq, and cannot be undone. Type the connection id to confirm."
    )
}

/// Whether what was typed confirms purging `connection_id` (the id exactly, spaces around it
/// aside).
pub fn purge_confirmed(typed: &str, connection_id: &str) -> bool {
    !connection_id.is_empty() && typed.trim() == connection_id
}

/// What the UI says once Basiq purged (no job to track: Basiq returns none).
pub fn purge_done(target: &RefreshTarget) -> String {
    let connection = target.connection_id.as_deref().unwrap_or("the connection");
    format!(
        "Purged: the user's data for connection {connection} is removed. Basiq recommends a refresh next, to fetch it again."
    )
}
