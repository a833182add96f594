//! Labels of the expert cards and the directory's filters: levels, languages and their
//! proficiency, in a given language (pages pass [`super::current_lang`]).

use crate::domain::lang::Lang;
use crate::domain::profile::{LanguageLevel, ProfileLevel};

pub fn level_label(lang: Lang, level: ProfileLevel) -> &'static str {
    match level {
        ProfileLevel::Junior => tr_in!(lang, directory.level_junior),
        ProfileLevel::Confirme => tr_in!(lang, directory.level_confirme),
        ProfileLevel::Senior => tr_in!(lang, directory.level_senior),
        ProfileLevel::Expert => tr_in!(lang, directory.level_expert),
    }
}

pub fn language_level_label(lang: Lang, level: LanguageLevel) -> &'static str {
    match level {
        LanguageLevel::A1 => tr_in!(lang, directory.language_level_a1),
        LanguageLevel::A2 => tr_in!(lang, directory.language_level_a2),
        LanguageLevel::B1 => tr_in!(lang, directory.language_level_b1),
        LanguageLevel::B2 => tr_in!(lang, directory.language_level_b2),
        LanguageLevel::C1 => tr_in!(lang, directory.language_level_c1),
        LanguageLevel::C2 => tr_in!(lang, directory.language_level_c2),
        LanguageLevel::Native => tr_in!(lang, directory.language_level_native),
    }
}

/// The name of a language of [`crate::domain::profile::LANGUAGES`]; another code is
/// shown as it is.
pub fn language_name(lang: Lang, code: &str) -> &str {
    match code {
        "fr" => tr_in!(lang, directory.language_fr),
        "en" => tr_in!(lang, directory.language_en),
        "de" => tr_in!(lang, directory.language_de),
        "es" => tr_in!(lang, directory.language_es),
        "it" => tr_in!(lang, directory.language_it),
        "pt" => tr_in!(lang, directory.language_pt),
        "ar" => tr_in!(lang, directory.language_ar),
        "zh" => tr_in!(lang, directory.language_zh),
        other => other,
    }
}

/// The languages offered as choices, `(code, name)`, in the order of
/// [`crate::domain::profile::LANGUAGES`].
pub fn languages(lang: Lang) -> Vec<(&'static str, &'static str)> {
    crate::domain::profile::LANGUAGES
        .iter()
        .map(|code| (*code, language_name(lang, code)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::LANGUAGES;

    #[test]
    fn every_language_is_named_in_both() {
        for code in LANGUAGES {
            assert_ne!(language_name(Lang::Fr, code), code);
            assert_ne!(language_name(Lang::En, code), code);
        }
        assert_eq!(language_name(Lang::Fr, "en"), "Anglais");
        assert_eq!(language_name(Lang::En, "en"), "English");
        assert_eq!(language_name(Lang::En, "xx"), "xx");
        assert_eq!(level_label(Lang::Fr, ProfileLevel::Confirme), "Confirmé");
        assert_eq!(
            language_level_label(Lang::Fr, LanguageLevel::Native),
            "Langue maternelle"
        );
    }
}
