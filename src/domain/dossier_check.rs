//! Checks of a dossier draft, shared by the editor (as the expert types) and the server
//! (on save and on submission). Messages are French and say how to fix the value.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::account::{parse_name, Siret};
use super::departement::DepartementCode;
use super::dossier::{DraftFiles, FieldId, ProfileDraft, ReferenceData};
use super::eligibility::AttestationStatus;
use super::parse::{mobility_codes, parse_date, parse_phone, parse_rate, parse_vat, parse_years};
use super::profile::{LanguageLevel, LANGUAGES};

/// A problem with one field (`index`: which entry of a list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub field: FieldId,
    pub index: Option<usize>,
    pub message: String,
}

/// Limits that keep a draft reasonable.
pub const MAX_TEXT: usize = 200;
pub const MAX_LONG_TEXT: usize = 2000;
pub const MAX_ENTRIES: usize = 20;
pub const MAX_NAME: usize = 80;
pub const MAX_LEGAL_FORM: usize = 80;
/// How many times its cap a text may reach and still be stored (see
/// [`ProfileDraft::check_size`]).
pub const HARD_FACTOR: usize = 4;

/// A check of one text field: `Err` is the French message.
type Check = fn(&str) -> Result<(), String>;

fn too_long(value: &str, max: usize) -> Option<String> {
    (value.chars().count() > max).then(|| format!("{max} caractères au plus."))
}

