//! The texts of billing's problems.

use crate::domain::lang::Lang;
use crate::domain::problem::Problem;

pub(super) fn text(problem: &Problem, l: Lang) -> String {
    use Problem as P;
    match problem {
        P::ScheduleInvalid => tr_in!(l, problems.schedule_invalid).into(),
        P::ScheduleVersionTaken => tr_in!(l, problems.schedule_version_taken).into(),
        P::MissionInvoiceNotExpected => tr_in!(l, problems.mission_invoice_not_expected).into(),
        P::MissionInvoiceNumber { max } => {
            tr_in!(l, problems.mission_invoice_number, max = *max).to_string()
        }
        P::MissionInvoiceDuplicate => tr_in!(l, problems.mission_invoice_duplicate).into(),
        P::MissionInvoiceDates => tr_in!(l, problems.mission_invoice_dates).into(),
        P::MissionInvoiceAmount => tr_in!(l, problems.mission_invoice_amount).into(),
        P::MissionInvoiceFileRequired => tr_in!(l, problems.mission_invoice_file_required).into(),
        P::MissionInvoiceDueDate => tr_in!(l, problems.mission_invoice_due_date).into(),
        P::PaymentDate => tr_in!(l, problems.payment_date).into(),
        P::PaymentAlreadyConfirmed => tr_in!(l, problems.payment_already_confirmed).into(),
        P::PaymentAmount => tr_in!(l, problems.payment_amount).into(),
        P::StatementUnreadable => tr_in!(l, problems.statement_unreadable).into(),
        P::StatementAlreadyImported => tr_in!(l, problems.statement_already_imported).into(),
        P::RefundNotDue => tr_in!(l, problems.refund_not_due).into(),
        // Only billing's problems are sent here.
        _ => tr_in!(l, problems.request_malformed).into(),
    }
}
