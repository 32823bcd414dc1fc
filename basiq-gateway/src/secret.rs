//! A secret (the API key, a token) that no log line, error or `Debug` output can show.

use std::fmt;

/// A string that is never printed: `Debug` shows `Secret(redacted)`, and there is no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The value itself, for the one header that carries it upstream.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(redacted)")
    }
}

#[cfg(test)]
mod tests {
    use super::Secret;

    #[test]
    fn debug_output_never_shows_the_value() {
        let secret = Secret::new("key-abc123");
        assert_eq!(format!("{secret:?}"), "Secret(redacted)");
        assert_eq!(format!("{:?}", Some(&secret)), "Some(Secret(redacted))");
        assert_eq!(secret.expose(), "key-abc123");
    }
}