impl ProfileDraft {
    /// Problems with what was typed; empty fields are not problems here
    /// (see [`ProfileDraft::missing`]).
    pub fn problems(&self, refs: &ReferenceData, today: NaiveDate) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut push = |field, index, message: String| {
            out.push(Problem {
                field,
                index,
                message,
            })
        };
        let filled = |s: &str| !s.trim().is_empty();
        let text_fields = [
            (FieldId::FirstName, &self.first_name, "Le prénom"),
            (FieldId::LastName, &self.last_name, "Le nom"),
        ];
        for (field, value, label) in text_fields {
            if filled(value) {
                if let Err(m) = parse_name(value, label, MAX_NAME) {
                    push(field, None, m);
                }
            }
        }
        let single: [(FieldId, &String, Check); 8] = [
            (FieldId::Departement, &self.departement, |s| {
                DepartementCode::parse(s)
                    .map(drop)
                    .map_err(|e| e.to_string())
            }),
            (FieldId::YearsExperience, &self.years_experience, |s| {
                parse_years(s).map(drop)
            }),
            (FieldId::Phone, &self.phone, |s| parse_phone(s).map(drop)),
            (FieldId::Siret, &self.siret, |s| Siret::parse(s).map(drop)),
            (FieldId::VatNumber, &self.vat_number, |s| {
                parse_vat(s).map(drop)
            }),
            (FieldId::DailyRate, &self.daily_rate, |s| {
                parse_rate(s).map(drop)
            }),
            (FieldId::AvailableFrom, &self.available_from, |s| {
                parse_date(s).map(drop)
            }),
            (
                FieldId::AttestationIssuedOn,
                &self.attestation_issued_on,
                |s| parse_date(s).map(drop),
            ),
        ];
        for (field, value, check) in single {
            if filled(value) {
                if let Err(m) = check(value) {
                    push(field, None, m);
                }
            }
        }
        for (field, value, max) in [
            (FieldId::PostalAddress, &self.postal_address, MAX_TEXT),
            (FieldId::LegalForm, &self.legal_form, MAX_LEGAL_FORM),
            (FieldId::Education, &self.education, MAX_LONG_TEXT),
        ] {
            if let Some(m) = too_long(value, max) {
                push(field, None, m);
            }
        }
        if let (Ok(siret), Ok(vat)) = (Siret::parse(&self.siret), parse_vat(&self.vat_number)) {
            if vat[4..] != *siret.siren() {
                push(
                    FieldId::VatNumber,
                    None,
                    "Ce numéro de TVA ne correspond pas au SIREN de votre SIRET.".into(),
                );
            }
        }
        if let Ok(issued) = parse_date(&self.attestation_issued_on) {
            let status = AttestationStatus::of(Some(issued), today);
            if !status.is_eligible() {
                push(FieldId::AttestationIssuedOn, None, status.label_fr());
            }
        }
        for bad in mobility_codes(&self.mobility)
            .into_iter()
            .filter_map(Result::err)
        {
            push(FieldId::Mobility, None, bad);
        }
        for d in &self.domains {
            if !refs.domains.iter().any(|r| &r.slug == d) {
                push(FieldId::Domains, None, format!("Domaine inconnu : {d}."));
            }
        }
        let mut seen = Vec::new();
        for (i, l) in self.languages.iter().enumerate() {
            if !LANGUAGES.iter().any(|(c, _)| *c == l.code) {
                push(FieldId::Languages, Some(i), "Choisissez une langue.".into());
            } else if seen.contains(&&l.code) {
                push(FieldId::Languages, Some(i), "Langue déjà indiquée.".into());
            }
            if LanguageLevel::parse(&l.level).is_none() {
                push(FieldId::Languages, Some(i), "Choisissez un niveau.".into());
            }
            seen.push(&l.code);
        }
        for (i, s) in self.skills.iter().enumerate() {
            match refs.skill_domain(&s.slug) {
                None => push(
                    FieldId::Skills,
                    Some(i),
                    "Choisissez une compétence.".into(),
                ),
                Some(d) if !self.domains.iter().any(|x| x == d) => push(
                    FieldId::Skills,
                    Some(i),
                    "Cette compétence relève d'un domaine que vous n'avez pas coché.".into(),
                ),
                _ => {}
            }
            if let Err(m) = parse_years(&s.years) {
                push(FieldId::Skills, Some(i), m);
            }
        }
        for (i, e) in self.experiences.iter().enumerate() {
            if e.title.trim().is_empty() || e.sector.trim().is_empty() {
                push(
                    FieldId::Experiences,
                    Some(i),
                    "Indiquez l'intitulé de la mission et le secteur.".into(),
                );
            }
            match (parse_date(&e.started_on), e.ended_on.trim()) {
                (Err(m), _) => push(FieldId::Experiences, Some(i), format!("Début : {m}")),
                (Ok(_), "") => {}
                (Ok(start), end) => match parse_date(end) {
                    Err(m) => push(FieldId::Experiences, Some(i), format!("Fin : {m}")),
                    Ok(end) if end < start => push(
                        FieldId::Experiences,
                        Some(i),
                        "La fin de mission précède son début.".into(),
                    ),
                    _ => {}
                },
            }
            for text in [&e.title, &e.sector] {
                if let Some(m) = too_long(text, MAX_TEXT) {
                    push(FieldId::Experiences, Some(i), m);
                }
            }
            if let Some(m) = too_long(&e.description, MAX_LONG_TEXT) {
                push(FieldId::Experiences, Some(i), m);
            }
        }
        for (i, r) in self.references.iter().enumerate() {
            if r.name.trim().is_empty() || r.contact.trim().is_empty() {
                push(
                    FieldId::References,
                    Some(i),
                    "Indiquez le nom de la personne et un moyen de la contacter.".into(),
                );
            }
            if let Some(m) = [&r.name, &r.company, &r.contact]
                .into_iter()
                .find_map(|text| too_long(text, MAX_TEXT))
            {
                push(FieldId::References, Some(i), m);
            }
        }
        out
    }

    /// Required fields still empty.
    pub fn missing(&self, files: &DraftFiles) -> Vec<FieldId> {
        FieldId::ALL
            .into_iter()
            .filter(|f| f.required() && !self.is_filled(*f, files))
            .collect()
    }
}

mod size;
pub use size::Oversized;

#[cfg(test)]
mod tests;
