//! The names and short phrases the texts of [`Problem`] are made of.

use super::{attestation, Lang};
use crate::domain::problem::{Field, NameField, ProjectField, Refusal, Unproposable};
use crate::domain::profile::FieldId;
use crate::domain::project::Step;
use crate::domain::selection::ProposalState;

pub(super) fn refusal(r: &Refusal, l: Lang) -> String {
    let reason = match &r.reason {
        Unproposable::AccountDisabled => tr_in!(l, problems.unproposable.account_disabled).into(),
        Unproposable::NotPublished => tr_in!(l, problems.unproposable.not_published).into(),
        Unproposable::NoAttestation => tr_in!(l, problems.unproposable.no_attestation).into(),
        Unproposable::NotIndexed => tr_in!(l, problems.unproposable.not_indexed).into(),
        Unproposable::Demo => tr_in!(l, problems.unproposable.demo).into(),
        Unproposable::Attestation(status) => attestation(*status, l),
        Unproposable::Criteria(rejection) => crate::ui::text::matching::rejection(l, rejection),
    };
    let name = r
        .name
        .clone()
        .unwrap_or_else(|| tr_in!(l, problems.unknown_expert).into());
    tr_in!(
        l,
        problems.refused_expert,
        name = name,
        reason = reason.trim_end_matches('.').to_string()
    )
    .to_string()
}

pub(super) fn name_field(field: NameField, l: Lang) -> &'static str {
    match field {
        NameField::FirstName => tr_in!(l, problems.name_field.first_name),
        NameField::LastName => tr_in!(l, problems.name_field.last_name),
        NameField::CompanyName => tr_in!(l, problems.name_field.company_name),
    }
}

pub(super) fn label_lang(lang: Lang, l: Lang) -> &'static str {
    match lang {
        Lang::Fr => tr_in!(l, problems.label_lang.fr),
        Lang::En => tr_in!(l, problems.label_lang.en),
    }
}

pub(super) fn step_label(step: Step, l: Lang) -> &'static str {
    match step {
        Step::Basics => tr_in!(l, problems.step.basics),
        Step::Profile => tr_in!(l, problems.step.profile),
        Step::PlaceAndDates => tr_in!(l, problems.step.place_and_dates),
        Step::Budget => tr_in!(l, problems.step.budget),
        Step::Contact => tr_in!(l, problems.step.contact),
        Step::Review => tr_in!(l, problems.step.review),
    }
}

pub(super) fn proposal_state(state: ProposalState, l: Lang) -> &'static str {
    crate::ui::text::project::proposal_state_label(l, state)
}

/// The short name of a snapshot value in [`Problem::SnapshotInvalid`].
pub(super) fn snapshot_field(field: FieldId, l: Lang) -> &'static str {
    match field {
        FieldId::Departement => tr_in!(l, problems.snapshot_field.departement),
        FieldId::YearsExperience => tr_in!(l, problems.snapshot_field.years_experience),
        FieldId::DailyRate => tr_in!(l, problems.snapshot_field.daily_rate),
        FieldId::Siret => tr_in!(l, problems.snapshot_field.siret),
        FieldId::Phone => tr_in!(l, problems.snapshot_field.phone),
        FieldId::AvailableFrom => tr_in!(l, problems.snapshot_field.available_from),
        FieldId::AttestationIssuedOn => tr_in!(l, problems.snapshot_field.attestation_issued_on),
        FieldId::Languages => tr_in!(l, problems.snapshot_field.languages),
        other => field_label(other, l),
    }
}

pub(super) fn any_field(field: Field, l: Lang) -> &'static str {
    match field {
        Field::Dossier(f) => field_label(f, l),
        Field::Project(f) => project_field(f, l),
    }
}

/// A dossier field as named in messages: the editor's label for it, so that a message
/// names the field the way the form shows it.
pub fn field_label(field: FieldId, l: Lang) -> &'static str {
    crate::ui::labels::field_text_in(l, field).0
}

pub(super) fn project_field(field: ProjectField, l: Lang) -> &'static str {
    use ProjectField as F;
    match field {
        F::Title => tr_in!(l, problems.project_field.title),
        F::Description => tr_in!(l, problems.project_field.description),
        F::Domain => tr_in!(l, problems.project_field.domain),
        F::Skills => tr_in!(l, problems.project_field.skills),
        F::Level => tr_in!(l, problems.project_field.level),
        F::Languages => tr_in!(l, problems.project_field.languages),
        F::Places => tr_in!(l, problems.project_field.places),
        F::StartDate => tr_in!(l, problems.project_field.start_date),
        F::Duration => tr_in!(l, problems.project_field.duration),
        F::BudgetMode => tr_in!(l, problems.project_field.budget_mode),
        F::Budget => tr_in!(l, problems.project_field.budget),
        F::DailyRate => tr_in!(l, problems.project_field.daily_rate),
        F::Days => tr_in!(l, problems.project_field.days),
        F::ContactFormats => tr_in!(l, problems.project_field.contact_formats),
    }
}
