//! What the billing pages show: the expert's, the client's and the admins'.

use serde::{Deserialize, Serialize};

use super::invoice::{InvoiceKind, PaymentState};
use super::penalty::LatePenalty;
use crate::domain::id::{InvoiceId, MissionInvoiceId, StatementLineId};
use crate::domain::money::Euros;

use super::events::UnmatchedWhy;

/// One of the platform's invoices or credit notes, as its expert and the admins see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlatformInvoiceView {
    pub id: InvoiceId,
    pub kind: InvoiceKind,
    pub number: String,
    /// ISO dates (`2026-12-03`).
    pub issued_on: String,
    pub due_on: String,
    pub total_ht: Euros,
    pub total_vat: Euros,
    pub total_ttc: Euros,
    pub payable: Euros,
    pub paid: Euros,
    pub state: PaymentState,
    pub payment_reference: String,
    /// The invoice a credit note corrects, or the advance a final invoice deducts.
    pub preceding: Option<String>,
    pub project_title: String,
    pub expert_name: String,
    /// What a credit note gives back, and when it was paid back.
    pub refund: Option<RefundView>,
    pub pdf: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundView {
    pub amount: Euros,
    pub refunded_on: Option<String>,
}

/// An expert's invoice to their client, as both see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissionInvoiceView {
    pub id: MissionInvoiceId,
    pub number: String,
    pub issued_on: String,
    pub service_on: String,
    pub due_on: String,
    pub amount_ht: Euros,
    pub amount_ttc: Euros,
    /// The accepted quote's total TTC, when the invoice's differs from it.
    pub quote_ttc_differs: Option<Euros>,
    pub paid_on: Option<String>,
    pub state: PaymentState,
    /// What the law lets the expert claim once the due date has passed unpaid.
    pub penalty: Option<LatePenalty>,
    pub file: String,
}

/// A mission's invoices, with what the upload form needs to propose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissionBilling {
    pub contract: crate::domain::id::ContractId,
    pub contract_reference: String,
    pub project_title: String,
    /// The other side: the client's company for the expert, the expert for the client.
    pub counterpart: String,
    pub quote_ht: Euros,
    pub quote_ttc: Euros,
    /// The accepted quote's payment terms (the 30th day after the service by default).
    pub terms: crate::domain::quote::PaymentTerms,
    pub mission_signed_on: Option<String>,
    pub invoices: Vec<MissionInvoiceView>,
}

/// The expert's billing page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpertBilling {
    pub invoices: Vec<PlatformInvoiceView>,
    pub missions: Vec<MissionBilling>,
}

/// A statement line left for review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementLineView {
    pub id: StatementLineId,
    pub booked_on: String,
    pub amount: Euros,
    pub credit: bool,
    pub reference: Option<String>,
    pub debtor: Option<String>,
    pub details: Option<String>,
    pub why: UnmatchedWhy,
}

/// Sums of the admins' billing page, TTC.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingTotals {
    pub issued: Euros,
    pub paid: Euros,
    pub unpaid: Euros,
    pub overdue: Euros,
    pub refunds_due: Euros,
}

/// The admins' billing page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminBilling {
    pub totals: BillingTotals,
    pub invoices: Vec<PlatformInvoiceView>,
    pub unmatched: Vec<StatementLineView>,
}

/// What an import did with a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub lines: usize,
    pub matched: Vec<String>,
    pub unmatched: usize,
}
