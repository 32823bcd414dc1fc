//! The allow list: the Basiq calls the app makes, and nothing else. A path is matched segment by
//! segment and every id must be a plain id (letters, digits, `-`, `_`), so `..`, encoded
//! traversal (`%2e%2e`), empty segments and extra segments never match.

use axum::http::Method;

/// A Basiq call the gateway forwards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `GET /users/{user}/jobs` (its query passed on: the connection filter, a page).
    Jobs { user: String },
    /// `GET /jobs/{id}`: the polling call.
    Job { id: String },
    /// `GET /institutions/{id}`: a bank's name and status.
    Institution { id: String },
    /// `POST /users/{user}/connections/{connection}/refresh`.
    Refresh { user: String, connection: String },
    /// `POST /users/{user}/connections/refresh`: every connection of the user.
    RefreshAll { user: String },
    /// `POST /users/{user}/connections/{connection}/purge`.
    Purge { user: String, connection: String },
}

/// Whether a path segment is a plain id: 1 to 128 of `A-Z a-z 0-9 - _`.
fn plain(segment: &str) -> bool {
    (1..=128).contains(&segment.len())
        && segment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Route {
    /// Matches a method and a path (below the gateway's `/basiq` prefix, as sent: not decoded).
    pub fn parse(method: &Method, path: &str) -> Option<Self> {
        let segments: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
        let id = |segment: &&str| plain(segment).then(|| segment.to_string());
        let route = match (method.as_str(), segments.as_slice()) {
            ("GET", ["users", user, "jobs"]) => Self::Jobs { user: id(user)? },
            ("GET", ["jobs", job]) => Self::Job { id: id(job)? },
            ("GET", ["institutions", institution]) => Self::Institution {
                id: id(institution)?,
            },
            ("POST", ["users", user, "connections", "refresh"]) => {
                Self::RefreshAll { user: id(user)? }
            }
            ("POST", ["users", user, "connections", connection, "refresh"]) => Self::Refresh {
                user: id(user)?,
                connection: id(connection)?,
            },
            ("POST", ["users", user, "connections", connection, "purge"]) => Self::Purge {
                user: id(user)?,
                connection: id(connection)?,
            },
            _ => return None,
        };
        Some(route)
    }

    /// The Basiq user in the path, whose owner the caller must be.
    pub fn user(&self) -> Option<&str> {
        match self {
            Self::Jobs { user }
            | Self::RefreshAll { user }
            | Self::Refresh { user, .. }
            | Self::Purge { user, .. } => Some(user),
            Self::Job { .. } | Self::Institution { .. } => None,
        }
    }

    /// Whether the call changes data (refuse it when the gateway is read-only).
    pub fn changes_data(&self) -> bool {
        matches!(
            self,
            Self::Refresh { .. } | Self::RefreshAll { .. } | Self::Purge { .. }
        )
    }

    /// Whether the call's query is passed on (only the job list has one).
    pub fn takes_query(&self) -> bool {
        matches!(self, Self::Jobs { .. })
    }

    /// The path sent to Basiq, rebuilt from the matched ids (never the caller's text).
    pub fn upstream_path(&self) -> String {
        match self {
            Self::Jobs { user } => format!("/users/{user}/jobs"),
            Self::Job { id } => format!("/jobs/{id}"),
            Self::Institution { id } => format!("/institutions/{id}"),
            Self::Refresh { user, connection } => {
                format!("/users/{user}/connections/{connection}/refresh")
            }
            Self::RefreshAll { user } => format!("/users/{user}/connections/refresh"),
            Self::Purge { user, connection } => {
                format!("/users/{user}/connections/{connection}/purge")
            }
        }
    }
}

/// The Basiq user a job belongs to, from its `links.source`
/// (`…/users/{user}/connections/{connection}`); `None` when the job does not say (uploads).
pub fn job_owner(job: &serde_json::Value) -> Option<&str> {
    let source = job.pointer("/links/source")?.as_str()?;
    let user = source.split("/users/").nth(1)?.split('/').next()?;
    plain(user).then_some(user)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const GET: Method = Method::GET;
    const POST: Method = Method::POST;

    #[test]
    fn matches_the_calls_the_app_makes() {
        let user = || "a2cb616d-2a1c-4c08-b448-cedb22e707f6".to_string();
        assert_eq!(
            Route::parse(&GET, "/users/a2cb616d-2a1c-4c08-b448-cedb22e707f6/jobs"),
            Some(Route::Jobs { user: user() })
        );
        assert_eq!(
            Route::parse(&GET, "/jobs/84317"),
            Some(Route::Job { id: "84317".into() })
        );
        assert_eq!(
            Route::parse(&GET, "/institutions/AU00000"),
            Some(Route::Institution {
                id: "AU00000".into()
            })
        );
        let refresh = Route::parse(&POST, "/users/u1/connections/c_1/refresh").unwrap();
        assert_eq!(refresh.upstream_path(), "/users/u1/connections/c_1/refresh");
        assert!(refresh.changes_data() && !refresh.takes_query());
        assert_eq!(
            Route::parse(&POST, "/users/u1/connections/refresh"),
            Some(Route::RefreshAll { user: "u1".into() })
        );
        let purge = Route::parse(&POST, "/users/u1/connections/c1/purge").unwrap();
        assert_eq!(purge.user(), Some("u1"));
        assert!(Route::parse(&GET, "/users/u1/jobs").unwrap().takes_query());
    }

    #[test]
    fn nothing_else_matches() {
        for (method, path) in [
            (&GET, "/token"),
            (&POST, "/token"),
            (&GET, "/users/u1"),
            (&GET, "/users/u1/accounts"),
            (&GET, "/users/u1/connections"),
            (&POST, "/users/u1/jobs"),
            (&Method::DELETE, "/users/u1/connections/c1"),
            (&GET, "/users/u1/connections/c1/refresh"),
            (&GET, "/users/../jobs"),
            (&GET, "/users/u1/../u2/jobs"),
            (&GET, "/jobs/.."),
            (&GET, "/jobs/%2e%2e"),
            (&GET, "/jobs/%2E%2E%2Ftoken"),
            (&GET, "/jobs/a%2Fb"),
            (&GET, "/jobs/"),
            (&GET, "/jobs//x"),
            (&GET, "//jobs/x"),
            (&GET, "jobs/x"),
            (&GET, "/jobs/x/"),
            (&GET, "/jobs/x/y"),
            (&GET, "/jobs/a.b"),
            (&GET, "/jobs/a b"),
            (&GET, "/jobs/\u{e9}"),
            (&GET, ""),
        ] {
            assert_eq!(Route::parse(method, path), None, "{method} {path}");
        }
        let long = format!("/jobs/{}", "a".repeat(129));
        assert_eq!(Route::parse(&GET, &long), None);
        assert!(Route::parse(&GET, &format!("/jobs/{}", "a".repeat(128))).is_some());
    }

    #[test]
    fn reads_the_owner_of_a_job() {
        let job = json!({"links": {"source": "https://au-api.basiq.io/users/u-1/connections/c-1"}});
        assert_eq!(job_owner(&job), Some("u-1"));
        assert_eq!(job_owner(&json!({"links": {}})), None);
        assert_eq!(job_owner(&json!({"links": {"source": 7}})), None);
        let odd = json!({"links": {"source": "https://x/users/../connections/c"}});
        assert_eq!(job_owner(&odd), None);
    }
}
