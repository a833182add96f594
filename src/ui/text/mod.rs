//! Every text of the interface, in one place: French first, English second.
//! Pages read them through [`t`] (the texts of the site) and [`ta`] (accounts).

mod account;
mod home;
pub mod profile;

pub use account::{AccountTexts, ACCOUNT_EN, ACCOUNT_FR};
pub use home::{Step, Texts, EN, FR};
pub use profile::field_text;

/// The texts for the current visitor. French until language choice exists.
pub fn t() -> &'static Texts {
    &FR
}

/// The texts of the account pages.
pub fn ta() -> &'static AccountTexts {
    &ACCOUNT_FR
}
