use chrono::NaiveDate;

use super::*;
use crate::domain::departement::DepartementCode;
use crate::domain::matching::{LanguageFit, SkillMatch};
use crate::domain::profile::ProfileLevel;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn fr(detail: Explanation) -> String {
    explanation(Lang::Fr, &detail)
}

#[test]
fn french_sentences_are_unchanged() {
    let skills = Explanation::Skills {
        required_covered: 2,
        required_total: 3,
        optional_covered: 0,
        optional_total: 1,
        matched: vec![SkillMatch {
            skill_id: 1,
            required: true,
            years: None,
        }],
    };
    assert_eq!(fr(skills), "Compétences requises 2/3, souhaitées 0/1");
    let level = |years| Explanation::Level {
        expert: ProfileLevel::Senior,
        years,
        wanted: ProfileLevel::Confirme,
    };
    assert_eq!(
        fr(level(9)),
        "Niveau Senior (9 ans d'expérience) pour un niveau Confirmé demandé"
    );
    assert_eq!(
        fr(level(1)),
        "Niveau Senior (1 an d'expérience) pour un niveau Confirmé demandé"
    );
    let languages = Explanation::Languages {
        languages: vec![
            LanguageFit {
                code: "en".into(),
                min: LanguageLevel::B2,
                have: Some(LanguageLevel::C1),
            },
            LanguageFit {
                code: "de".into(),
                min: LanguageLevel::A2,
                have: None,
            },
        ],
    };
    assert_eq!(
        fr(languages),
        "Anglais : C1 (autonome) pour B2 (avancé) exigé ; Allemand : non déclaré pour A2 (élémentaire) exigé"
    );
    let home = PlaceFit::Home {
        departement: DepartementCode::parse("69").unwrap(),
    };
    assert_eq!(
        fr(Explanation::Place { fit: home }),
        "Basé dans le département 69, lieu de la mission"
    );
    assert!(fr(Explanation::Place {
        fit: PlaceFit::RemoteNotAccepted
    })
    .contains("n'a pas indiqué accepter"));
    let available = |now| Explanation::Availability {
        from: d(2026, 12, 1),
        start: d(2027, 1, 4),
        now,
    };
    assert_eq!(
        fr(available(false)),
        "Disponible à partir du 01/12/2026, début le 04/01/2027"
    );
    assert_eq!(
        fr(available(true)),
        "Déjà disponible (depuis le 01/12/2026), début le 04/01/2027"
    );
    assert_eq!(
        fr(Explanation::AvailabilityUnknown {
            start: d(2027, 1, 4)
        }),
        "Date de disponibilité non renseignée (début le 04/01/2027)"
    );
    assert_eq!(
        fr(Explanation::Rate {
            rate_cents: 65_000,
            max_cents: 60_000
        }),
        "Tarif journalier 650 € pour un maximum de 600 € : au-dessus"
    );
    assert_eq!(
        fr(Explanation::RateUnknown {
            max_cents: 12_345_650
        }),
        "Tarif journalier non renseigné (maximum 123\u{202f}456,50 €)"
    );
    assert_eq!(
        fr(Explanation::SkillsUnknown {
            required_total: 1,
            optional_total: 0
        }),
        "Compétences non renseignées : score inconnu"
    );
    assert_eq!(
        fr(Explanation::NotRequested {
            criterion: Criterion::Rate
        }),
        "Pas de tarif journalier maximum"
    );
}

#[test]
fn english_sentences() {
    let rate = Explanation::Rate {
        rate_cents: 125_050,
        max_cents: 130_000,
    };
    assert_eq!(
        explanation(Lang::En, &rate),
        "Daily rate €1,250.50 for a maximum of €1,300"
    );
    let available = Explanation::Availability {
        from: d(2027, 2, 1),
        start: d(2027, 1, 4),
        now: false,
    };
    assert_eq!(
        explanation(Lang::En, &available),
        "Available from 1 February 2027, after the start on 4 January 2027"
    );
    for c in Criterion::ALL {
        assert_ne!(criterion_label(Lang::En, c), criterion_label(Lang::Fr, c));
    }
}

#[test]
fn rejections() {
    let low = Rejection::Language {
        code: "en".into(),
        min: LanguageLevel::B2,
        have: Some(LanguageLevel::B1),
    };
    assert_eq!(
        rejection(Lang::Fr, &low),
        "Anglais : B2 (avancé) exigé, niveau B1 (intermédiaire) déclaré"
    );
    assert_eq!(
        rejection(Lang::En, &low),
        "English: B2 (upper intermediate) required, level B1 (intermediate) declared"
    );
    let expired = Rejection::AttestationExpired {
        since: d(2026, 12, 1),
    };
    assert_eq!(
        rejection(Lang::Fr, &expired),
        "Attestation URSSAF expirée depuis le 01/12/2026"
    );
    assert_eq!(
        rejection(Lang::Fr, &Rejection::OutOfArea),
        "Ni basé ni mobile dans les départements de la mission"
    );
}
