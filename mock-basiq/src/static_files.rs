//! Serves a built `dist/` under a base path, with a single-page-app fallback and the cache
//! headers the README recommends (hashed assets immutable, `index.html` and `config.json`
//! no-cache).

use crate::http::Reply;
use std::path::{Component, Path, PathBuf};
use tiny_http::Method;

/// A static site rooted at a folder and mounted under a base path.
pub struct Site {
    root: PathBuf,
    base: String,
}

/// Makes a base path start and end with `/`.
pub fn normalise_base(base: &str) -> String {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else {
        format!("/{trimmed}/")
    }
}

fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// Hashed files (`loader-<hash>.js`, `style-<hash>.css`, `<name>-<hash>_bg.wasm`) never change
/// under their name: cached for a year. Anything else is revalidated on every load.
fn cache_control(name: &str) -> &'static str {
    let hashed = name.rsplit_once('-').is_some_and(|(_, tail)| {
        tail.split('.')
            .next()
            .map(|stem| stem.strip_suffix("_bg").unwrap_or(stem))
            .is_some_and(|hash| hash.len() >= 16 && hash.chars().all(|c| c.is_ascii_hexdigit()))
    });
    if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

impl Site {
    /// A site serving `root` under `base`.
    pub fn new(root: PathBuf, base: String) -> Self {
        Self { root, base }
    }

    fn file(&self, relative: &str) -> Option<PathBuf> {
        let relative = Path::new(relative);
        if relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
        {
            return None;
        }
        let path = self.root.join(relative);
        if path.is_dir() {
            // A folder holding its own page (the bench's copy of the site): that page, as
            // static servers do (the root's is the fallback's own).
            let index = path.join("index.html");
            return index.is_file().then_some(index);
        }
        path.is_file().then_some(path)
    }

    fn serve(&self, path: &Path) -> Reply {
        match std::fs::read(path) {
            Ok(body) => {
                let name = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default();
                Reply::bytes(200, content_type(path), body)
                    .header("Cache-Control", cache_control(name))
            }
            Err(e) => Reply::text(500, &format!("cannot read {}: {e}", path.display())),
        }
    }

    /// Answers a GET or HEAD under the base path; anything that is not a file falls back to
    /// `index.html` unless it looks like a missing asset (has an extension).
    pub fn respond(&self, method: &Method, url: &str) -> Reply {
        if !matches!(method, Method::Get | Method::Head) {
            return Reply::text(405, "method not allowed");
        }
        let path = url.split(['?', '#']).next().unwrap_or_default();
        if path == self.base.trim_end_matches('/') {
            return Reply::text(301, "").header("Location", &self.base);
        }
        let Some(relative) = path.strip_prefix(&self.base) else {
            return Reply::text(404, "outside the base path");
        };
        if let Some(file) = self.file(relative) {
            return self.serve(&file);
        }
        let last = relative.rsplit('/').next().unwrap_or_default();
        if last.contains('.') {
            return Reply::text(404, "not found");
        }
        self.serve(&self.root.join("index.html"))
    }
}

#[cfg(test)]
mod tests {
    use super::{Site, cache_control};
    use tiny_http::Method;

    #[test]
    fn a_folder_with_its_own_page_serves_it_and_the_rest_falls_back() {
        let root = std::env::temp_dir().join(format!("mock-site-{}", std::process::id()));
        std::fs::create_dir_all(root.join("copy")).unwrap();
        std::fs::create_dir_all(root.join("assets")).unwrap();
        std::fs::write(root.join("index.html"), "root page").unwrap();
        std::fs::write(root.join("copy/index.html"), "copy page").unwrap();
        let site = Site::new(root.clone(), "/".into());
        let body = |url: &str| String::from_utf8(site.respond(&Method::Get, url).body).unwrap();
        assert_eq!(body("/copy/"), "copy page");
        assert_eq!(body("/copy/?view=health"), "copy page");
        assert_eq!(body("/assets/"), "root page", "a folder without a page");
        assert_eq!(body("/jobs/abc"), "root page", "a route of the app");
        assert_eq!(body("/"), "root page");
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn hashed_files_are_immutable_and_the_rest_revalidated() {
        let immutable = "public, max-age=31536000, immutable";
        for name in [
            "loader-633b7f54f57cf005.js",
            "style-f1a20aef63e1608a.css",
            "basiq-job-history-e41ad6863754a225_bg.wasm",
        ] {
            assert_eq!(cache_control(name), immutable, "{name}");
        }
        for name in [
            "index.html",
            "config.json",
            "favicon.svg",
            "basiq-job-history_bg.wasm",
            "basiq-job-history-e41ad686_bg.wasm",
            "baseline.js",
        ] {
            assert_eq!(cache_control(name), "no-cache", "{name}");
        }
    }
}
