//! Which language the app speaks: pure rules, tested on the host. The viewer's choice (the
//! picker, remembered in localStorage `bjh-lang`) or a host page's message wins, then
//! `config.json`'s `locale`, then the browser's languages in order, then English.

use crate::i18n::Locale;
use leptos_i18n::Locale as _;

/// The locale a language tag names (`fr`, `fr-CA`, `en_AU`, any case), if the app has it.
pub fn locale_from_tag(tag: &str) -> Option<Locale> {
    let tag = tag.trim().replace('_', "-");
    let primary = tag.split('-').next()?.to_ascii_lowercase();
    primary.parse().ok()
}

/// The locale to start in: the remembered choice, else the configured one, else the first of
/// the browser's languages (most preferred first) that the app has, else English.
pub fn initial_locale(
    remembered: Option<&str>,
    configured: Option<Locale>,
    browser: &[String],
) -> Locale {
    remembered
        .and_then(locale_from_tag)
        .or(configured)
        .or_else(|| browser.iter().find_map(|tag| locale_from_tag(tag)))
        .unwrap_or_default()
}

/// Each locale with its name in its own language, for the picker.
pub fn choices() -> impl Iterator<Item = (Locale, &'static str)> {
    Locale::get_all()
        .iter()
        .map(|&locale| (locale, native_name(locale)))
}

/// A locale's name in its own language.
pub fn native_name(locale: Locale) -> &'static str {
    match locale {
        Locale::en => "English",
        Locale::fr => "Français",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn tags_name_locales_by_their_language() {
        assert_eq!(locale_from_tag("fr"), Some(Locale::fr));
        assert_eq!(locale_from_tag(" FR-ca "), Some(Locale::fr));
        assert_eq!(locale_from_tag("en_AU"), Some(Locale::en));
        assert_eq!(locale_from_tag("de-DE"), None);
        assert_eq!(locale_from_tag(""), None);
        assert_eq!(locale_from_tag("<script>"), None);
    }

    #[test]
    fn the_remembered_choice_wins_then_config_then_the_browser() {
        let browser = tags(&["de-DE", "fr-FR", "en"]);
        assert_eq!(
            initial_locale(Some("en"), Some(Locale::fr), &browser),
            Locale::en
        );
        assert_eq!(initial_locale(None, Some(Locale::en), &browser), Locale::en);
        assert_eq!(initial_locale(None, None, &browser), Locale::fr);
        assert_eq!(
            initial_locale(Some("xx"), None, &tags(&["en-AU"])),
            Locale::en
        );
        assert_eq!(initial_locale(None, None, &tags(&["de", "ja"])), Locale::en);
        assert_eq!(initial_locale(None, None, &[]), Locale::en);
    }

    #[test]
    fn every_locale_is_offered_by_its_own_name() {
        let offered: Vec<_> = choices().collect();
        assert_eq!(
            offered,
            vec![(Locale::en, "English"), (Locale::fr, "Français")]
        );
    }
}
