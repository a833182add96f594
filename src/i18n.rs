//! Every text of the product, in `locales/<lang>/<namespace>.json`: French first,
//! English second. `build.rs` checks that both languages have every key and generates
//! the typed module included here, so a key the code names but the files lack does not
//! compile.
//!
//! Pages write `tr!(site.nav_home)` (the page's language, see
//! [`crate::ui::text::current_lang`]); the server writes `tr_in!(lang, mail.subject)`
//! for a recipient's or a caller's language. With arguments:
//! `tr!(site.stats_refreshed_times, count = n)`.
//!
//! The language changes with a page load only (the switch is a form POST), so texts are
//! plain strings, not signals, and no i18n context is provided: the page's [`Lang`]
//! already is one.

#![allow(missing_docs, clippy::all)]

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub use self::i18n::Locale;
use crate::domain::lang::Lang;

pub fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Fr => Locale::fr,
        Lang::En => Locale::en,
    }
}

/// A text in the language of the page being rendered.
macro_rules! tr {
    ($($key:tt)+) => {
        leptos_i18n::td_string!(
            $crate::i18n::locale($crate::ui::text::current_lang()),
            $($key)+
        )
    };
}

/// A text in a given language: a mail's recipient, a server function's caller.
macro_rules! tr_in {
    ($lang:expr, $($key:tt)+) => {
        leptos_i18n::td_string!($crate::i18n::locale($lang), $($key)+)
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_render_with_arguments() {
        assert_eq!(
            tr_in!(Lang::Fr, site.stats_refreshed_times, count = 3),
            "Chiffres actualisés 3 fois"
        );
        assert_eq!(tr_in!(Lang::En, site.nav_home), "Home");
    }
}
