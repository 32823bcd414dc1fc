//! The demo's banks: which institution each demo connection is at, and each institution as
//! `GET /institutions/{id}` returns it (the shape the README records), one of them in an outage
//! and one under maintenance, so the app's bank names and outage marks have something to show.

use super::API;
use super::script::id;
use serde_json::{Value, json};

/// The sandbox bank every other connection is at.
const HOOLI: &str = "AU00000";

/// `(id, name, short name, type, status)` of each demo institution.
const BANKS: [(&str, &str, &str, &str, &str); 4] = [
    (HOOLI, "Hooli Bank", "Hooli", "Test Bank", "operational"),
    (
        "AU04201",
        "Coastal Credit Union",
        "Coastal CU",
        "Credit Union",
        "operational",
    ),
    ("AU15301", "Nimbus Bank", "Nimbus", "Bank", "major-outage"),
    (
        "AU12601",
        "Southern Cross Savings",
        "SX Savings",
        "Bank",
        "under-maintenance",
    ),
];

/// `(connection number, institution id)`: connections not listed are at Hooli.
const CONNECTION_BANKS: [(u64, &str); 4] = [
    (0xc2, "AU04201"),
    (0xc3, "AU15301"),
    (0xc5, "AU04201"),
    (0xd1, "AU12601"),
];

/// The institution a demo connection (by its id) is at.
pub fn institution_of(connection_id: &str) -> &'static str {
    CONNECTION_BANKS
        .iter()
        .find(|(connection, _)| id(*connection) == connection_id)
        .map_or(HOOLI, |(_, bank)| bank)
}

/// `GET /institutions/{id}` for a demo institution: Basiq's institution object, or `None` for
/// an id the demo does not know (a 404).
pub fn institution(institution_id: &str) -> Option<Value> {
    let (id, name, short_name, kind, status) =
        *BANKS.iter().find(|bank| bank.0 == institution_id)?;
    Some(json!({
        "type": "institution",
        "id": id,
        "name": name,
        "shortName": short_name,
        "institutionType": kind,
        "country": "Australia",
        "serviceName": "Personal Online Banking",
        "serviceType": "Personal Banking",
        "tier": "4",
        "authorization": "user",
        "stage": "live",
        "status": status,
        "stats": {"averageDurationMs": {"verifyCredentials": 3600, "retrieveAccounts": 4500,
            "retrieveTransactions": 2300, "total": 10400}},
        "logo": {"type": "image", "colors": null, "links": {
            "square": format!("https://d388vpyfrt4zrj.cloudfront.net/{id}.svg"),
            "full": format!("https://d388vpyfrt4zrj.cloudfront.net/{id}-full.svg")}},
        "links": {"self": format!("{API}/institutions/{id}")},
    }))
}
