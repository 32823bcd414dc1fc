//! Basiq URL builders (API.md §3). Pure, so they are tested on the host.

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn encode_component(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

fn base(api_base: &str) -> &str {
    api_base.trim_end_matches('/')
}

/// `GET {base}/users/{userId}/jobs`, with `filter=connection.id.eq('<id>')` when a connection is
/// given.
pub fn user_jobs(api_base: &str, user_id: &str, connection_id: Option<&str>) -> String {
    let url = format!(
        "{}/users/{}/jobs",
        base(api_base),
        encode_component(user_id)
    );
    match connection_id {
        Some(connection) => {
            format!(
                "{url}?filter={}",
                encode_component(&format!("connection.id.eq('{connection}')"))
            )
        }
        None => url,
    }
}

/// Where to ask for the page `links.next` names: its `/users/{userId}/jobs…` path and query on
/// the app's own API base, never the host the link names, so that a token goes only where the
/// configuration sends requests (and a same-origin proxy sees the page too). `None` for a link
/// that is not a page of a job list.
pub fn next_page(api_base: &str, next: &str) -> Option<String> {
    let next = next.trim();
    // The path and query, past any scheme and host.
    let path = match next.split_once("://") {
        Some((_, rest)) => {
            let host_end = rest.find('/')?;
            if rest[..host_end].contains(['?', '#']) {
                return None;
            }
            &rest[host_end..]
        }
        None => next,
    };
    // From `/users/` on (a proxy's own prefix before it is left out), before any query.
    let start = path.find("/users/")?;
    if path[..start].contains(['?', '#']) {
        return None;
    }
    let path = &path[start..];
    let route = path.split(['?', '#']).next().unwrap_or_default();
    let segments: Vec<&str> = route.trim_start_matches('/').split('/').collect();
    if segments.len() != 3 || segments[2] != "jobs" || segments[1].is_empty() {
        return None;
    }
    if path.contains("..") || path.contains('#') || path.contains(char::is_whitespace) {
        return None;
    }
    Some(format!("{}{path}", base(api_base)))
}

/// `GET {base}/jobs/{jobId}`.
pub fn job(api_base: &str, job_id: &str) -> String {
    format!("{}/jobs/{}", base(api_base), encode_component(job_id))
}

/// `GET {base}/institutions/{institutionId}`.
pub fn institution(api_base: &str, institution_id: &str) -> String {
    format!(
        "{}/institutions/{}",
        base(api_base),
        encode_component(institution_id)
    )
}

/// `POST {base}/users/{userId}/connections/{connectionId}/refresh`.
pub fn refresh(api_base: &str, user_id: &str, connection_id: &str) -> String {
    format!(
        "{}/users/{}/connections/{}/refresh",
        base(api_base),
        encode_component(user_id),
        encode_component(connection_id)
    )
}

/// `POST {base}/users/{userId}/connections/{connectionId}/purge`.
pub fn purge(api_base: &str, user_id: &str, connection_id: &str) -> String {
    format!(
        "{}/users/{}/connections/{}/purge",
        base(api_base),
        encode_component(user_id),
        encode_component(connection_id)
    )
}

/// `POST {base}/users/{userId}/connections/refresh`: every connection of the user.
pub fn refresh_all(api_base: &str, user_id: &str) -> String {
    format!(
        "{}/users/{}/connections/refresh",
        base(api_base),
        encode_component(user_id)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_documented_filter_encoding() {
        assert_eq!(
            user_jobs("https://au-api.basiq.io/", "u1", Some("20c7663a")),
            "https://au-api.basiq.io/users/u1/jobs?filter=connection.id.eq%28%2720c7663a%27%29"
        );
        assert_eq!(user_jobs("/basiq", "u1", None), "/basiq/users/u1/jobs");
    }

    #[test]
    fn next_pages_go_to_the_configured_base_only() {
        let next = "https://au-api.basiq.io/users/u1/jobs?page=2&filter=x";
        assert_eq!(
            next_page("/basiq", next).as_deref(),
            Some("/basiq/users/u1/jobs?page=2&filter=x")
        );
        assert_eq!(
            next_page("https://au-api.basiq.io/", next).as_deref(),
            Some(next)
        );
        // Another host is not followed there.
        assert_eq!(
            next_page("/basiq", "https://evil.example/users/u1/jobs?page=2").as_deref(),
            Some("/basiq/users/u1/jobs?page=2")
        );
        assert_eq!(
            next_page("/b", "https://portal.example/basiq/users/u1/jobs?page=3").as_deref(),
            Some("/b/users/u1/jobs?page=3")
        );
        assert_eq!(
            next_page("/basiq", "/users/u1/jobs?next=abc").as_deref(),
            Some("/basiq/users/u1/jobs?next=abc")
        );
        // Not a page of a job list, or a path that climbs out: not followed.
        for bad in [
            "https://au-api.basiq.io/users/u1/accounts?page=2",
            "https://au-api.basiq.io/users/u1/jobs/../../token",
            "https://au-api.basiq.io/jobs?page=2",
            "https://h/x?/users/u1/jobs",
            "https://h?/users/u1/jobs",
            "/users//jobs",
            "",
        ] {
            assert_eq!(next_page("/basiq", bad), None, "{bad}");
        }
    }

    #[test]
    fn encodes_ids_so_they_cannot_change_the_path() {
        assert_eq!(
            job("/basiq", "../users/x?y"),
            "/basiq/jobs/..%2Fusers%2Fx%3Fy"
        );
        assert_eq!(
            institution("/basiq/", "AU0/../x"),
            "/basiq/institutions/AU0%2F..%2Fx"
        );
        assert_eq!(
            refresh("/b", "u 1", "c/2"),
            "/b/users/u%201/connections/c%2F2/refresh"
        );
    }
}
