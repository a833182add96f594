//! Every e-mail the platform sends, as plain text and HTML: in French, and in English for
//! the account mails (verification, reset, already registered) to an English account.

use crate::domain::lang::Lang;

mod account;
pub use account::{already_registered, password_reset, verify_email};

/// A mail ready for the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// For a mail whose link is a secret (verification, reset): the (text, html) to keep
    /// once the mail has left, without the link. `None`: the mail holds no secret.
    pub redacted: Option<(String, String)>,
}

/// What the stored copy of a sent mail says in place of its single-use link.
pub const LINK_REMOVED: &str = "lien à usage unique retiré de cette copie après l'envoi";
const LINK_REMOVED_EN: &str = "single-use link removed from this copy after sending";

struct Body<'a> {
    lang: Lang,
    greeting: String,
    paragraphs: Vec<&'a str>,
    action: Option<(&'a str, &'a str)>,
    after: Vec<&'a str>,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn render(to: &str, subject: &str, body: Body<'_>) -> Mail {
    let (text, html) = bodies(&body, true);
    Mail {
        to: to.to_string(),
        subject: subject.to_string(),
        text,
        html,
        redacted: None,
    }
}

/// For a mail whose action link is a single-use secret: whoever reads the outbox after
/// delivery (an admin, a database backup) must not be able to use it.
fn render_secret(to: &str, subject: &str, body: Body<'_>) -> Mail {
    let redacted = bodies(&body, false);
    Mail {
        redacted: Some(redacted),
        ..render(to, subject, body)
    }
}

/// The (text, html) bodies, with the action's link or with [`LINK_REMOVED`] instead.
fn bodies(body: &Body<'_>, with_link: bool) -> (String, String) {
    let mut text = format!("{}\n\n", body.greeting);
    let (removed, team) = match body.lang {
        Lang::Fr => (LINK_REMOVED, "L'équipe B2BiZen"),
        Lang::En => (LINK_REMOVED_EN, "The B2BiZen team"),
    };
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"{}\"><body style=\"font-family:Arial,sans-serif;color:#1b2330;line-height:1.5\">\
         <p style=\"font-size:20px;font-weight:bold;color:#0a4478\">B2BiZen</p><p>{}</p>",
        body.lang.code(),
        escape(&body.greeting)
    );
    for p in &body.paragraphs {
        text.push_str(p);
        text.push_str("\n\n");
        html.push_str(&format!("<p>{}</p>", escape(p)));
    }
    match body.action {
        Some((label, link)) if with_link => {
            text.push_str(&format!("{label}{} {link}\n\n", colon(body.lang)));
            html.push_str(&format!(
                "<p><a href=\"{0}\" style=\"background:#e9a23b;color:#1b2330;padding:10px 16px;\
                 border-radius:6px;text-decoration:none;font-weight:bold\">{1}</a></p>\
                 <p style=\"font-size:12px;color:#5b6677\">{0}</p>",
                escape(link),
                escape(label)
            ));
        }
        Some((label, _)) => {
            text.push_str(&format!("{label}{} ({removed})\n\n", colon(body.lang)));
            html.push_str(&format!(
                "<p>{}{} ({})</p>",
                escape(label),
                colon(body.lang),
                escape(removed)
            ));
        }
        None => {}
    }
    for p in &body.after {
        text.push_str(p);
        text.push_str("\n\n");
        html.push_str(&format!("<p style=\"color:#5b6677\">{}</p>", escape(p)));
    }
    text.push_str(&format!("{team}\n"));
    html.push_str(&format!("<p>{team}</p></body></html>"));
    (text, html)
}

/// French typography puts a space before a colon, English does not.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " :",
        Lang::En => ":",
    }
}

/// "Bonjour Camille," for a name the address's owner confirmed, else a plain "Bonjour,":
/// anyone can type any name next to anyone's address in the sign-up form, and a mail must
/// not greet its reader with words they never chose ("Bonjour Appelez le 08…").
fn greeting(lang: Lang, confirmed_name: Option<&str>) -> String {
    let hello = match lang {
        Lang::Fr => "Bonjour",
        Lang::En => "Hello",
    };
    match confirmed_name {
        Some(name) => format!("{hello} {name},"),
        None => format!("{hello},"),
    }
}

/// An admin's decision on the expert's dossier.
pub fn review_decision(
    to: &str,
    name: &str,
    decision: crate::domain::review::Decision,
    message: &str,
    link: &str,
) -> Mail {
    use crate::domain::review::Decision;
    let (subject, lead) = match decision {
        Decision::Approve => (
            "Votre profil est publié",
            "Bonne nouvelle : l'équipe B2BiZen a validé votre dossier. Votre carte est \
             désormais visible dans l'annuaire et vous pouvez être proposé aux clients.",
        ),
        Decision::RequestChanges => (
            "Votre profil : des modifications sont demandées",
            "L'équipe B2BiZen a examiné votre dossier et vous demande quelques \
             modifications avant de le publier.",
        ),
        Decision::Reject => (
            "Votre profil n'a pas été retenu",
            "L'équipe B2BiZen a examiné votre dossier et ne peut pas le publier en l'état.",
        ),
    };
    let quoted = format!("Message de l'équipe : « {message} »");
    let mut paragraphs = vec![lead];
    if !message.is_empty() {
        paragraphs.push(&quoted);
    }
    render(
        to,
        subject,
        Body {
            lang: Lang::Fr,
            greeting: format!("Bonjour {name},"),
            paragraphs,
            action: Some(("Ouvrir mon profil", link)),
            after: vec![],
        },
    )
}

