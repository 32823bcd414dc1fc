//! The error playbook: for each step error code in API.md §8, the plain-language cause, who must
//! act and the recommended actions. Unknown codes fall back to the title and detail Basiq gave
//! plus the generic advice of the Basiq dashboard (API.md §12).

use super::step::StepError;
use crate::i18n::{Locale, td_string};

/// Who has to do something about a failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    /// The person whose bank connection it is.
    EndUser,
    /// The integrator's application (your app).
    YourApp,
    /// Basiq support.
    Basiq,
    /// The bank or institution.
    Bank,
}

impl Actor {
    /// A short label in `locale`.
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            Self::EndUser => td_string!(locale, actor.end_user),
            Self::YourApp => td_string!(locale, actor.your_app),
            Self::Basiq => "Basiq",
            Self::Bank => td_string!(locale, actor.bank),
        }
    }
}

/// What to tell a developer or support engineer about one error code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Advice {
    /// Why it happened, in plain language.
    pub cause: String,
    /// Who must act.
    pub who: Vec<Actor>,
    /// What to do, in order.
    pub actions: Vec<String>,
    /// False when the code has no documented meaning and the advice is generic.
    pub documented: bool,
}

struct Entry {
    codes: &'static [&'static str],
    cause: &'static str,
    who: &'static [Actor],
    actions: &'static [&'static str],
}

use Actor::{Bank, Basiq, EndUser, YourApp};

const RECONSENT: &str = "Send the user back through the Consent UI to re-enter their credentials";
const FIX_CSV: &str = "Fix the CSV file and upload it again";

const PLAYBOOK: &[Entry] = &[
    Entry {
        codes: &["invalid-credentials"],
        cause: "The bank rejected the stored login, often because the password changed since the last refresh (or the account is locked, or the bank's MFA type is unsupported).",
        who: &[EndUser],
        actions: &[
            RECONSENT,
            "If the account is locked, the user contacts the bank",
            "If the bank's MFA is unsupported, the user needs a login that works without it, then retries",
        ],
    },
    Entry {
        codes: &["authorization-failed"],
        cause: "The bank refused or cancelled the authorisation; the detail is the bank's own text.",
        who: &[EndUser],
        actions: &["Ask the user to consent again through the Consent UI (reauthorise)"],
    },
    Entry {
        codes: &["account-not-accessible-requires-user-action"],
        cause: "The bank shows a screen Basiq cannot get past, such as new terms with only Agree or Decline.",
        who: &[EndUser],
        actions: &[
            "The user logs in to online banking and clears the screen",
            "Then refresh the connection",
        ],
    },
    Entry {
        codes: &["service-unavailable"],
        cause: "The bank could not serve the request (outage, slowness or a site change). This is not a Basiq fault.",
        who: &[Bank, YourApp],
        actions: &[
            "Tell the user the bank is having problems",
            "Check the institution with GET /connectors: during a major outage, wait; otherwise retry after about 10 minutes",
            "After a couple of failures, report the connection id to Basiq support",
        ],
    },
    Entry {
        codes: &["maintenance", "maintenance-error"],
        cause: "The institution is under maintenance.",
        who: &[Bank],
        actions: &["Retry later", "Check the connector status"],
    },
    Entry {
        codes: &["bank-statement-new-product"],
        cause: "The statement's product is not recognised yet and needs configuration.",
        who: &[Basiq],
        actions: &["Contact Basiq support", "Retry once it is configured"],
    },
    Entry {
        codes: &["bank-statement-parsing-error"],
        cause: "The statement could not be parsed (for example a new layout).",
        who: &[Basiq],
        actions: &["Contact Basiq support, or try another statement"],
    },
    Entry {
        codes: &["bank-statement-not-supported"],
        cause: "The statement is unsupported, often because it was uploaded against the wrong bank.",
        who: &[YourApp, EndUser],
        actions: &["Upload it again with the correct institutionId"],
    },
    Entry {
        codes: &["bank-statement-invalid"],
        cause: "The file is not an official bank PDF statement.",
        who: &[EndUser],
        actions: &["Upload an official statement"],
    },
    Entry {
        codes: &[
            "missing-required-field",
            "missing-required-field-value",
            "invalid-field-value",
            "invalid-csv-row",
        ],
        cause: "The CSV upload is incomplete or malformed: a required column or value is missing, a value is malformed, or a row was rejected.",
        who: &[YourApp, EndUser],
        actions: &[FIX_CSV],
    },
    Entry {
        codes: &["account-data-differs", "empty-file", "row-count-exceeded"],
        cause: "The CSV upload is inconsistent: one account's details differ between rows, there are no data rows, or there are too many rows.",
        who: &[YourApp, EndUser],
        actions: &["Fix the CSV file (split it if it is too long) and upload it again"],
    },
];

/// Codes the event documentation names as user-side errors that invalidate a connection.
const USER_SIDE: &[&str] = &[
    "user-action-required",
    "invalid-username-or-password",
    "invalid-connection",
    "locked-account",
    "multifactor-required",
];

