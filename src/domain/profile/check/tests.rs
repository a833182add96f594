use super::*;
use crate::domain::problem::Field;
use crate::domain::profile::{
    ExperienceEntry, FileInfo, LanguageEntry, ReferenceEntry, SkillEntry,
};

fn refs() -> ReferenceData {
    crate::domain::reference::sample()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

#[test]
fn problems_point_at_the_field_and_keep_the_input() {
    let draft = ProfileDraft {
        first_name: "Camille".into(),
        phone: "06 12".into(),
        daily_rate: "six cents".into(),
        domains: vec!["finance".into()],
        languages: vec![LanguageEntry {
            code: "fr".into(),
            level: "Native".into(),
        }],
        skills: vec![SkillEntry {
            slug: "tresorerie".into(),
            years: "70".into(),
        }],
        attestation_issued_on: "2026-01-02".into(),
        ..Default::default()
    };
    let problems = draft.problems(&refs(), today());
    let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        vec![
            FieldId::Phone,
            FieldId::DailyRate,
            FieldId::AttestationIssuedOn,
            FieldId::Skills
        ]
    );
    assert!(matches!(
        problems[2].problem,
        Problem::Attestation {
            status: AttestationStatus::Expired { .. }
        }
    ));
    assert_eq!(problems[3].index, Some(0));
    assert_eq!(draft.daily_rate, "six cents");
}

#[test]
fn completeness_and_missing_fields() {
    let empty = ProfileDraft::default();
    let files = DraftFiles::default();
    assert_eq!(empty.completeness(&files, &[]), 0);
    assert_eq!(empty.missing(&files).len(), 14);
    let draft = ProfileDraft {
        first_name: "Camille".into(),
        ..Default::default()
    };
    let with_photo = DraftFiles {
        photo: Some(FileInfo {
            url: "/x".into(),
            bytes: 1,
        }),
        ..Default::default()
    };
    assert!(draft.completeness(&with_photo, &[]) > draft.completeness(&files, &[]));
    assert!(!draft.missing(&files).contains(&FieldId::FirstName));
}

#[test]
fn oversized_drafts_are_refused() {
    let draft = ProfileDraft {
        education: "x".repeat(MAX_LONG_TEXT * 4 + 1),
        ..Default::default()
    };
    assert!(draft.check_size().is_err());
    assert!(ProfileDraft::default().check_size().is_ok());
    let legal_form = ProfileDraft {
        legal_form: "x".repeat(200_000),
        ..Default::default()
    };
    assert_eq!(
        legal_form.check_size(),
        Err(Problem::TooLongToStore {
            field: Field::Dossier(FieldId::LegalForm),
            max: MAX_LEGAL_FORM * HARD_FACTOR
        })
    );
    // A little over its cap: kept, and flagged for the expert to fix.
    let typed = ProfileDraft {
        legal_form: "x".repeat(MAX_LEGAL_FORM + 1),
        ..Default::default()
    };
    assert!(typed.check_size().is_ok());
    assert!(typed
        .problems(&refs(), today())
        .iter()
        .any(|p| p.field == FieldId::LegalForm));
}

#[test]
fn every_entry_text_is_bounded() {
    use crate::domain::profile::ReferenceEntry;
    let long = "x".repeat(MAX_TEXT + 1);
    let draft = ProfileDraft {
        references: vec![ReferenceEntry {
            name: "Jeanne Martin".into(),
            company: long.clone(),
            contact: "jeanne@exemple.fr".into(),
        }],
        ..Default::default()
    };
    let problems = draft.problems(&refs(), today());
    assert!(
        problems
            .iter()
            .any(|p| p.field == FieldId::References && p.index == Some(0)),
        "{problems:?}"
    );
    // Kept (the expert fixes it), unless absurdly large.
    assert!(draft.check_size().is_ok());
    let huge = ProfileDraft {
        skills: vec![SkillEntry {
            slug: "x".repeat(MAX_TEXT * 4 + 1),
            years: String::new(),
        }],
        ..Default::default()
    };
    assert!(huge.check_size().is_err());
}

/// A draft where every field is filled and valid.
fn complete() -> (ProfileDraft, DraftFiles) {
    let file = || {
        Some(FileInfo {
            url: "/x".into(),
            bytes: 1,
        })
    };
    let draft = ProfileDraft {
        first_name: "Camille".into(),
        last_name: "Martin".into(),
        departement: "69".into(),
        years_experience: "12".into(),
        domains: vec!["finance".into()],
        languages: vec![LanguageEntry {
            code: "fr".into(),
            level: "Native".into(),
        }],
        education: "Master CCA".into(),
        phone: "06 12 34 56 78".into(),
        postal_address: "1 rue de la République, 69002 Lyon".into(),
        legal_form: "SASU".into(),
        siret: "732 829 320 00074".into(),
        vat_number: "FR44732829320".into(),
        daily_rate: "650".into(),
        available_from: today().to_string(),
        remote_ok: true,
        skills: vec![SkillEntry {
            slug: "tresorerie".into(),
            years: "5".into(),
        }],
        experiences: vec![ExperienceEntry {
            title: "DAF de transition".into(),
            sector: "Industrie".into(),
            description: "Clôtures mensuelles".into(),
            started_on: "2020-01-01".into(),
            ended_on: String::new(),
        }],
        references: vec![ReferenceEntry {
            name: "Nora Durand".into(),
            company: "Acme".into(),
            contact: "nora@acme.fr".into(),
        }],
        attestation_issued_on: (today() - chrono::Days::new(10)).to_string(),
        ..Default::default()
    };
    let files = DraftFiles {
        photo: file(),
        cv: file(),
        attestation: file(),
    };
    (draft, files)
}

#[test]
fn a_complete_valid_profile_reaches_100_and_an_invalid_value_does_not_count() {
    let (draft, files) = complete();
    let issues = draft.problems(&refs(), today());
    assert_eq!(issues, vec![], "the fixture is valid");
    assert_eq!(draft.gaps(&files, &issues), vec![]);
    assert_eq!(draft.completeness(&files, &issues), 100);

    let wrong = ProfileDraft {
        phone: "06 12".into(),
        vat_number: String::new(),
        ..draft
    };
    let issues = wrong.problems(&refs(), today());
    let gaps = wrong.gaps(&files, &issues);
    // The required field to correct comes before the optional one left empty.
    assert_eq!(
        gaps,
        vec![
            Gap {
                field: FieldId::Phone,
                to_correct: true
            },
            Gap {
                field: FieldId::VatNumber,
                to_correct: false
            },
        ]
    );
    assert!(wrong.completeness(&files, &issues) < 100);
}
