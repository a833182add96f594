use super::*;
use crate::domain::eligibility::AttestationStatus;
use crate::domain::problem::{Field, NameField, ProjectField, Refusal, Unproposable};
use crate::domain::profile::FieldId;
use crate::domain::project::Step;

fn fr(p: Problem) -> String {
    p.text(Lang::Fr)
}

#[test]
fn french_texts_are_the_ones_users_knew() {
    assert_eq!(
        fr(Problem::NameMarkup {
            field: NameField::FirstName
        }),
        "Le prénom ne peut pas contenir les signes < et >."
    );
    assert_eq!(
        fr(Problem::TooLongToStore {
            field: Field::Project(ProjectField::Title),
            max: 1000
        }),
        "« Titre du projet » est trop long pour être enregistré : 1000 caractères au plus."
    );
    assert_eq!(
        fr(Problem::ProjectIncomplete {
            step: Step::PlaceAndDates,
            problem: Box::new(Problem::StartDatePast)
        }),
        "Le projet n'est pas complet (étape « Lieu et dates ») : La date de début est déjà passée."
    );
    assert_eq!(
        fr(Problem::DossierIncomplete {
            missing: vec![FieldId::Photo, FieldId::Cv],
            first: Some((FieldId::Phone, Box::new(Problem::PhoneInvalid))),
        }),
        "Champs obligatoires à remplir : Photo, CV. À corriger : Téléphone — Numéro de \
         téléphone invalide : 10 chiffres (06 12 34 56 78) ou +33 6 12 34 56 78."
    );
    let since = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    assert_eq!(
        fr(Problem::NotProposable {
            refused: vec![
                Refusal {
                    name: Some("Anouk".into()),
                    reason: Unproposable::AccountDisabled
                },
                Refusal {
                    name: None,
                    reason: Unproposable::Attestation(AttestationStatus::Expired { since })
                },
            ]
        }),
        "Ces experts ne peuvent pas être proposés pour ce projet : Anouk (compte désactivé) ; \
         expert inconnu (Attestation expirée depuis le 01/03/2026 : le profil n'est plus \
         proposé aux clients)."
    );
    assert_eq!(
        fr(Problem::ExperienceStart {
            problem: Box::new(Problem::DateInvalid)
        }),
        "Début : Date invalide : utilisez le format JJ/MM/AAAA."
    );
    assert_eq!(
        AppError::TooLarge(Problem::FileTooLarge { max_mb: 10 }).text(Lang::Fr),
        "Le fichier dépasse la taille maximale de 10 Mo."
    );
    assert_eq!(
        AppError::NotFound.to_string(),
        "Cette page ou cette ressource est introuvable."
    );
}

#[test]
fn english_texts_follow_the_language() {
    assert_eq!(
        Problem::NameRequired {
            field: NameField::CompanyName
        }
        .text(Lang::En),
        "Company name is required."
    );
    assert_eq!(
        AppError::BadCredentials.text(Lang::En),
        "Incorrect e-mail address or password."
    );
    assert_eq!(
        Problem::Departement { input: "99".into() }.text(Lang::En),
        "“99” is not a French département number (e.g. 75, 2A, 974)"
    );
}