/// The generic advice of Basiq's dashboard, for any failed job.
pub const GENERIC_ACTIONS: [&str; 3] = [
    "Check that the user's bank credentials are still valid",
    "Check network and API availability",
    "Use the job ID to fetch the details (GET /jobs/{id}): the failing step and its code, title and detail",
];

/// The advice for one step error. Documented codes get their cause, actor and actions; any
/// other code shows its own title and detail as the cause, with the generic advice.
pub fn advice(error: &StepError) -> Advice {
    if let Some(entry) = PLAYBOOK
        .iter()
        .find(|e| e.codes.contains(&error.code.as_str()))
    {
        return Advice {
            cause: entry.cause.to_owned(),
            who: entry.who.to_vec(),
            actions: entry.actions.iter().map(|a| (*a).to_owned()).collect(),
            documented: true,
        };
    }
    let cause = match (error.title.as_deref(), error.detail.as_deref()) {
        (Some(title), Some(detail)) if !detail.trim().is_empty() && title != detail => {
            format!("{title}: {detail}")
        }
        _ => error.message().to_owned(),
    };
    let mut actions: Vec<String> = Vec::new();
    let who = if USER_SIDE.contains(&error.code.as_str()) {
        actions.push(RECONSENT.to_owned());
        vec![EndUser]
    } else {
        Vec::new()
    };
    actions.extend(GENERIC_ACTIONS.iter().map(|a| (*a).to_owned()));
    Advice {
        cause,
        who,
        actions,
        documented: false,
    }
}

/// The whole playbook as JSON: each documented entry (codes, cause, who acts, actions), the
/// codes the end user must act on, and the advice for any other code. For the benchmark's
/// plain-JS baseline (examples/playbook_json.rs).
pub fn playbook_json() -> serde_json::Value {
    let entries: Vec<serde_json::Value> = PLAYBOOK
        .iter()
        .map(|e| {
            let who: Vec<&str> = e.who.iter().map(|a| a.label(Locale::en)).collect();
            serde_json::json!({ "codes": e.codes, "cause": e.cause, "who": who, "actions": e.actions })
        })
        .collect();
    serde_json::json!({
        "entries": entries,
        "userSide": USER_SIDE,
        "endUser": EndUser.label(Locale::en),
        "reconsent": RECONSENT,
        "generic": GENERIC_ACTIONS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(code: &str, title: Option<&str>, detail: Option<&str>) -> StepError {
        StepError {
            code: code.into(),
            title: title.map(Into::into),
            detail: detail.map(Into::into),
        }
    }

    #[test]
    fn the_json_form_carries_every_entry_and_the_fallback() {
        let json = playbook_json();
        let entries = json["entries"].as_array().expect("entries");
        assert_eq!(entries.len(), PLAYBOOK.len());
        let credentials = entries
            .iter()
            .find(|e| e["codes"][0] == "invalid-credentials")
            .expect("invalid-credentials");
        let advice = advice(&error("invalid-credentials", None, None));
        assert_eq!(credentials["cause"], advice.cause.as_str());
        assert_eq!(credentials["who"][0], "the end user");
        assert_eq!(
            credentials["actions"].as_array().unwrap().len(),
            advice.actions.len()
        );
        assert_eq!(
            json["generic"].as_array().unwrap().len(),
            GENERIC_ACTIONS.len()
        );
        assert!(
            json["userSide"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c.is_string())
        );
    }

    #[test]
    fn documented_codes_name_who_acts() {
        assert_eq!(
            advice(&error("invalid-credentials", None, None)).who,
            [EndUser]
        );
        assert_eq!(
            advice(&error("authorization-failed", None, Some("access_denied"))).who,
            [EndUser]
        );
        assert_eq!(
            advice(&error("service-unavailable", None, None)).who,
            [Bank, YourApp]
        );
        assert_eq!(advice(&error("maintenance-error", None, None)).who, [Bank]);
        assert_eq!(
            advice(&error("bank-statement-parsing-error", None, None)).who,
            [Basiq]
        );
        assert!(advice(&error("empty-file", None, None)).documented);
    }

    #[test]
    fn unknown_codes_keep_their_own_words_and_get_generic_advice() {
        let a = advice(&error(
            "upstream-session-conflict",
            Some("Institution session conflict"),
            Some("Try later."),
        ));
        assert!(!a.documented);
        assert_eq!(a.cause, "Institution session conflict: Try later.");
        assert!(a.who.is_empty());
        assert_eq!(a.actions, GENERIC_ACTIONS);
    }

    #[test]
    fn user_side_codes_point_at_the_end_user() {
        let a = advice(&error("locked-account", Some("Locked"), None));
        assert_eq!(a.who, [EndUser]);
        assert_eq!(a.cause, "Locked");
        assert_eq!(a.actions.len(), 1 + GENERIC_ACTIONS.len());
    }
}
