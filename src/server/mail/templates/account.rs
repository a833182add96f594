//! The account mails — verification, reset, already registered — in the account's language.

use super::{greeting, render, render_secret, Body, Mail};
use crate::domain::lang::Lang;

/// Greets nobody by name: whoever signed up typed the name, the address has not
/// confirmed it yet.
pub fn verify_email(lang: Lang, to: &str, link: &str) -> Mail {
    let (subject, body) = match lang {
        Lang::Fr => (
            "Confirmez votre adresse e-mail",
            Body {
                lang,
                greeting: greeting(lang, None),
                paragraphs: vec![
                    "Bienvenue sur B2BiZen ! Pour activer votre compte, confirmez votre adresse \
                     e-mail en ouvrant le lien ci-dessous (valable 48 heures, une seule fois).",
                ],
                action: Some(("Confirmer mon adresse", link)),
                after: vec!["Si vous n'avez pas créé de compte, ignorez simplement ce message."],
            },
        ),
        Lang::En => (
            "Confirm your e-mail address",
            Body {
                lang,
                greeting: greeting(lang, None),
                paragraphs: vec![
                    "Welcome to B2BiZen! To activate your account, confirm your e-mail address \
                     by opening the link below (valid for 48 hours, once).",
                ],
                action: Some(("Confirm my address", link)),
                after: vec!["If you did not create an account, simply ignore this message."],
            },
        ),
    };
    render_secret(to, subject, body)
}

/// `confirmed_name`: the account's name once its address is confirmed, else `None`.
pub fn password_reset(lang: Lang, to: &str, confirmed_name: Option<&str>, link: &str) -> Mail {
    let (subject, body) = match lang {
        Lang::Fr => (
            "Réinitialisation de votre mot de passe",
            Body {
                lang,
                greeting: greeting(lang, confirmed_name),
                paragraphs: vec![
                    "Vous avez demandé à changer votre mot de passe. Ce lien est valable une \
                     heure et ne sert qu'une fois.",
                ],
                action: Some(("Choisir un nouveau mot de passe", link)),
                after: vec![
                    "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre \
                     mot de passe actuel reste valable.",
                ],
            },
        ),
        Lang::En => (
            "Resetting your password",
            Body {
                lang,
                greeting: greeting(lang, confirmed_name),
                paragraphs: vec![
                    "You asked to change your password. This link is valid for one hour and \
                     works only once.",
                ],
                action: Some(("Choose a new password", link)),
                after: vec![
                    "If you did not make this request, ignore this message: your current \
                     password remains valid.",
                ],
            },
        ),
    };
    render_secret(to, subject, body)
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
    let (subject, body) = match lang {
        Lang::Fr => (
            "Vous avez déjà un compte B2BiZen",
            Body {
                lang,
                greeting: greeting(lang, confirmed_name),
                paragraphs: vec![
                    "Quelqu'un, sans doute vous, a voulu créer un compte avec cette adresse. \
                     Vous en avez déjà un : connectez-vous, ou utilisez « Mot de passe oublié » \
                     si besoin.",
                ],
                action: Some(("Me connecter", sign_in_link)),
                after: vec!["Si ce n'était pas vous, aucune action n'est nécessaire."],
            },
        ),
        Lang::En => (
            "You already have a B2BiZen account",
            Body {
                lang,
                greeting: greeting(lang, confirmed_name),
                paragraphs: vec![
                    "Someone, probably you, tried to create an account with this address. You \
                     already have one: sign in, or use \"Forgot password\" if needed.",
                ],
                action: Some(("Sign in", sign_in_link)),
                after: vec!["If it was not you, no action is needed."],
            },
        ),
    };
    render(to, subject, body)
}
