//! Who may see whose jobs. The identity is a header set by the portal's sign-in layer
//! (oauth2-proxy's `X-Forwarded-User`, nginx `auth_request`, …); the users file maps each
//! identity to the Basiq user ids it may read:
//!
//! ```json
//! {"identities": {"alice@example.com": ["a2cb616d-…"], "support@example.com": "*"},
//!  "identityIsUserId": false}
//! ```
//!
//! `"*"` reads every user; `identityIsUserId: true` also lets an identity read the Basiq user
//! of the same id (portals whose sign-in is the Basiq user). Anything not granted is refused.

use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// What one identity may read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Readable {
    /// Every Basiq user (`"*"`).
    Everyone,
    /// These Basiq users.
    Users(HashSet<String>),
}

/// The access rule the gateway enforces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Access {
    /// `--dev-allow-all`: no identity needed, every user readable. For local use only.
    AllowAll,
    /// The users file.
    Granted {
        identities: HashMap<String, Readable>,
        identity_is_user_id: bool,
    },
}

impl Access {
    /// Reads a users file; an unknown key or a wrong type is an error that names it.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let value: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        let object = value.as_object().ok_or("expected an object")?;
        if let Some(unknown) = object
            .keys()
            .find(|k| !["identities", "identityIsUserId"].contains(&k.as_str()))
        {
            return Err(format!(
                "unknown key `{unknown}` (expected `identities`, `identityIsUserId`)"
            ));
        }
        let identity_is_user_id = match object.get("identityIsUserId") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => return Err("`identityIsUserId` must be true or false".into()),
        };
        let mut identities = HashMap::new();
        let listed = match object.get("identities") {
            None => Default::default(),
            Some(Value::Object(map)) => map.clone(),
            Some(_) => return Err("`identities` must be an object".into()),
        };
        for (identity, grant) in listed {
            let readable = match grant {
                Value::String(s) if s == "*" => Readable::Everyone,
                Value::Array(users) => Readable::Users(
                    users
                        .iter()
                        .map(|u| u.as_str().map(str::to_owned))
                        .collect::<Option<_>>()
                        .ok_or(format!("`identities.{identity}`: user ids must be strings"))?,
                ),
                _ => {
                    return Err(format!(
                        "`identities.{identity}` must be a list of user ids or \"*\""
                    ));
                }
            };
            identities.insert(identity, readable);
        }
        Ok(Self::Granted {
            identities,
            identity_is_user_id,
        })
    }

    /// Whether a request needs an identity at all.
    pub fn needs_identity(&self) -> bool {
        !matches!(self, Self::AllowAll)
    }

    /// Whether `identity` may read (and act on) Basiq user `user`.
    pub fn may_read(&self, identity: Option<&str>, user: &str) -> bool {
        match self {
            Self::AllowAll => true,
            Self::Granted {
                identities,
                identity_is_user_id,
            } => {
                let Some(identity) = identity else {
                    return false;
                };
                (*identity_is_user_id && identity == user)
                    || match identities.get(identity) {
                        Some(Readable::Everyone) => true,
                        Some(Readable::Users(users)) => users.contains(user),
                        None => false,
                    }
            }
        }
    }

    /// Whether `identity` may read every user (so also jobs that name no user).
    pub fn reads_all(&self, identity: Option<&str>) -> bool {
        match self {
            Self::AllowAll => true,
            Self::Granted { identities, .. } => identity
                .and_then(|i| identities.get(i))
                .is_some_and(|r| *r == Readable::Everyone),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"{"identities": {"alice@example.com": ["u1", "u2"], "support": "*"}}"#;

    #[test]
    fn grants_only_what_the_file_says() {
        let access = Access::from_json(FILE).unwrap();
        assert!(access.may_read(Some("alice@example.com"), "u1"));
        assert!(access.may_read(Some("alice@example.com"), "u2"));
        assert!(!access.may_read(Some("alice@example.com"), "u3"));
        assert!(!access.may_read(Some("ALICE@example.com"), "u1"));
        assert!(!access.may_read(Some("bob"), "u1"));
        assert!(!access.may_read(None, "u1"));
        assert!(access.may_read(Some("support"), "anyone"));
        assert!(access.reads_all(Some("support")));
        assert!(!access.reads_all(Some("alice@example.com")));
        assert!(!access.reads_all(None));
        assert!(access.needs_identity());
        // The identity is its own user only when the file says so.
        assert!(!access.may_read(Some("u9"), "u9"));
        let own = Access::from_json(r#"{"identityIsUserId": true}"#).unwrap();
        assert!(own.may_read(Some("u9"), "u9"));
        assert!(!own.may_read(Some("u9"), "u8"));
    }

    #[test]
    fn allow_all_needs_no_identity() {
        assert!(Access::AllowAll.may_read(None, "u1"));
        assert!(Access::AllowAll.reads_all(None));
        assert!(!Access::AllowAll.needs_identity());
    }

    #[test]
    fn a_bad_file_is_an_error_that_names_the_fault() {
        for (text, expected) in [
            ("[", "not JSON"),
            ("[]", "expected an object"),
            (r#"{"identites": {}}"#, "unknown key `identites`"),
            (r#"{"identities": []}"#, "`identities` must be an object"),
            (r#"{"identities": {"a": "u1"}}"#, "`identities.a` must be"),
            (r#"{"identities": {"a": [1]}}"#, "user ids must be strings"),
            (r#"{"identityIsUserId": "yes"}"#, "true or false"),
        ] {
            let error = Access::from_json(text).unwrap_err();
            assert!(error.contains(expected), "{text}: {error}");
        }
    }
}