/// Sent [`crate::domain::eligibility::REMINDER_DAYS`] days before the attestation expires.
pub fn attestation_reminder(to: &str, name: &str, until: &str, link: &str) -> Mail {
    let lead = format!(
        "Votre attestation de vigilance URSSAF expire le {until}. Passé cette date, votre \
         profil ne sera plus proposé aux clients."
    );
    render(
        to,
        "Votre attestation URSSAF arrive à échéance",
        Body {
            lang: Lang::Fr,
            greeting: format!("Bonjour {name},"),
            paragraphs: vec![
                &lead,
                "Téléchargez une attestation récente sur le site de l'URSSAF, puis déposez-la \
                 dans votre profil avec sa date de délivrance.",
            ],
            action: Some(("Mettre à jour mon attestation", link)),
            after: vec![],
        },
    )
}

/// A new project matches the expert's profile.
pub fn project_notice(to: &str, name: &str, title: &str, link: &str) -> Mail {
    let lead = format!("Un nouveau projet correspond à votre profil : « {title} ».");
    render(
        to,
        "Un projet dans votre domaine",
        Body {
            lang: Lang::Fr,
            greeting: format!("Bonjour {name},"),
            paragraphs: vec![
                &lead,
                "Consultez-le et, s'il vous intéresse, proposez votre candidature avec un \
                 court message : l'équipe B2BiZen l'ajoutera aux profils étudiés.",
            ],
            action: Some(("Voir le projet", link)),
            after: vec!["Vous pouvez désactiver ces alertes depuis votre compte."],
        },
    )
}

/// The expert was proposed to a client.
pub fn proposed_to_client(to: &str, name: &str, title: &str, link: &str) -> Mail {
    let lead = format!(
        "Bonne nouvelle : l'équipe B2BiZen a proposé votre profil au client du projet « {title} ». \
         Le client peut désormais consulter votre dossier complet."
    );
    render(
        to,
        "Votre profil a été proposé à un client",
        Body {
            lang: Lang::Fr,
            greeting: format!("Bonjour {name},"),
            paragraphs: vec![&lead],
            action: Some(("Suivre mes projets", link)),
            after: vec![],
        },
    )
}

/// The links of a plain-text body, for the admin mailbox.
pub fn links(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(|w| w.trim_end_matches(['.', ',', ')']).to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mails_carry_the_link_in_both_parts_and_escape_names() {
        let link = "https://b2bizen.fr/verifier-email?token=abc";
        let mail = verify_email(Lang::Fr, "a@b.fr", link);
        assert_eq!(mail.subject, "Confirmez votre adresse e-mail");
        assert!(mail.text.contains(link) && mail.html.contains(link));
        assert!(mail.text.starts_with("Bonjour,\n"));
        assert_eq!(links(&mail.text), vec![link.to_string()]);
        let mail = password_reset(Lang::Fr, "a@b.fr", Some("<Zoé>"), link);
        assert!(mail.text.starts_with("Bonjour <Zoé>,"));
        assert!(mail.html.contains("&lt;Zoé&gt;") && !mail.html.contains("<Zoé>"));
        let mail = already_registered(Lang::Fr, "a@b.fr", None, link);
        assert!(mail.text.starts_with("Bonjour,\n"));
        assert_eq!(mail.redacted, None, "a sign-in link is no secret");
    }

    #[test]
    fn single_use_links_are_left_out_of_the_copy_kept_after_sending() {
        let link = "https://b2bizen.fr/reinitialiser-mot-de-passe?jeton=abc123";
        for mail in [
            verify_email(Lang::Fr, "a@b.fr", link),
            password_reset(Lang::Fr, "a@b.fr", Some("Zoé"), link),
            verify_email(Lang::En, "a@b.fr", link),
            password_reset(Lang::En, "a@b.fr", Some("Zoé"), link),
        ] {
            assert!(mail.text.contains(link) && mail.html.contains(link));
            let (text, html) = mail.redacted.expect("a copy without the link");
            assert!(
                !text.contains("abc123") && !html.contains("abc123"),
                "{html}"
            );
            assert!(
                text.contains(LINK_REMOVED) || text.contains(LINK_REMOVED_EN),
                "{text}"
            );
            assert!(links(&text).is_empty());
        }
    }

    #[test]
    fn account_mails_speak_the_recipients_language() {
        let link = "https://b2bizen.fr/x?jeton=abc";
        let mail = verify_email(Lang::En, "a@b.fr", link);
        assert_eq!(mail.subject, "Confirm your e-mail address");
        assert!(mail.text.starts_with("Hello,\n"), "{}", mail.text);
        assert!(mail.text.contains("Confirm my address: https://"));
        assert!(mail.text.ends_with("The B2BiZen team\n"));
        assert!(mail.html.contains("<html lang=\"en\">"));
        let mail = password_reset(Lang::En, "a@b.fr", Some("Zoé"), link);
        assert!(mail.text.starts_with("Hello Zoé,"));
        let mail = already_registered(Lang::En, "a@b.fr", None, link);
        assert_eq!(mail.subject, "You already have a B2BiZen account");
        let mail = verify_email(Lang::Fr, "a@b.fr", link);
        assert!(mail.html.contains("<html lang=\"fr\">"));
        assert!(mail.text.contains("Confirmer mon adresse : https://"));
    }
}
