//! The page's language. Texts live in `locales/` and are read with [`crate::tr!`].

pub mod billing;
pub mod contract;
pub mod directory;
pub mod matching;
pub mod problems;
pub mod project;
pub mod quote;
pub mod selection;
pub mod steps;

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

/// Where a text quotes what a user wrote: the argument to give `tr!` in its place.
pub const DATA: &str = "\u{1}";

/// A text that quotes user data (`tr!(key, message = DATA)`), with the data marked
/// `translate="no"`: it is in its writer's language, not the page's.
pub fn with_data(text: impl std::fmt::Display, data: String) -> impl leptos::prelude::IntoView {
    use leptos::prelude::*;
    let text = text.to_string();
    let (before, after) = text.split_once(DATA).unwrap_or((text.as_str(), ""));
    let (before, after) = (before.to_string(), after.to_string());
    view! { {before} <span translate="no">{data}</span> {after} }
}
