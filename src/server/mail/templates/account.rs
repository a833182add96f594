//! The account mails — verification, reset, already registered — in the account's language.

use super::{greeting, render, render_secret, Body, Mail};
use crate::domain::lang::Lang;

/// Greets nobody by name: whoever signed up typed the name, the address has not
/// confirmed it yet.
pub fn verify_email(lang: Lang, to: &str, link: &str) -> Mail {
    let body = Body {
        lang,
        greeting: greeting(lang, None),
        paragraphs: vec![tr_in!(lang, mail.verify_email.lead).into()],
        action: Some((tr_in!(lang, mail.verify_email.action), link)),
        after: vec![tr_in!(lang, mail.verify_email.after).into()],
    };
    render_secret(to, tr_in!(lang, mail.verify_email.subject), body)
}

/// `confirmed_name`: the account's name once its address is confirmed, else `None`.
pub fn password_reset(lang: Lang, to: &str, confirmed_name: Option<&str>, link: &str) -> Mail {
    let body = Body {
        lang,
        greeting: greeting(lang, confirmed_name),
        paragraphs: vec![tr_in!(lang, mail.password_reset.lead).into()],
        action: Some((tr_in!(lang, mail.password_reset.action), link)),
        after: vec![tr_in!(lang, mail.password_reset.after).into()],
    };
    render_secret(to, tr_in!(lang, mail.password_reset.subject), body)
}

/// Sent instead of a second account when someone signs up with a known address, so that
/// the sign-up page never reveals which addresses have an account. `confirmed_name` is
/// the stored name of an account whose address is confirmed, never the name just typed.
pub fn already_registered(
    lang: Lang,
    to: &str,
    confirmed_name: Option<&str>,
    sign_in_link: &str,
) -> Mail {
    let body = Body {
        lang,
        greeting: greeting(lang, confirmed_name),
        paragraphs: vec![tr_in!(lang, mail.already_registered.lead).into()],
        action: Some((tr_in!(lang, mail.already_registered.action), sign_in_link)),
        after: vec![tr_in!(lang, mail.already_registered.after).into()],
    };
    render(to, tr_in!(lang, mail.already_registered.subject), body)
}
