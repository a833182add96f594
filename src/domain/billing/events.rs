//! Billing's stored states and moves: each has its one mapping to the database here.

use serde::{Deserialize, Serialize};

/// What happened in a path's billing, as its log tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BillingChange {
    /// The intermediation contract is signed: the commission is invoiced in advance.
    AdvanceIssued,
    /// The mission contract is signed: the final invoice deducts the advance.
    FinalIssued,
    /// No mission contract follows: the advance is credited, less the management fee.
    CreditIssued,
    /// A payment of a platform invoice was recorded.
    InvoicePaid,
    /// A platform invoice is past its due date unpaid.
    InvoiceOverdue,
    /// The refund of a credit note was paid to the expert.
    RefundMade,
    /// The expert put a copy of their invoice to the client in their space.
    MissionInvoiceUploaded,
    /// The client confirmed the payment of a mission invoice.
    MissionInvoicePaid,
    /// A mission invoice is past its due date unpaid.
    MissionInvoiceOverdue,
}

impl BillingChange {
    pub const ALL: [BillingChange; 9] = [
        BillingChange::AdvanceIssued,
        BillingChange::FinalIssued,
        BillingChange::CreditIssued,
        BillingChange::InvoicePaid,
        BillingChange::InvoiceOverdue,
        BillingChange::RefundMade,
        BillingChange::MissionInvoiceUploaded,
        BillingChange::MissionInvoicePaid,
        BillingChange::MissionInvoiceOverdue,
    ];

    /// The stored value (`billing_events.change`).
    pub fn as_str(self) -> &'static str {
        match self {
            BillingChange::AdvanceIssued => "advance_issued",
            BillingChange::FinalIssued => "final_issued",
            BillingChange::CreditIssued => "credit_issued",
            BillingChange::InvoicePaid => "invoice_paid",
            BillingChange::InvoiceOverdue => "invoice_overdue",
            BillingChange::RefundMade => "refund_made",
            BillingChange::MissionInvoiceUploaded => "mission_invoice_uploaded",
            BillingChange::MissionInvoicePaid => "mission_invoice_paid",
            BillingChange::MissionInvoiceOverdue => "mission_invoice_overdue",
        }
    }

    /// The platform's invoices concern the expert alone; the mission's invoices, both.
    pub fn client_sees(self) -> bool {
        matches!(
            self,
            BillingChange::MissionInvoiceUploaded
                | BillingChange::MissionInvoicePaid
                | BillingChange::MissionInvoiceOverdue
        )
    }
}

/// Where an imported bank statement's line stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineState {
    /// Recorded as the payment of an invoice.
    Matched,
    /// Left for an admin to look at, with why.
    Unmatched,
    /// Looked at by an admin: not a payment of ours (a fee, a transfer out…).
    Dismissed,
}

impl LineState {
    pub const ALL: [LineState; 3] = [
        LineState::Matched,
        LineState::Unmatched,
        LineState::Dismissed,
    ];

    /// The stored value (`bank_statement_lines.state`).
    pub fn as_str(self) -> &'static str {
        match self {
            LineState::Matched => "matched",
            LineState::Unmatched => "unmatched",
            LineState::Dismissed => "dismissed",
        }
    }
}

/// Why a statement line was not matched to an invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnmatchedWhy {
    /// Money going out: never the payment of an invoice.
    Debit,
    /// No open invoice has this reference.
    UnknownReference,
    /// The reference is an open invoice's, the amount is not what it asks.
    AmountDiffers,
    /// The invoice is already paid.
    AlreadyPaid,
}

impl UnmatchedWhy {
    pub const ALL: [UnmatchedWhy; 4] = [
        UnmatchedWhy::Debit,
        UnmatchedWhy::UnknownReference,
        UnmatchedWhy::AmountDiffers,
        UnmatchedWhy::AlreadyPaid,
    ];

    /// The stored value (`bank_statement_lines.why`).
    pub fn as_str(self) -> &'static str {
        match self {
            UnmatchedWhy::Debit => "debit",
            UnmatchedWhy::UnknownReference => "unknown_reference",
            UnmatchedWhy::AmountDiffers => "amount_differs",
            UnmatchedWhy::AlreadyPaid => "already_paid",
        }
    }
}

/// How a payment of a platform invoice came to be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentSource {
    /// Typed by an admin.
    Manual,
    /// Matched from an imported bank statement.
    Statement,
}

impl PaymentSource {
    pub const ALL: [PaymentSource; 2] = [PaymentSource::Manual, PaymentSource::Statement];

    /// The stored value (`invoice_payments.source`).
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentSource::Manual => "manual",
            PaymentSource::Statement => "statement",
        }
    }
}
