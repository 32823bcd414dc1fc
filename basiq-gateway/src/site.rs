//! The app's files and the headers every answer carries, as the README's hosting rules say:
//! hashed files cached for a year, everything else revalidated, API answers never stored; the
//! strict CSP, `nosniff` and no referrer on all.

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use std::path::Path;
use tower_http::services::ServeDir;

/// The policy the app runs under: no inline script or style, API calls to its own origin only.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

/// Serves `dist/` (a `.br` or `.gz` beside a file is sent to clients that accept it).
pub fn files(dist: &Path) -> ServeDir {
    ServeDir::new(dist).precompressed_br().precompressed_gzip()
}

/// Whether a path names a file Trunk hashed (`name-<16 hex>.js|css|wasm`, `_bg.wasm`).
pub fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let hash = stem.rsplit_once('-').map_or("", |(_, hash)| hash);
    matches!(extension, "js" | "css" | "wasm")
        && hash.len() == 16
        && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The `Cache-Control` for an answer to `path` with a success or other status.
pub fn cache_control(path: &str, success: bool) -> &'static str {
    if path == "/healthz" || path == "/basiq" || path.starts_with("/basiq/") {
        "no-store"
    } else if success && is_hashed(path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// Adds the cache, CSP and safety headers to every answer.
pub async fn headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let success = response.status().is_success() || response.status().as_u16() == 304;
    let headers = response.headers_mut();
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control(&path, success)),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_hashed_files() {
        assert!(is_hashed("/basiq-job-history-0123456789abcdef_bg.wasm"));
        assert!(is_hashed("/loader-0123456789abcdef.js"));
        assert!(is_hashed("/sub/style-0123456789ABCDEF.css"));
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/config.json"));
        assert!(!is_hashed("/favicon.svg"));
        assert!(!is_hashed("/loader-0123456789abcde.js"));
        assert!(!is_hashed("/loader-0123456789abcdeg.js"));
        assert!(!is_hashed("/x-0123456789abcdef.html"));
        assert!(!is_hashed("/"));
    }

    #[test]
    fn caches_by_kind() {
        let year = "public, max-age=31536000, immutable";
        assert_eq!(cache_control("/loader-0123456789abcdef.js", true), year);
        assert_eq!(
            cache_control("/loader-0123456789abcdef.js", false),
            "no-cache"
        );
        assert_eq!(cache_control("/", true), "no-cache");
        assert_eq!(cache_control("/config.json", true), "no-cache");
        assert_eq!(cache_control("/basiq/jobs/1", true), "no-store");
        assert_eq!(cache_control("/basiq", false), "no-store");
        assert_eq!(cache_control("/healthz", true), "no-store");
        assert_eq!(cache_control("/basiqx", true), "no-cache");
    }
}
