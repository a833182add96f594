//! The hard bound on a draft's size, checked before it is stored.

use super::{HARD_FACTOR, MAX_ENTRIES, MAX_LEGAL_FORM, MAX_LONG_TEXT, MAX_NAME, MAX_TEXT};
use crate::domain::problem::{Field, Problem};
use crate::domain::profile::{
    ExperienceEntry, FieldId, LanguageEntry, ProfileDraft, ReferenceEntry, SkillEntry,
};

impl ProfileDraft {
    /// Refuses drafts too large to be reasonable (before anything is stored): a text a
    /// little over its cap is kept and flagged by [`ProfileDraft::problems`] for the
    /// expert to fix; one over [`HARD_FACTOR`] times its cap, or a list over twice
    /// [`MAX_ENTRIES`], is not stored at all. Every field is named here (the patterns
    /// are exhaustive), so that a field added to the draft cannot be left unbounded.
    pub fn check_size(&self) -> Result<(), Problem> {
        use FieldId as F;
        let ProfileDraft {
            first_name,
            last_name,
            departement,
            years_experience,
            domains,
            languages,
            education,
            phone,
            postal_address,
            legal_form,
            siret,
            vat_number,
            daily_rate,
            available_from,
            remote_ok: _,
            mobility,
            skills,
            experiences,
            references,
            attestation_issued_on,
        } = self;
        let lists = [
            (F::Domains, domains.len()),
            (F::Languages, languages.len()),
            (F::Skills, skills.len()),
            (F::Experiences, experiences.len()),
            (F::References, references.len()),
        ];
        if let Some((field, _)) = lists.into_iter().find(|(_, n)| *n > MAX_ENTRIES * 2) {
            return Err(Problem::TooManyEntries {
                field: Field::Dossier(field),
                max: MAX_ENTRIES * 2,
            });
        }
        let short = MAX_TEXT * HARD_FACTOR;
        let name = MAX_NAME * HARD_FACTOR;
        let long = MAX_LONG_TEXT * HARD_FACTOR;
        let mut texts: Vec<(FieldId, &str, usize)> = vec![
            (F::FirstName, first_name, name),
            (F::LastName, last_name, name),
            (F::Departement, departement, short),
            (F::YearsExperience, years_experience, short),
            (F::Education, education, long),
            (F::Phone, phone, short),
            (F::PostalAddress, postal_address, short),
            (F::LegalForm, legal_form, MAX_LEGAL_FORM * HARD_FACTOR),
            (F::Siret, siret, short),
            (F::VatNumber, vat_number, short),
            (F::DailyRate, daily_rate, short),
            (F::AvailableFrom, available_from, short),
            (F::Mobility, mobility, MAX_LONG_TEXT),
            (F::AttestationIssuedOn, attestation_issued_on, short),
        ];
        texts.extend(domains.iter().map(|d| (F::Domains, d.as_str(), short)));
        for LanguageEntry { code, level } in languages {
            texts.extend([
                (F::Languages, code.as_str(), short),
                (F::Languages, level, short),
            ]);
        }
        for SkillEntry { slug, years } in skills {
            texts.extend([(F::Skills, slug.as_str(), short), (F::Skills, years, short)]);
        }
        for ExperienceEntry {
            title,
            sector,
            started_on,
            ended_on,
            description,
        } in experiences
        {
            texts.extend([
                (F::Experiences, title.as_str(), short),
                (F::Experiences, sector, short),
                (F::Experiences, started_on, short),
                (F::Experiences, ended_on, short),
                (F::Experiences, description, long),
            ]);
        }
        for ReferenceEntry {
            name,
            company,
            contact,
        } in references
        {
            texts.extend([
                (F::References, name.as_str(), short),
                (F::References, company, short),
                (F::References, contact, short),
            ]);
        }
        match texts
            .into_iter()
            .find(|(_, text, max)| text.chars().count() > *max)
        {
            Some((field, _, max)) => Err(Problem::TooLongToStore {
                field: Field::Dossier(field),
                max,
            }),
            None => Ok(()),
        }
    }
}
