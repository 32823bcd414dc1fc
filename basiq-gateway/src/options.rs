//! The command line and the environment.

use crate::secret::Secret;
use axum::http::HeaderName;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// The usage line.
pub const USAGE: &str = "usage: BASIQ_API_KEY=… basiq-gateway (--users FILE | --dev-allow-all) [--listen 127.0.0.1:8080] [--dist DIR] \
[--app-config FILE] [--api-url URL] [--identity-header NAME] [--read-only] [--allow-purge] \
[--upstream-timeout SECONDS] [--upstream-concurrency N] [--max-body BYTES] [--max-upstream-body BYTES]";

/// Basiq's API host (API.md §1).
pub const BASIQ_API: &str = "https://au-api.basiq.io";

/// Everything the gateway is told at start.
#[derive(Debug)]
pub struct Options {
    /// Where to listen.
    pub listen: SocketAddr,
    /// The built app to serve (`dist/`), if any.
    pub dist: Option<PathBuf>,
    /// A `config.json` for the app (user id, theme, …); the gateway sets `apiBaseUrl`, `auth`,
    /// `readOnly` and `allowPurge` over it.
    pub app_config: Option<PathBuf>,
    /// Basiq's base URL, without a trailing `/` (`--api-url`, else `BASIQ_API_URL`).
    pub api_url: String,
    /// `BASIQ_API_KEY`.
    pub api_key: Secret,
    /// The header the portal's sign-in layer sets to the signed-in identity.
    pub identity_header: HeaderName,
    /// The users file (who may read which Basiq users).
    pub users: Option<PathBuf>,
    /// No identity needed, every user readable: local use only.
    pub dev_allow_all: bool,
    /// Refuse refresh and purge.
    pub read_only: bool,
    /// Forward purge too.
    pub allow_purge: bool,
    /// The longest wait for Basiq (connecting and answering).
    pub upstream_timeout: Duration,
    /// The most calls to Basiq at once; more wait their turn.
    pub upstream_concurrency: usize,
    /// The largest request body accepted.
    pub max_body: usize,
    /// The largest answer accepted from Basiq.
    pub max_upstream_body: usize,
}

