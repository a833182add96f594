//! Every text of the interface, in one place: French first, English second.
//! Pages read them through [`t`] (the texts of the site) and [`ta`] (accounts), in the
//! visitor's language (see [`current_lang`]).

mod account;
mod home;
pub mod profile;

pub use account::{AccountTexts, ACCOUNT_EN, ACCOUNT_FR};
pub use home::{Step, Texts, EN, FR};
pub use profile::field_text;

use crate::domain::lang::Lang;

/// The language of this page: on the server, the one the HTML shell chose for the
/// request and provided as context; in the browser, the `<html lang>` that shell
/// rendered, so hydration renders the same texts. French when neither is known.
pub fn current_lang() -> Lang {
    if let Some(lang) = leptos::prelude::use_context::<Lang>() {
        return lang;
    }
    #[cfg(feature = "hydrate")]
    {
        document_lang()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Lang::Fr
    }
}

/// The page's language only changes with a new page load (the switch is a form POST),
/// so it is read from the document once.
#[cfg(feature = "hydrate")]
fn document_lang() -> Lang {
    thread_local! {
        static LANG: Lang = leptos::prelude::document()
            .document_element()
            .and_then(|root| root.get_attribute("lang"))
            .and_then(|code| Lang::parse(&code))
            .unwrap_or_default();
    }
    LANG.with(|lang| *lang)
}

/// The texts for the current visitor.
pub fn t() -> &'static Texts {
    match current_lang() {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// The texts of the account pages.
pub fn ta() -> &'static AccountTexts {
    match current_lang() {
        Lang::Fr => &ACCOUNT_FR,
        Lang::En => &ACCOUNT_EN,
    }
}
