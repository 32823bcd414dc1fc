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

/// A text of the playbook in the viewer's language.
pub type Text = fn(Locale) -> &'static str;

struct Entry {
    codes: &'static [&'static str],
    cause: Text,
    who: &'static [Actor],
    actions: &'static [Text],
}

use Actor::{Bank, Basiq, EndUser, YourApp};

const RECONSENT: Text = |l| td_string!(l, advice.reconsent);
const FIX_CSV: Text = |l| td_string!(l, advice.fix_csv);

const PLAYBOOK: &[Entry] = &[
    Entry {
        codes: &["invalid-credentials"],
        cause: |l| td_string!(l, advice.invalid_credentials),
        who: &[EndUser],
        actions: &[
            RECONSENT,
            |l| td_string!(l, advice.locked_contact_bank),
            |l| td_string!(l, advice.mfa_unsupported),
        ],
    },
    Entry {
        codes: &["authorization-failed"],
        cause: |l| td_string!(l, advice.authorization_failed),
        who: &[EndUser],
        actions: &[|l| td_string!(l, advice.reauthorise)],
    },
    Entry {
        codes: &["account-not-accessible-requires-user-action"],
        cause: |l| td_string!(l, advice.not_accessible),
        who: &[EndUser],
        actions: &[
            |l| td_string!(l, advice.clear_screen),
            |l| td_string!(l, advice.then_refresh),
        ],
    },
    Entry {
        codes: &["service-unavailable"],
        cause: |l| td_string!(l, advice.unavailable),
        who: &[Bank, YourApp],
        actions: &[
            |l| td_string!(l, advice.tell_bank_problems),
            |l| td_string!(l, advice.check_connectors),
            |l| td_string!(l, advice.report_connection),
        ],
    },
    Entry {
        codes: &["maintenance", "maintenance-error"],
        cause: |l| td_string!(l, advice.maintenance),
        who: &[Bank],
        actions: &[
            |l| td_string!(l, advice.retry_later),
            |l| td_string!(l, advice.check_connector_status),
        ],
    },
    Entry {
        codes: &["bank-statement-new-product"],
        cause: |l| td_string!(l, advice.new_product),
        who: &[Basiq],
        actions: &[
            |l| td_string!(l, advice.contact_support),
            |l| td_string!(l, advice.retry_configured),
        ],
    },
    Entry {
        codes: &["bank-statement-parsing-error"],
        cause: |l| td_string!(l, advice.parsing_error),
        who: &[Basiq],
        actions: &[|l| td_string!(l, advice.support_or_other)],
    },
    Entry {
        codes: &["bank-statement-not-supported"],
        cause: |l| td_string!(l, advice.not_supported),
        who: &[YourApp, EndUser],
        actions: &[|l| td_string!(l, advice.upload_institution)],
    },
    Entry {
        codes: &["bank-statement-invalid"],
        cause: |l| td_string!(l, advice.statement_invalid),
        who: &[EndUser],
        actions: &[|l| td_string!(l, advice.upload_official)],
    },
    Entry {
        codes: &[
            "missing-required-field",
            "missing-required-field-value",
            "invalid-field-value",
            "invalid-csv-row",
        ],
        cause: |l| td_string!(l, advice.csv_malformed),
        who: &[YourApp, EndUser],
        actions: &[FIX_CSV],
    },
    Entry {
        codes: &["account-data-differs", "empty-file", "row-count-exceeded"],
        cause: |l| td_string!(l, advice.csv_inconsistent),
        who: &[YourApp, EndUser],
        actions: &[|l| td_string!(l, advice.fix_csv_split)],
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
pub const GENERIC_ACTIONS: [Text; 3] = [
    |l| td_string!(l, advice.generic_credentials),
    |l| td_string!(l, advice.generic_network),
    |l| td_string!(l, advice.generic_fetch),
];

/// The advice for one step error. Documented codes get their cause, actor and actions; any
/// other code shows its own title and detail as the cause, with the generic advice. The
/// playbook's words are in `locale`; Basiq's title and detail stay as Basiq sent them.
pub fn advice(error: &StepError, locale: Locale) -> Advice {
    if let Some(entry) = PLAYBOOK
        .iter()
        .find(|e| e.codes.contains(&error.code.as_str()))
    {
        return Advice {
            cause: (entry.cause)(locale).to_owned(),
            who: entry.who.to_vec(),
            actions: entry.actions.iter().map(|a| a(locale).to_owned()).collect(),
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
        actions.push(RECONSENT(locale).to_owned());
        vec![EndUser]
    } else {
        Vec::new()
    };
    actions.extend(GENERIC_ACTIONS.iter().map(|a| a(locale).to_owned()));
    Advice {
        cause,
        who,
        actions,
        documented: false,
    }
}

/// The whole playbook as JSON: each documented entry (codes, cause, who acts, actions), the
/// codes the end user must act on, and the advice for any other code. For the benchmark's
/// plain-JS baseline (examples/playbook_json.rs), in English.
pub fn playbook_json() -> serde_json::Value {
    let en = |texts: &[Text]| texts.iter().map(|t| t(Locale::en)).collect::<Vec<_>>();
    let entries: Vec<serde_json::Value> = PLAYBOOK
        .iter()
        .map(|e| {
            let who: Vec<&str> = e.who.iter().map(|a| a.label(Locale::en)).collect();
            let (cause, actions) = ((e.cause)(Locale::en), en(e.actions));
            serde_json::json!({ "codes": e.codes, "cause": cause, "who": who, "actions": actions })
        })
        .collect();
    serde_json::json!({
        "entries": entries,
        "userSide": USER_SIDE,
        "endUser": EndUser.label(Locale::en),
        "reconsent": RECONSENT(Locale::en),
        "generic": en(&GENERIC_ACTIONS),
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
        let advice = advice(&error("invalid-credentials", None, None), Locale::en);
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
            advice(&error("invalid-credentials", None, None), Locale::en).who,
            [EndUser]
        );
        assert_eq!(
            advice(
                &error("authorization-failed", None, Some("access_denied")),
                Locale::en
            )
            .who,
            [EndUser]
        );
        assert_eq!(
            advice(&error("service-unavailable", None, None), Locale::en).who,
            [Bank, YourApp]
        );
        assert_eq!(
            advice(&error("maintenance-error", None, None), Locale::en).who,
            [Bank]
        );
        assert_eq!(
            advice(
                &error("bank-statement-parsing-error", None, None),
                Locale::en
            )
            .who,
            [Basiq]
        );
        assert!(advice(&error("empty-file", None, None), Locale::en).documented);
    }

    #[test]
    fn unknown_codes_keep_their_own_words_and_get_generic_advice() {
        let a = advice(
            &error(
                "upstream-session-conflict",
                Some("Institution session conflict"),
                Some("Try later."),
            ),
            Locale::en,
        );
        assert!(!a.documented);
        assert_eq!(a.cause, "Institution session conflict: Try later.");
        assert!(a.who.is_empty());
        assert_eq!(a.actions, GENERIC_ACTIONS.map(|t| t(Locale::en)));
    }

    #[test]
    fn user_side_codes_point_at_the_end_user() {
        let a = advice(&error("locked-account", Some("Locked"), None), Locale::en);
        assert_eq!(a.who, [EndUser]);
        assert_eq!(a.cause, "Locked");
        assert_eq!(a.actions.len(), 1 + GENERIC_ACTIONS.len());
    }

    #[test]
    fn the_playbook_speaks_french_and_keeps_basiqs_own_words() {
        let known = advice(&error("invalid-credentials", None, None), Locale::fr);
        assert!(
            known.cause.starts_with("La banque a refusé"),
            "{}",
            known.cause
        );
        assert_eq!(known.actions.len(), 3);
        assert!(known.actions[0].contains("Consent UI"));
        let unknown = advice(
            &error(
                "upstream-session-conflict",
                Some("Session conflict"),
                Some("Try later."),
            ),
            Locale::fr,
        );
        assert_eq!(unknown.cause, "Session conflict: Try later.");
        assert_eq!(unknown.actions, GENERIC_ACTIONS.map(|t| t(Locale::fr)));
        assert_ne!(unknown.actions, GENERIC_ACTIONS.map(|t| t(Locale::en)));
    }
}
