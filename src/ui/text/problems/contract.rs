//! The texts of the contract's and the signature's problems.

use crate::domain::lang::Lang;
use crate::domain::problem::Problem;

pub(super) fn text(problem: &Problem, l: Lang) -> String {
    use Problem as P;
    match problem {
        P::ContractLegalForm { max } => {
            tr_in!(l, problems.contract_legal_form, max = *max).to_string()
        }
        P::ContractAddress { max } => tr_in!(l, problems.contract_address, max = *max).to_string(),
        P::ContractSignatory { max } => {
            tr_in!(l, problems.contract_signatory, max = *max).to_string()
        }
        P::ContractSignatoryRole { max } => {
            tr_in!(l, problems.contract_signatory_role, max = *max).to_string()
        }
        P::ContractNotOpened => tr_in!(l, problems.contract_not_opened).into(),
        P::SignatureConsentRequired => tr_in!(l, problems.signature_consent_required).into(),
        P::SignatureCodeFormat { digits } => {
            tr_in!(l, problems.signature_code_format, digits = *digits).to_string()
        }
        P::SignatureCodeWrong { left } => {
            tr_in!(l, problems.signature_code_wrong, left = *left).to_string()
        }
        P::SignatureCodeLocked => tr_in!(l, problems.signature_code_locked).into(),
        P::SignatureCodeExpired { minutes } => {
            tr_in!(l, problems.signature_code_expired, minutes = *minutes).to_string()
        }
        P::SignatureCodeMissing => tr_in!(l, problems.signature_code_missing).into(),
        P::ContractNotToSign => tr_in!(l, problems.contract_not_to_sign).into(),
        P::MissionNotExpected => tr_in!(l, problems.mission_not_expected).into(),
        P::MissionDateFuture => tr_in!(l, problems.mission_date_future).into(),
        P::NoMissionReasonRequired => tr_in!(l, problems.no_mission_reason_required).into(),
        P::NotAPdf => tr_in!(l, problems.not_a_pdf).into(),
        // Only the contract's problems are sent here.
        _ => tr_in!(l, problems.request_malformed).into(),
    }
}
