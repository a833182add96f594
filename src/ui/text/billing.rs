//! The texts of billing shared by pages, notices and mails.

use crate::domain::billing::events::BillingChange;
use crate::domain::billing::invoice::{InvoiceKind, PaymentState};
use crate::domain::lang::Lang;

pub fn kind_label(lang: Lang, kind: InvoiceKind) -> &'static str {
    match kind {
        InvoiceKind::Advance => tr_in!(lang, billing.kind_advance),
        InvoiceKind::Final => tr_in!(lang, billing.kind_final),
        InvoiceKind::CreditNote => tr_in!(lang, billing.kind_credit_note),
    }
}

pub fn state_label(lang: Lang, state: PaymentState) -> &'static str {
    match state {
        PaymentState::Unpaid => tr_in!(lang, billing.state_unpaid),
        PaymentState::Paid => tr_in!(lang, billing.state_paid),
        PaymentState::Overdue => tr_in!(lang, billing.state_overdue),
        PaymentState::Cancelled => tr_in!(lang, billing.state_cancelled),
    }
}

/// Billing's entry in a path's log.
pub fn change_label(lang: Lang, change: BillingChange) -> &'static str {
    match change {
        BillingChange::AdvanceIssued => tr_in!(lang, billing.change_advance_issued),
        BillingChange::FinalIssued => tr_in!(lang, billing.change_final_issued),
        BillingChange::CreditIssued => tr_in!(lang, billing.change_credit_issued),
        BillingChange::InvoicePaid => tr_in!(lang, billing.change_invoice_paid),
        BillingChange::InvoiceOverdue => tr_in!(lang, billing.change_invoice_overdue),
        BillingChange::RefundMade => tr_in!(lang, billing.change_refund_made),
        BillingChange::MissionInvoiceUploaded => {
            tr_in!(lang, billing.change_mission_invoice_uploaded)
        }
        BillingChange::MissionInvoicePaid => tr_in!(lang, billing.change_mission_invoice_paid),
        BillingChange::MissionInvoiceOverdue => {
            tr_in!(lang, billing.change_mission_invoice_overdue)
        }
    }
}

/// What a party hears: the change, the document's number, the project (`title`, or a
/// placeholder filled after escaping).
pub fn news_text(lang: Lang, change: BillingChange, reference: &str, title: &str) -> String {
    tr_in!(
        lang,
        billing.notice,
        change = change_label(lang, change),
        reference = reference,
        title = title
    )
    .to_string()
}

/// A rate in percent: `12,15 %` in French, `12.15%` in English (`20 %`, not `20,00 %`).
pub fn percent_in(lang: Lang, percent: rust_decimal::Decimal) -> String {
    let text = percent.normalize().to_string();
    match lang {
        Lang::Fr => format!("{}\u{a0}%", text.replace('.', ",")),
        Lang::En => format!("{text}%"),
    }
}
