//! The translations in `locales/`: every language has every key English has (and no other),
//! with the same variables, and none is left in English by mistake.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const PLURAL_FORMS: [&str; 6] = ["_zero", "_one", "_two", "_few", "_many", "_other"];

/// Texts that read the same in French and English: names, codes and loan words.
const SAME_IN_FRENCH: &[&str] = &[
    "Basiq",
    "JSON",
    "CSV",
    "Dashboard",
    "Purge",
    "Message",
    "Action",
    "Type",
    "Date",
    "Code",
    "Total",
    "Normal",
    "Notifications",
    "Dates",
    "Actions",
    "Page",
    "Conditions",
    "null",
    // Units written the same way in both languages.
    "{{ n }} min",
    "{{ n }} h",
];

fn locale(name: &str) -> BTreeMap<String, String> {
    let path = format!("{}/locales/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut flat = BTreeMap::new();
    flatten("", &value, &mut flat);
    flat
}

fn flatten(prefix: &str, value: &Value, into: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&path, inner, into);
            }
        }
        Value::String(text) => {
            into.insert(prefix.to_owned(), text.clone());
        }
        other => panic!("{prefix}: a translation is a string, not {other}"),
    }
}

/// A key without its plural form (`jobs_one` and `jobs_other` are both `jobs`).
fn base_key(key: &str) -> &str {
    PLURAL_FORMS
        .iter()
        .find_map(|form| key.strip_suffix(form))
        .unwrap_or(key)
}

fn keys(flat: &BTreeMap<String, String>) -> BTreeSet<&str> {
    flat.keys().map(|k| base_key(k)).collect()
}

/// The `{{ name }}` variables a text uses.
fn variables(text: &str) -> BTreeSet<String> {
    text.split("{{")
        .skip(1)
        .filter_map(|part| part.split_once("}}"))
        .map(|(name, _)| name.trim().to_owned())
        .collect()
}

fn variables_of(flat: &BTreeMap<String, String>, key: &str) -> BTreeSet<String> {
    flat.iter()
        .filter(|(k, _)| base_key(k) == key)
        .flat_map(|(_, text)| variables(text))
        .filter(|name| name != "count")
        .collect()
}

#[test]
fn french_has_every_key_english_has_and_no_other() {
    let (en, fr) = (locale("en"), locale("fr"));
    let (en_keys, fr_keys) = (keys(&en), keys(&fr));
    let missing: Vec<_> = en_keys.difference(&fr_keys).collect();
    let extra: Vec<_> = fr_keys.difference(&en_keys).collect();
    assert!(missing.is_empty(), "missing in fr.json: {missing:?}");
    assert!(extra.is_empty(), "in fr.json but not in en.json: {extra:?}");
    for known in ["app.title", "status.failed", "card.copy_id"] {
        assert!(en_keys.contains(known), "{known} not read from en.json");
    }
}

#[test]
fn every_translation_uses_the_same_variables_and_none_is_empty() {
    let (en, fr) = (locale("en"), locale("fr"));
    for (key, text) in en.iter().chain(fr.iter()) {
        assert!(!text.trim().is_empty(), "{key} is empty");
    }
    for key in keys(&en) {
        assert_eq!(
            variables_of(&en, key),
            variables_of(&fr, key),
            "variables of {key}"
        );
    }
}

#[test]
fn no_french_text_is_english_left_in_place() {
    let (en, fr) = (locale("en"), locale("fr"));
    let untranslated: Vec<_> = en
        .iter()
        .filter(|(key, text)| {
            fr.get(*key) == Some(*text) && !SAME_IN_FRENCH.contains(&text.as_str())
        })
        .map(|(key, text)| format!("{key}: {text}"))
        .collect();
    assert!(
        untranslated.is_empty(),
        "left in English in fr.json: {untranslated:#?}"
    );
}

#[test]
fn the_checks_catch_a_missing_key_and_a_changed_variable() {
    let mut broken = BTreeMap::new();
    flatten(
        "",
        &serde_json::json!({"a": {"b": "x {{ n }}"}, "c_one": "1", "c_other": "{{ count }}"}),
        &mut broken,
    );
    assert_eq!(keys(&broken), BTreeSet::from(["a.b", "c"]));
    assert_eq!(
        variables_of(&broken, "a.b"),
        BTreeSet::from(["n".to_owned()])
    );
    assert!(variables_of(&broken, "c").is_empty());
}
