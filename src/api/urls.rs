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
