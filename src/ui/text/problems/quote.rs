//! The texts of the quote's problems.

use crate::domain::lang::Lang;
use crate::domain::problem::Problem;
use crate::domain::quote::TermsBasis;

pub(super) fn text(problem: &Problem, l: Lang) -> String {
    use Problem as P;
    match problem {
        P::QuoteLinesRequired => tr_in!(l, problems.quote_lines_required).into(),
        P::QuoteLinesTooMany { max } => {
            tr_in!(l, problems.quote_lines_too_many, max = *max).to_string()
        }
        P::QuoteLineDescription { line, max } => {
            tr_in!(l, problems.quote_line_description, line = *line, max = *max).to_string()
        }
        P::QuoteLineQuantity { line, max } => {
            tr_in!(l, problems.quote_line_quantity, line = *line, max = *max).to_string()
        }
        P::QuoteLinePrice { line, max } => {
            tr_in!(l, problems.quote_line_price, line = *line, max = *max).to_string()
        }
        P::QuoteFranchiseVat { line } => {
            tr_in!(l, problems.quote_franchise_vat, line = *line).to_string()
        }
        P::PaymentTermsInvalid => tr_in!(l, problems.payment_terms_invalid).into(),
        P::PaymentTermsTooLong { basis, max_days } => {
            let max = *max_days;
            match basis {
                TermsBasis::AfterService => {
                    tr_in!(l, problems.payment_terms_too_long_after_service, max = max).to_string()
                }
                TermsBasis::AfterInvoice => {
                    tr_in!(l, problems.payment_terms_too_long_after_invoice, max = max).to_string()
                }
                TermsBasis::EndOfMonth => {
                    tr_in!(l, problems.payment_terms_too_long_end_of_month, max = max).to_string()
                }
            }
        }
        P::QuoteValidity { max_days } => {
            tr_in!(l, problems.quote_validity, max_days = *max_days).to_string()
        }
        P::QuoteNotExpected => tr_in!(l, problems.quote_not_expected).into(),
        P::QuoteFrozen => tr_in!(l, problems.quote_frozen).into(),
        P::QuoteVersionStale => tr_in!(l, problems.quote_version_stale).into(),
        P::QuoteExpired { valid_until } => {
            tr_in!(l, problems.quote_expired, date = super::date(*valid_until)).to_string()
        }
        P::RevisionCommentRequired => tr_in!(l, problems.revision_comment_required).into(),
        P::RevisionCommentTooLong { max } => {
            tr_in!(l, problems.revision_comment_too_long, max = *max).to_string()
        }
        // Only the quote's problems are sent here.
        _ => tr_in!(l, problems.request_malformed).into(),
    }
}