impl Options {
    /// Reads the arguments (without the program name) and the environment through `env`.
    pub fn parse(
        args: impl IntoIterator<Item = String>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, String> {
        let api_key = env("BASIQ_API_KEY")
            .filter(|k| !k.trim().is_empty())
            .ok_or("BASIQ_API_KEY is not set: the gateway needs the API key to mint tokens")?;
        let mut o = Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            dist: None,
            app_config: None,
            api_url: env("BASIQ_API_URL")
                .filter(|u| !u.is_empty())
                .unwrap_or(BASIQ_API.into()),
            api_key: Secret::new(api_key.trim()),
            identity_header: HeaderName::from_static("x-forwarded-user"),
            users: None,
            dev_allow_all: false,
            read_only: false,
            allow_purge: false,
            upstream_timeout: Duration::from_secs(20),
            upstream_concurrency: 64,
            max_body: 64 * 1024,
            max_upstream_body: 64 * 1024 * 1024,
        };
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let mut value = || args.next().ok_or(format!("{flag} needs a value"));
            let number = |text: String| -> Result<usize, String> {
                text.parse().map_err(|e| format!("{flag}: {e}"))
            };
            match flag.as_str() {
                "--listen" => {
                    o.listen = value()?.parse().map_err(|e| format!("--listen: {e}"))?;
                }
                "--dist" => o.dist = Some(PathBuf::from(value()?)),
                "--app-config" => o.app_config = Some(PathBuf::from(value()?)),
                "--api-url" => o.api_url = value()?,
                "--identity-header" => {
                    o.identity_header = HeaderName::from_bytes(value()?.as_bytes())
                        .map_err(|e| format!("--identity-header: {e}"))?;
                }
                "--users" => o.users = Some(PathBuf::from(value()?)),
                "--dev-allow-all" => o.dev_allow_all = true,
                "--read-only" => o.read_only = true,
                "--allow-purge" => o.allow_purge = true,
                "--upstream-timeout" => {
                    let seconds: f64 = value()?
                        .parse()
                        .map_err(|e| format!("--upstream-timeout: {e}"))?;
                    o.upstream_timeout = Duration::try_from_secs_f64(seconds)
                        .ok()
                        .filter(|d| !d.is_zero())
                        .ok_or("--upstream-timeout: expected seconds above 0")?;
                }
                "--upstream-concurrency" => o.upstream_concurrency = number(value()?)?.max(1),
                "--max-body" => o.max_body = number(value()?)?,
                "--max-upstream-body" => o.max_upstream_body = number(value()?)?,
                "--help" | "-h" => return Err(String::new()),
                other => return Err(format!("unknown option {other}")),
            }
        }
        o.api_url = o.api_url.trim_end_matches('/').to_owned();
        if !(o.api_url.starts_with("https://") || o.api_url.starts_with("http://")) {
            return Err(format!(
                "the API URL must start with https:// (got {:?})",
                o.api_url
            ));
        }
        if o.users.is_some() == o.dev_allow_all {
            return Err(
                "say who may read whose jobs: either --users FILE or --dev-allow-all (local use only)"
                    .into(),
            );
        }
        if o.read_only && o.allow_purge {
            return Err("--allow-purge contradicts --read-only".into());
        }
        Ok(o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str], key: Option<&str>) -> Result<Options, String> {
        let args = args.iter().map(|a| a.to_string());
        Options::parse(args, |name| match name {
            "BASIQ_API_KEY" => key.map(str::to_owned),
            _ => None,
        })
    }

    #[test]
    fn defaults_and_flags() {
        let o = parse(&["--dev-allow-all"], Some("k")).unwrap();
        assert_eq!(o.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(o.api_url, "https://au-api.basiq.io");
        assert_eq!(o.identity_header, "x-forwarded-user");
        assert_eq!(o.upstream_timeout, Duration::from_secs(20));
        assert!(!o.read_only && !o.allow_purge);
        let o = parse(
            &[
                "--users",
                "u.json",
                "--listen",
                "0.0.0.0:9000",
                "--api-url",
                "http://127.0.0.1:4010/",
                "--identity-header",
                "X-Auth-Request-Email",
                "--upstream-timeout",
                "1.5",
                "--allow-purge",
                "--max-body",
                "100",
            ],
            Some(" k "),
        )
        .unwrap();
        assert_eq!(o.api_url, "http://127.0.0.1:4010");
        assert_eq!(o.identity_header, "x-auth-request-email");
        assert_eq!(o.upstream_timeout, Duration::from_millis(1500));
        assert_eq!(o.api_key.expose(), "k");
        assert!(o.allow_purge);
        assert_eq!(o.max_body, 100);
    }

    #[test]
    fn refuses_what_would_be_unsafe_or_unclear() {
        for (args, key, expected) in [
            (&["--dev-allow-all"][..], None, "BASIQ_API_KEY is not set"),
            (
                &["--dev-allow-all"][..],
                Some("  "),
                "BASIQ_API_KEY is not set",
            ),
            (&[][..], Some("k"), "either --users FILE or --dev-allow-all"),
            (
                &["--users", "f", "--dev-allow-all"][..],
                Some("k"),
                "either --users",
            ),
            (
                &["--dev-allow-all", "--api-url", "ftp://x"][..],
                Some("k"),
                "must start with https://",
            ),
            (
                &["--dev-allow-all", "--read-only", "--allow-purge"][..],
                Some("k"),
                "contradicts",
            ),
            (
                &["--dev-allow-all", "--upstream-timeout", "0"][..],
                Some("k"),
                "above 0",
            ),
            (
                &["--dev-allow-all", "--listen"][..],
                Some("k"),
                "needs a value",
            ),
            (
                &["--dev-allow-all", "--bogus"][..],
                Some("k"),
                "unknown option --bogus",
            ),
        ] {
            let error = parse(args, key).unwrap_err();
            assert!(error.contains(expected), "{args:?}: {error}");
        }
    }

    #[test]
    fn the_key_never_shows_in_debug_output() {
        let o = parse(&["--dev-allow-all"], Some("sekrit-key-1")).unwrap();
        assert!(!format!("{o:?}").contains("sekrit"));
    }
}
