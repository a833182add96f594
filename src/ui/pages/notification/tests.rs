use super::*;
use crate::domain::notification::tests::one_of_each;

#[test]
fn every_notice_reads_in_french_as_before() {
    let fr = |n: &Notice| {
        let (title, body) = texts(Lang::Fr, n);
        (title, body.joined())
    };
    let [confirmed, _, to_review, approved, changes, _, expiring, matches, proposed, experts, ended, moved, _overdue, step, quote, contract, billing] =
        <[Notice; 17]>::try_from(one_of_each()).unwrap();
    assert_eq!(
        fr(&billing).1,
        "Facture d'acompte de la commission émise (FA-2026-000001) — projet « Audit <SI> & \
         « réseau » »."
    );
    assert_eq!(
        fr(&quote).1,
        "Le client demande une révision de votre devis (version 2) pour « Audit <SI> & \
         « réseau » »."
    );
    assert_eq!(
        fr(&contract).1,
        "L'autre partie a signé le contrat pour « Audit <SI> & « réseau » » : à vous de signer."
    );
    assert_eq!(
        fr(&step).1,
        "L'échange (visioconférence) sur « Audit <SI> & « réseau » » est confirmé le \
         29/03/2027 10:00 (heure de Paris). L'invitation est jointe pour votre agenda."
    );
    assert_eq!(
        fr(&moved).1,
        "Votre candidature pour « Audit <SI> & « réseau » » s'arrête là. Cela ne dit rien \
         de votre profil, qui reste proposé aux autres projets. Pourquoi : le budget du \
         client ne rejoint pas votre tarif."
    );
    assert_eq!(
        fr(&ended).1,
        "Le client a annulé le projet « Audit <SI> & « réseau » » : votre candidature \
         s'arrête là. Cela ne dit rien de votre profil, qui reste proposé aux autres projets."
    );
    assert_eq!(
        fr(&confirmed),
        (
            "Adresse e-mail confirmée".into(),
            "Votre compte est actif. Complétez maintenant votre profil.".into()
        )
    );
    assert_eq!(
        fr(&to_review).1,
        "Audit <SI> & « réseau » a soumis son profil."
    );
    assert_eq!(
        fr(&approved),
        ("Validé".into(), "Votre profil est publié".into())
    );
    assert_eq!(
        fr(&changes).1,
        "Votre profil : des modifications sont demandées — Audit <SI> & « réseau »"
    );
    assert_eq!(
        fr(&expiring).1,
        format!(
            "Votre attestation expire le 01/12/2026 (dans {REMINDER_DAYS} jours au plus) : \
             déposez-en une plus récente."
        )
    );
    assert_eq!(
        fr(&matches).1,
        "« Audit <SI> & « réseau » » correspond à votre profil."
    );
    assert_eq!(
        fr(&proposed).1,
        "Votre profil a été proposé pour « Audit <SI> & « réseau » »."
    );
    assert_eq!(
        fr(&experts),
        (
            "Des experts vous sont proposés".into(),
            "2 profil(s) proposé(s) pour « Audit <SI> & « réseau » ».".into()
        )
    );
}

#[test]
fn every_notice_reads_in_english() {
    for notice in one_of_each() {
        let (title, body) = texts(Lang::En, &notice);
        let body = body.joined();
        let ours = body.replace("Audit <SI> & « réseau »", "");
        for french in ["Votre", "votre", "é", "«", " :"] {
            assert!(
                !title.contains(french) && !ours.contains(french),
                "{title} / {body}"
            );
        }
    }
    let expiring = &one_of_each()[6];
    assert!(texts(Lang::En, expiring)
        .1
        .joined()
        .contains("on 1 December 2026"));
}

#[test]
fn what_users_wrote_is_kept_apart_from_the_sentence() {
    for notice in one_of_each() {
        let (_, body) = texts(Lang::Fr, &notice);
        let quotes = body.joined().contains("Audit <SI> & « réseau »");
        assert_eq!(body.data.is_some(), quotes, "{notice:?}");
        if let Some(data) = &body.data {
            assert_eq!(data, "Audit <SI> & « réseau »");
            assert!(!body.text.contains(data.as_str()), "{}", body.text);
        }
    }
}
