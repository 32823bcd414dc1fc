//! Reads the shared Basiq fixtures (`../shared/basiq/fixtures`, or `$BASIQ_FIXTURES`).
// Each test crate includes this file and uses a subset of it.
#![allow(dead_code)]

use serde_json::Value;
use std::path::PathBuf;

/// The fixture folder.
pub fn dir() -> PathBuf {
    std::env::var_os("BASIQ_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/basiq/fixtures")
        })
}

/// The text of one fixture file.
pub fn text(name: &str) -> String {
    let path = dir().join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", path.display()))
}

/// One fixture file as JSON.
pub fn json(name: &str) -> Value {
    serde_json::from_str(&text(name)).unwrap_or_else(|e| panic!("fixture {name} is not JSON: {e}"))
}

/// The names of all fixture files whose name starts with `prefix`, sorted.
pub fn names(prefix: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap_or_else(|e| panic!("cannot list fixtures in {}: {e}", dir().display()))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with(prefix) && name.ends_with(".json"))
        .collect();
    names.sort();
    names
}
