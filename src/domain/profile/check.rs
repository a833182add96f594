//! Checks of a profile draft, shared by the editor (as the expert types) and the server
//! (on save and on submission). Each [`Problem`] says how to fix the value.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{DraftFiles, FieldId, LanguageLevel, ProfileDraft, LANGUAGES};
use crate::domain::account::{parse_name, Siret};
use crate::domain::departement::DepartementCode;
use crate::domain::eligibility::AttestationStatus;
use crate::domain::parse::{
    mobility_codes, parse_date, parse_phone, parse_rate, parse_vat, parse_years,
};
use crate::domain::problem::{NameField, Problem};
use crate::domain::reference::ReferenceData;

/// A problem with one field (`index`: which entry of a list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    pub field: FieldId,
    pub index: Option<usize>,
    pub problem: Problem,
}

/// A field that keeps the completeness gauge under 100 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    pub field: FieldId,
    /// Filled, but with a problem to fix (otherwise: empty).
    pub to_correct: bool,
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

/// A check of one text field.
type Check = fn(&str) -> Result<(), Problem>;

fn too_long(value: &str, max: usize) -> Option<Problem> {
    (value.chars().count() > max).then_some(Problem::TooLong { max })
}

impl ProfileDraft {
    /// Problems with what was typed; empty fields are not problems here
    /// (see [`ProfileDraft::missing`]).
    pub fn problems(&self, refs: &ReferenceData, today: NaiveDate) -> Vec<Issue> {
        let mut out = Vec::new();
        let mut push = |field, index, problem: Problem| {
            out.push(Issue {
                field,
                index,
                problem,
            })
        };
        let filled = |s: &str| !s.trim().is_empty();
        let text_fields = [
            (FieldId::FirstName, &self.first_name, NameField::FirstName),
            (FieldId::LastName, &self.last_name, NameField::LastName),
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
                DepartementCode::parse(s).map(drop).map_err(Problem::from)
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
                push(FieldId::VatNumber, None, Problem::VatSirenMismatch);
            }
        }
        if let Ok(issued) = parse_date(&self.attestation_issued_on) {
            let status = AttestationStatus::of(Some(issued), today);
            if !status.is_eligible() {
                push(
                    FieldId::AttestationIssuedOn,
                    None,
                    Problem::Attestation { status },
                );
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
                push(
                    FieldId::Domains,
                    None,
                    Problem::DomainUnknown { slug: d.clone() },
                );
            }
        }
        let mut seen = Vec::new();
        for (i, l) in self.languages.iter().enumerate() {
            if !LANGUAGES.contains(&l.code.as_str()) {
                push(FieldId::Languages, Some(i), Problem::LanguageRequired);
            } else if seen.contains(&&l.code) {
                push(FieldId::Languages, Some(i), Problem::LanguageRepeated);
            }
            if LanguageLevel::parse(&l.level).is_none() {
                push(FieldId::Languages, Some(i), Problem::LanguageLevelRequired);
            }
            seen.push(&l.code);
        }
        for (i, s) in self.skills.iter().enumerate() {
            match refs.skill_domain(&s.slug) {
                None => push(FieldId::Skills, Some(i), Problem::SkillRequired),
                Some(d) if !self.domains.iter().any(|x| x == d) => {
                    push(FieldId::Skills, Some(i), Problem::SkillOutsideDomains)
                }
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
                    Problem::ExperienceTitleAndSector,
                );
            }
            let boxed = Box::new;
            match (parse_date(&e.started_on), e.ended_on.trim()) {
                (Err(m), _) => push(
                    FieldId::Experiences,
                    Some(i),
                    Problem::ExperienceStart { problem: boxed(m) },
                ),
                (Ok(_), "") => {}
                (Ok(start), end) => match parse_date(end) {
                    Err(m) => push(
                        FieldId::Experiences,
                        Some(i),
                        Problem::ExperienceEnd { problem: boxed(m) },
                    ),
                    Ok(end) if end < start => push(
                        FieldId::Experiences,
                        Some(i),
                        Problem::ExperienceEndsBeforeStart,
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
                    Problem::ReferenceNameAndContact,
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

    /// Completeness in percent: a field counts once it is filled *and* valid (`issues` are
    /// this draft's [`Self::problems`]); required fields weigh twice as much as optional
    /// ones. 100 % exactly when [`Self::gaps`] is empty.
    pub fn completeness(&self, files: &DraftFiles, issues: &[Issue]) -> u8 {
        let weight = |f: FieldId| if f.required() { 2u32 } else { 1 };
        let total: u32 = FieldId::ALL.iter().map(|f| weight(*f)).sum();
        let gaps = self.gaps(files, issues);
        let missing: u32 = gaps.iter().map(|g| weight(g.field)).sum();
        u8::try_from((total - missing) * 100 / total).unwrap_or(100)
    }

    /// What stands between the draft and 100 %: each field empty or to correct, required
    /// ones first, in the editor's order otherwise.
    pub fn gaps(&self, files: &DraftFiles, issues: &[Issue]) -> Vec<Gap> {
        let mut gaps: Vec<Gap> = FieldId::ALL
            .into_iter()
            .filter_map(|field| {
                if issues.iter().any(|i| i.field == field) {
                    Some(Gap {
                        field,
                        to_correct: true,
                    })
                } else if !self.is_filled(field, files) {
                    Some(Gap {
                        field,
                        to_correct: false,
                    })
                } else {
                    None
                }
            })
            .collect();
        gaps.sort_by_key(|g| !g.field.required());
        gaps
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

#[cfg(test)]
mod tests;
