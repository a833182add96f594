//! An expert's profile draft: what they edit, who sees each field, how complete it is,
//! and the dossier (the full view) shown to those allowed to see it.
//!
//! The draft keeps what was typed, as typed: a mistake gets a
//! [`Problem`](crate::domain::problem::Problem) but is never thrown away.
//! [`check`](super::check) checks it with the parsers of [`crate::domain::parse`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Language, LanguageLevel, ProfileLevel, PublicCard, Visibility};
use crate::domain::departement::DepartementCode;
use crate::domain::reference::ReferenceData;

/// Every field of the dossier, in the editor's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldId {
    Photo,
    FirstName,
    Departement,
    YearsExperience,
    Domains,
    Languages,
    Education,
    LastName,
    Phone,
    PostalAddress,
    LegalForm,
    Siret,
    VatNumber,
    DailyRate,
    AvailableFrom,
    Mobility,
    Skills,
    Experiences,
    References,
    Cv,
    Attestation,
    AttestationIssuedOn,
}

impl FieldId {
    pub const ALL: [FieldId; 22] = [
        FieldId::Photo,
        FieldId::FirstName,
        FieldId::Departement,
        FieldId::YearsExperience,
        FieldId::Domains,
        FieldId::Languages,
        FieldId::Education,
        FieldId::LastName,
        FieldId::Phone,
        FieldId::PostalAddress,
        FieldId::LegalForm,
        FieldId::Siret,
        FieldId::VatNumber,
        FieldId::DailyRate,
        FieldId::AvailableFrom,
        FieldId::Mobility,
        FieldId::Skills,
        FieldId::Experiences,
        FieldId::References,
        FieldId::Cv,
        FieldId::Attestation,
        FieldId::AttestationIssuedOn,
    ];

    /// Who may see this field once the dossier is published.
    pub fn visibility(self) -> Visibility {
        use FieldId::*;
        match self {
            // The partial card. Years of experience appear there as the profile level only.
            Photo | FirstName | Departement | YearsExperience | Domains | Languages | Education => {
                Visibility::Public
            }
            _ => Visibility::ProposedClients,
        }
    }

    /// Needed before the dossier can be submitted for review.
    pub fn required(self) -> bool {
        use FieldId::*;
        matches!(
            self,
            FirstName
                | LastName
                | Departement
                | YearsExperience
                | Domains
                | Languages
                | Phone
                | PostalAddress
                | LegalForm
                | Siret
                | DailyRate
                | Skills
                | Attestation
                | AttestationIssuedOn
        )
    }

