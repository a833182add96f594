//! The texts of a dossier's completeness and of an attestation's state.

use super::{date, field_label};
use crate::domain::eligibility::AttestationStatus;
use crate::domain::lang::Lang;
use crate::domain::problem::Problem;
use crate::domain::profile::FieldId;

pub(super) fn dossier_incomplete(
    missing: &[FieldId],
    first: &Option<(FieldId, Box<Problem>)>,
    l: Lang,
) -> String {
    let mut parts = Vec::new();
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|f| field_label(*f, l)).collect();
        let fields = names.join(tr_in!(l, problems.list_separator));
        parts.push(tr_in!(l, problems.dossier_missing, fields = fields).to_string());
    }
    if let Some((field, problem)) = first {
        parts.push(
            tr_in!(
                l,
                problems.dossier_to_fix,
                field = field_label(*field, l),
                problem = problem.text(l)
            )
            .to_string(),
        );
    }
    parts.join(" ")
}

/// A sentence on an attestation (in the editor, a review, a refusal).
pub fn attestation(status: AttestationStatus, l: Lang) -> String {
    match status {
        AttestationStatus::Missing => tr_in!(l, problems.attestation.missing).into(),
        AttestationStatus::FutureDate => tr_in!(l, problems.attestation.future_date).into(),
        AttestationStatus::Valid { until } => {
            tr_in!(l, problems.attestation.valid, until = date(until)).to_string()
        }
        AttestationStatus::ExpiringSoon { until } => {
            tr_in!(l, problems.attestation.expiring_soon, until = date(until)).to_string()
        }
        AttestationStatus::Expired { since } => {
            tr_in!(l, problems.attestation.expired, since = date(since)).to_string()
        }
    }
}
