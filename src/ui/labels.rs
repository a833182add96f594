//! Names of the dossier's fields and of the values shown with them (visibilities,
//! viewers, levels, languages, attestation states, decisions), in the page's language.
//! The domain keeps the values; their names live in `locales/*/profile.json`.

use chrono::NaiveDate;

use crate::domain::eligibility::AttestationStatus;
use crate::domain::lang::Lang;
use crate::domain::profile::{FieldId, Viewer, Visibility};
use crate::domain::review::Decision;
use crate::ui::text::current_lang;

/// Label and help of a dossier field (the help may be empty).
pub fn field_text(field: FieldId) -> (&'static str, &'static str) {
    field_text_in(current_lang(), field)
}

/// [`field_text`] in a given language, for messages the server builds.
pub fn field_text_in(lang: Lang, field: FieldId) -> (&'static str, &'static str) {
    use FieldId::*;
    match field {
        Photo => (
            tr_in!(lang, profile.field.photo.label),
            tr_in!(lang, profile.field.photo.help),
        ),
        FirstName => (tr_in!(lang, profile.field.first_name.label), ""),
        Departement => (
            tr_in!(lang, profile.field.departement.label),
            tr_in!(lang, profile.field.departement.help),
        ),
        YearsExperience => (
            tr_in!(lang, profile.field.years_experience.label),
            tr_in!(lang, profile.field.years_experience.help),
        ),
        Domains => (
            tr_in!(lang, profile.field.domains.label),
            tr_in!(lang, profile.field.domains.help),
        ),
        Languages => (tr_in!(lang, profile.field.languages.label), ""),
        Education => (
            tr_in!(lang, profile.field.education.label),
            tr_in!(lang, profile.field.education.help),
        ),
        LastName => (tr_in!(lang, profile.field.last_name.label), ""),
        Phone => (
            tr_in!(lang, profile.field.phone.label),
            tr_in!(lang, profile.field.phone.help),
        ),
        PostalAddress => (tr_in!(lang, profile.field.postal_address.label), ""),
        LegalForm => (
            tr_in!(lang, profile.field.legal_form.label),
            tr_in!(lang, profile.field.legal_form.help),
        ),
        Siret => (
            tr_in!(lang, profile.field.siret.label),
            tr_in!(lang, profile.field.siret.help),
        ),
        VatNumber => (
            tr_in!(lang, profile.field.vat_number.label),
            tr_in!(lang, profile.field.vat_number.help),
        ),
        DailyRate => (
            tr_in!(lang, profile.field.daily_rate.label),
            tr_in!(lang, profile.field.daily_rate.help),
        ),
        AvailableFrom => (tr_in!(lang, profile.field.available_from.label), ""),
        Mobility => (
            tr_in!(lang, profile.field.mobility.label),
            tr_in!(lang, profile.field.mobility.help),
        ),
        Skills => (
            tr_in!(lang, profile.field.skills.label),
            tr_in!(lang, profile.field.skills.help),
        ),
        Experiences => (
            tr_in!(lang, profile.field.experiences.label),
            tr_in!(lang, profile.field.experiences.help),
        ),
        References => (
            tr_in!(lang, profile.field.references.label),
            tr_in!(lang, profile.field.references.help),
        ),
        Cv => (
            tr_in!(lang, profile.field.cv.label),
            tr_in!(lang, profile.field.cv.help),
        ),
        Attestation => (
            tr_in!(lang, profile.field.attestation.label),
            tr_in!(lang, profile.field.attestation.help),
        ),
        AttestationIssuedOn => (tr_in!(lang, profile.field.attestation_issued_on.label), ""),
    }
}

/// Name and explanation of who may see a field.
pub fn visibility_text(visibility: Visibility) -> (&'static str, &'static str) {
    match visibility {
        Visibility::Public => (
            tr!(profile.visibility.public.label),
            tr!(profile.visibility.public.help),
        ),
        Visibility::ProposedClients => (
            tr!(profile.visibility.proposed_clients.label),
            tr!(profile.visibility.proposed_clients.help),
        ),
        Visibility::AdminOnly => (
            tr!(profile.visibility.admin_only.label),
            tr!(profile.visibility.admin_only.help),
        ),
    }
}

pub fn viewer_text(viewer: Viewer) -> &'static str {
    match viewer {
        Viewer::Anonymous => tr!(profile.viewer.anonymous),
        Viewer::ProposedClient => tr!(profile.viewer.proposed_client),
        Viewer::Admin => tr!(profile.viewer.admin),
    }
}

/// A sentence on the attestation, for the editor and the admin.
pub fn attestation_text(status: AttestationStatus) -> String {
    let d = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    match status {
        AttestationStatus::Missing => tr!(profile.attestation.missing).to_string(),
        AttestationStatus::FutureDate => tr!(profile.attestation.future_date).to_string(),
        AttestationStatus::Valid { until } => {
            tr!(profile.attestation.valid, until = d(until)).to_string()
        }
        AttestationStatus::ExpiringSoon { until } => {
            tr!(profile.attestation.expiring_soon, until = d(until)).to_string()
        }
        AttestationStatus::Expired { since } => {
            tr!(profile.attestation.expired, since = d(since)).to_string()
        }
    }
}

pub fn decision_text(decision: Decision) -> &'static str {
    decision_text_in(current_lang(), decision)
}

/// [`decision_text`] in a given language: the title of the expert's notification.
pub fn decision_text_in(lang: Lang, decision: Decision) -> &'static str {
    match decision {
        Decision::Approve => tr_in!(lang, profile.decision.approve),
        Decision::RequestChanges => tr_in!(lang, profile.decision.request_changes),
        Decision::Reject => tr_in!(lang, profile.decision.reject),
    }
}

/// A decision of the history, or "pending" while there is none.
pub fn decision_or_pending(decision: Option<Decision>) -> &'static str {
    decision.map_or(tr!(profile.decision.pending), decision_text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attestation_sentences_in_both_languages() {
        let day = NaiveDate::from_ymd_opt(2026, 7, 14).unwrap();
        let fr = attestation_text(AttestationStatus::Expired { since: day });
        assert!(fr.contains("14/07/2026"), "{fr}");
        assert_ne!(
            tr_in!(Lang::En, profile.attestation.missing),
            tr_in!(Lang::Fr, profile.attestation.missing)
        );
    }
}