    /// A stable name, used in element ids and messages.
    pub fn slug(self) -> &'static str {
        use FieldId::*;
        match self {
            Photo => "photo",
            FirstName => "first_name",
            Departement => "departement",
            YearsExperience => "years_experience",
            Domains => "domains",
            Languages => "languages",
            Education => "education",
            LastName => "last_name",
            Phone => "phone",
            PostalAddress => "postal_address",
            LegalForm => "legal_form",
            Siret => "siret",
            VatNumber => "vat_number",
            DailyRate => "daily_rate",
            AvailableFrom => "available_from",
            Mobility => "mobility",
            Skills => "skills",
            Experiences => "experiences",
            References => "references",
            Cv => "cv",
            Attestation => "attestation",
            AttestationIssuedOn => "attestation_issued_on",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LanguageEntry {
    pub code: String,
    pub level: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SkillEntry {
    pub slug: String,
    pub years: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExperienceEntry {
    pub title: String,
    pub sector: String,
    pub started_on: String,
    pub ended_on: String,
    pub description: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReferenceEntry {
    pub name: String,
    pub company: String,
    pub contact: String,
}

/// What the expert typed. Files are not part of it: they are uploaded separately and
/// recorded by the server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileDraft {
    pub first_name: String,
    pub last_name: String,
    pub departement: String,
    pub years_experience: String,
    pub domains: Vec<String>,
    pub languages: Vec<LanguageEntry>,
    /// One diploma or training per line.
    pub education: String,
    pub phone: String,
    pub postal_address: String,
    pub legal_form: String,
    pub siret: String,
    pub vat_number: String,
    pub daily_rate: String,
    pub available_from: String,
    pub remote_ok: bool,
    /// Départements where the expert can work on site, separated by commas or spaces.
    pub mobility: String,
    pub skills: Vec<SkillEntry>,
    pub experiences: Vec<ExperienceEntry>,
    pub references: Vec<ReferenceEntry>,
    pub attestation_issued_on: String,
}

/// A stored file of the dossier, as the editor shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileInfo {
    /// Where the file is served (through an authorised handler).
    pub url: String,
    pub bytes: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftFiles {
    pub photo: Option<FileInfo>,
    pub cv: Option<FileInfo>,
    pub attestation: Option<FileInfo>,
}

/// The whole dossier, for the people allowed to see it: the expert, admins and clients
/// to whom it was proposed. Built from a draft; values that do not parse are left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FullDossier {
    pub card: PublicCard,
    pub years_experience: u32,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub postal_address: String,
    pub legal_form: String,
    pub siret: String,
    pub vat_number: String,
    pub daily_rate: Option<crate::domain::money::Euros>,
    pub available_from: Option<NaiveDate>,
    pub remote_ok: bool,
    pub mobility: Vec<String>,
    /// `(label, years)`.
    pub skills: Vec<(String, Option<u32>)>,
    pub experiences: Vec<ExperienceEntry>,
    pub references: Vec<ReferenceEntry>,
    pub cv_url: Option<String>,
    pub attestation_url: Option<String>,
    pub attestation_issued_on: Option<NaiveDate>,
}

impl ProfileDraft {
    /// Whether a field has something in it (valid or not).
    pub fn is_filled(&self, field: FieldId, files: &DraftFiles) -> bool {
        use FieldId::*;
        let s = |v: &str| !v.trim().is_empty();
        match field {
            Photo => files.photo.is_some(),
            FirstName => s(&self.first_name),
            Departement => s(&self.departement),
            YearsExperience => s(&self.years_experience),
            Domains => !self.domains.is_empty(),
            Languages => !self.languages.is_empty(),
            Education => s(&self.education),
            LastName => s(&self.last_name),
            Phone => s(&self.phone),
            PostalAddress => s(&self.postal_address),
            LegalForm => s(&self.legal_form),
            Siret => s(&self.siret),
            VatNumber => s(&self.vat_number),
            DailyRate => s(&self.daily_rate),
            AvailableFrom => s(&self.available_from),
            Mobility => self.remote_ok || s(&self.mobility),
            Skills => !self.skills.is_empty(),
            Experiences => !self.experiences.is_empty(),
            References => !self.references.is_empty(),
            Cv => files.cv.is_some(),
            Attestation => files.attestation.is_some(),
            AttestationIssuedOn => s(&self.attestation_issued_on),
        }
    }

    /// The public card this draft would show. `id` is the published profile's, if any.
    pub fn card(
        &self,
        id: Option<crate::domain::id::ExpertId>,
        refs: &ReferenceData,
        files: &DraftFiles,
    ) -> PublicCard {
        let years = crate::domain::parse::parse_years(&self.years_experience).unwrap_or(0);
        PublicCard {
            id,
            first_name: self.first_name.trim().to_string(),
            photo_url: files.photo.as_ref().map(|f| f.url.clone()),
            departement: DepartementCode::parse(&self.departement).ok(),
            domains: self
                .domains
                .iter()
                .map(|d| refs.domain_label(d).to_string())
                .collect(),
            languages: self
                .languages
                .iter()
                .filter_map(|l| {
                    Some(Language {
                        code: l.code.clone(),
                        level: LanguageLevel::parse(&l.level)?,
                    })
                })
                .collect(),
            education: self.education_lines(),
            level: ProfileLevel::from_years(years),
            demo: false,
        }
    }

    pub fn education_lines(&self) -> Vec<String> {
        self.education
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// The whole dossier as its viewers would see it.
    pub fn dossier(
        &self,
        id: Option<crate::domain::id::ExpertId>,
        email: &str,
        refs: &ReferenceData,
        files: &DraftFiles,
    ) -> FullDossier {
        use crate::domain::parse as check;
        FullDossier {
            card: self.card(id, refs, files),
            years_experience: check::parse_years(&self.years_experience).unwrap_or(0),
            last_name: self.last_name.trim().to_string(),
            email: email.to_string(),
            phone: self.phone.trim().to_string(),
            postal_address: self.postal_address.trim().to_string(),
            legal_form: self.legal_form.trim().to_string(),
            siret: self.siret.trim().to_string(),
            vat_number: self.vat_number.trim().to_string(),
            daily_rate: check::parse_rate(&self.daily_rate).ok(),
            available_from: check::parse_date(&self.available_from).ok(),
            remote_ok: self.remote_ok,
            mobility: check::mobility_codes(&self.mobility)
                .into_iter()
                .filter_map(Result::ok)
                .map(|d| d.to_string())
                .collect(),
            skills: self
                .skills
                .iter()
                .map(|s| {
                    (
                        refs.skill_label(&s.slug).to_string(),
                        check::parse_years(&s.years).ok(),
                    )
                })
                .collect(),
            experiences: self.experiences.clone(),
            references: self.references.clone(),
            cv_url: files.cv.as_ref().map(|f| f.url.clone()),
            attestation_url: files.attestation.as_ref().map(|f| f.url.clone()),
            attestation_issued_on: check::parse_date(&self.attestation_issued_on).ok(),
        }
    }
}
