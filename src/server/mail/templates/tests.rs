use super::*;
use crate::domain::review::Decision;
use chrono::NaiveDate;

const LINK_REMOVED: &str = "lien à usage unique retiré de cette copie après l'envoi";
const LINK_REMOVED_EN: &str = "single-use link removed from this copy after sending";

/// Every mail, in `lang`, with a name and a title that need escaping.
fn every_mail(lang: Lang) -> Vec<Mail> {
    let link = "https://b2bizen.fr/x?jeton=abc";
    let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let mut mails = vec![
        verify_email(lang, "a@b.fr", link),
        password_reset(lang, "a@b.fr", Some("Zoé"), link),
        already_registered(lang, "a@b.fr", Some("Zoé"), link),
        attestation_reminder(lang, "a@b.fr", "Zoé", day, link),
        project_notice(lang, "a@b.fr", "Zoé", "Audit <SI>", link),
        proposed_to_client(lang, "a@b.fr", "Zoé", "Audit <SI>", link),
    ];
    for decision in Decision::ALL {
        mails.push(review_decision(
            lang, "a@b.fr", "Zoé", decision, "Thanks", link,
        ));
    }
    mails
}

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
    let (text, html) = verify_email(Lang::Fr, "a@b.fr", link).redacted.unwrap();
    assert!(text.contains(&format!("Confirmer mon adresse : ({LINK_REMOVED})")));
    assert!(html.contains("<p>Confirmer mon adresse : (lien à usage unique retiré de cette copie après l&#39;envoi)</p>"), "{html}");
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

#[test]
fn the_expert_mails_keep_their_french_and_escape_user_words() {
    let link = "https://b2bizen.fr/profil";
    let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let mail = attestation_reminder(Lang::Fr, "a@b.fr", "Zoé", day, link);
    assert_eq!(mail.subject, "Votre attestation URSSAF arrive à échéance");
    assert!(mail.text.starts_with(
        "Bonjour Zoé,\n\nVotre attestation de vigilance URSSAF expire le 01/12/2026. \
         Passé cette date, votre profil ne sera plus proposé aux clients.\n\n"
    ));
    assert!(mail.text.ends_with(
        "Mettre à jour mon attestation : https://b2bizen.fr/profil\n\nL'équipe B2BiZen\n"
    ));
    let mail = review_decision(
        Lang::Fr,
        "a@b.fr",
        "Zoé",
        Decision::Reject,
        "Hors <périmètre>",
        link,
    );
    assert_eq!(mail.subject, "Votre profil n'a pas été retenu");
    assert!(mail
        .text
        .contains("\n\nMessage de l'équipe : « Hors <périmètre> »\n\n"));
    assert!(mail.html.contains("« Hors &lt;périmètre&gt; »"));
    let mail = project_notice(Lang::Fr, "a@b.fr", "Zoé", "Audit <SI>", link);
    assert!(mail
        .text
        .contains("Un nouveau projet correspond à votre profil : « Audit <SI> »."));
    assert!(!mail.html.contains("<SI>"));
    let mail = proposed_to_client(Lang::Fr, "a@b.fr", "Zoé", "Audit", link);
    assert_eq!(mail.subject, "Votre profil a été proposé à un client");
    assert!(mail.text.contains("Suivre mes projets : https://"));
}

/// Words only a French mail has: none may be left in an English one.
#[test]
fn every_mail_renders_in_english_without_french_words() {
    const FRENCH: [&str; 14] = [
        "Bonjour", "votre", "Votre", "vous", "équipe", "é", "è", "à ", " le ", " la ", " de ",
        " et ", "«", " :",
    ];
    for mail in every_mail(Lang::En) {
        let parts = [&mail.subject, &mail.text, &mail.html];
        for (part, word) in parts.iter().flat_map(|p| FRENCH.map(|w| (p, w))) {
            // The recipient's own name is theirs, not ours.
            let part = part.replace("Zoé", "Zoe");
            assert!(!part.contains(word), "{word:?} in {part}");
        }
        assert!(mail.text.starts_with("Hello Zoé,") || mail.text.starts_with("Hello,"));
        assert!(mail.text.ends_with("The B2BiZen team\n"), "{}", mail.text);
        assert!(mail.html.contains("<html lang=\"en\">"));
        assert!(!mail.html.contains("<SI>"), "{}", mail.html);
    }
    let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let mail = attestation_reminder(Lang::En, "a@b.fr", "Zoé", day, "https://b2bizen.fr/p");
    assert!(
        mail.text.contains("expires on 1 December 2026."),
        "{}",
        mail.text
    );
    assert!(mail
        .text
        .contains("Update my certificate: https://b2bizen.fr/p"));
}

#[test]
fn every_mail_has_a_french_version_too() {
    for mail in every_mail(Lang::Fr) {
        assert!(mail.text.starts_with("Bonjour"), "{}", mail.text);
        assert!(mail.text.ends_with("L'équipe B2BiZen\n"));
        assert!(mail.html.contains("<html lang=\"fr\">"));
    }
}
