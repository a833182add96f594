//! The platform's own invoices and credit notes to the experts, as documents: what the
//! PDF and the Factur-X XML both print, checked for the arithmetic and the mentions that
//! French law requires (C. com. L441-9, CGI art. 242 nonies A) before anything is issued.
//! Numbering, storage and sending belong to the server.
//!
//! An advance invoice (facture d'acompte, CGI art. 289 I-1-c) is issued when the
//! intermediation contract is signed; the final invoice deducts it; when no mission
//! contract follows, a credit note refunds the advance less the management fee. An issued
//! document never changes: a correction is always a credit note referencing it.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::epc::{iban_is_valid, rf_is_valid};
use crate::domain::account::luhn_valid;
use crate::domain::money::Euros;

mod lines;
pub use lines::{
    advance_lines, credit_lines, vat_subtotals, InvoiceLine, VatSubtotal, COMMISSION_LINE,
    REFUND_LINE,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceKind {
    Advance,
    Final,
    CreditNote,
}

impl InvoiceKind {
    pub const ALL: [InvoiceKind; 3] = [
        InvoiceKind::Advance,
        InvoiceKind::Final,
        InvoiceKind::CreditNote,
    ];

    /// The stored value (`invoices.kind`).
    pub fn as_str(self) -> &'static str {
        match self {
            InvoiceKind::Advance => "advance",
            InvoiceKind::Final => "final",
            InvoiceKind::CreditNote => "credit_note",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Advances share the invoices' series (the law numbers them as invoices); credit
    /// notes have their own.
    pub fn series(self) -> Series {
        match self {
            InvoiceKind::Advance | InvoiceKind::Final => Series::Invoice,
            InvoiceKind::CreditNote => Series::CreditNote,
        }
    }

    /// The document type of EN 16931 (UNTDID 1001), as Factur-X and the e-invoicing
    /// platforms read it.
    pub fn type_code(self) -> &'static str {
        match self {
            InvoiceKind::Advance => "386",
            InvoiceKind::Final => "380",
            InvoiceKind::CreditNote => "381",
        }
    }
}

/// A numbering series: each is continuous on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Series {
    Invoice,
    CreditNote,
}

impl Series {
    pub const ALL: [Series; 2] = [Series::Invoice, Series::CreditNote];

    /// The stored value (`invoice_counters.series`).
    pub fn as_str(self) -> &'static str {
        match self {
            Series::Invoice => "invoice",
            Series::CreditNote => "credit_note",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The fixed prefix of the numbers: "FA" (facture) and "AV" (avoir), the usual
    /// French abbreviations, identifiers rather than text.
    pub fn prefix(self) -> &'static str {
        match self {
            Series::Invoice => "FA",
            Series::CreditNote => "AV",
        }
    }
}

/// `FA-2026-000001`: the n-th document of the series in that year. French law asks for a
/// unique number, chronological and without gaps within a series (CGI art. 242 nonies A
/// and BOI-TVA-DECLA-30-20-20), and lets a series start again each year as long as the
/// year is part of the number, so that two documents never share one.
pub fn invoice_number(series: Series, year: i32, n: i64) -> String {
    format!("{}-{year:04}-{n:06}", series.prefix())
}

/// Where an invoice stands, computed from its dates each time rather than stored, so
/// that "overdue" never waits for a job to notice the due date passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentState {
    Unpaid,
    Paid,
    Overdue,
    /// Fully credited: nothing is owed any more.
    Cancelled,
}

impl PaymentState {
    pub const ALL: [PaymentState; 4] = [
        PaymentState::Unpaid,
        PaymentState::Paid,
        PaymentState::Overdue,
        PaymentState::Cancelled,
    ];

    /// The value in URLs and filters.
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentState::Unpaid => "unpaid",
            PaymentState::Paid => "paid",
            PaymentState::Overdue => "overdue",
            PaymentState::Cancelled => "cancelled",
        }
    }
}

/// `credited` means fully credited, which wins over a payment (the credit note then
/// refunds it); overdue from the day after the due date, as penalties run.
pub fn payment_state(
    due_on: NaiveDate,
    paid_on: Option<NaiveDate>,
    credited: bool,
    today: NaiveDate,
) -> PaymentState {
    if credited {
        PaymentState::Cancelled
    } else if paid_on.is_some() {
        PaymentState::Paid
    } else if today > due_on {
        PaymentState::Overdue
    } else {
        PaymentState::Unpaid
    }
}

/// The seller or the buyer as the document prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingParty {
    pub name: String,
    pub legal_form: String,
    /// 9 digits, no spaces.
    pub siren: String,
    pub address: String,
    /// ISO 3166-1 alpha-2: "FR".
    pub country: String,
    pub vat_number: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceDocument {
    pub kind: InvoiceKind,
    pub number: String,
    pub issued_on: NaiveDate,
    pub service_on: NaiveDate,
    pub due_on: NaiveDate,
    pub seller: BillingParty,
    pub seller_iban: String,
    pub seller_bic: Option<String>,
    pub buyer: BillingParty,
    pub lines: Vec<InvoiceLine>,
    pub total_ht: Euros,
    pub total_vat: Euros,
    pub total_ttc: Euros,
    /// The advance already invoiced and deducted (final invoice), else 0.
    pub prepaid: Euros,
    /// `total_ttc − prepaid`, never negative.
    pub payable: Euros,
    /// A credit note's corrected invoice; a final invoice's advance.
    pub preceding: Option<PrecedingInvoice>,
    /// The ISO 11649 reference the payer's bank carries to the statement.
    pub payment_reference: String,
    pub contract_reference: String,
    pub project_title: String,
    /// In percent, of the issue date's half-year.
    pub penalty_rate: Decimal,
    pub schedule_version: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrecedingInvoice {
    pub number: String,
    pub issued_on: NaiveDate,
}

/// What makes a document unfit to issue; the server checks before numbering, so an
/// incoherent document never takes a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InvoiceError {
    #[error("a document needs at least one line")]
    NoLines,
    #[error("line {0}: the net amount is not quantity × unit price, or a value is out of range")]
    Line(usize),
    #[error("the total HT is not the sum of the lines")]
    TotalHt,
    #[error("the total VAT is not the VAT of each rate on the sum of its lines")]
    TotalVat,
    #[error("the total TTC is not HT + VAT")]
    TotalTtc,
    #[error("the payable amount is not TTC less what was prepaid, or is negative")]
    Payable,
    #[error("only a final invoice deducts a prepaid advance, which it must reference")]
    Prepaid,
    #[error("a credit note must reference the invoice it corrects")]
    CreditNoteWithoutPreceding,
    #[error("the preceding invoice is dated after this document")]
    PrecedingAfter,
    #[error("the number does not belong to the document's series")]
    NumberSeries,
    #[error("the due date is before the issue date")]
    DueBeforeIssue,
    #[error("the seller's SIREN is not 9 digits with a valid key")]
    SellerSiren,
    #[error("the buyer's SIREN is not 9 digits with a valid key")]
    BuyerSiren,
    #[error("a party has no name, address or two-letter country")]
    Party,
    #[error("the seller charges VAT without a VAT number")]
    SellerVatNumber,
    #[error("the seller's IBAN is not valid")]
    SellerIban,
    #[error("the payment reference is not an ISO 11649 creditor reference")]
    PaymentReference,
}

impl InvoiceDocument {
    pub fn vat_subtotals(&self) -> Vec<VatSubtotal> {
        vat_subtotals(&self.lines)
    }

    /// Arithmetic coherence and the mentions the law requires.
    pub fn check(&self) -> Result<(), InvoiceError> {
        if self.lines.is_empty() {
            return Err(InvoiceError::NoLines);
        }
        for (i, line) in self.lines.iter().enumerate() {
            let coherent = line.quantity > Decimal::ZERO
                && !is_negative(line.unit_price)
                && (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&line.vat_rate)
                && line.unit_price.times(line.quantity) == Some(line.net);
            if !coherent {
                return Err(InvoiceError::Line(i));
            }
        }
        let subtotals = self.vat_subtotals();
        if self.total_ht != subtotals.iter().map(|s| s.base).sum() {
            return Err(InvoiceError::TotalHt);
        }
        if self.total_vat != subtotals.iter().map(|s| s.vat).sum() {
            return Err(InvoiceError::TotalVat);
        }
        if self.total_ttc != self.total_ht + self.total_vat {
            return Err(InvoiceError::TotalTtc);
        }
        let payable = self.total_ttc.checked_sub(self.prepaid);
        if is_negative(self.prepaid) || is_negative(self.payable) || payable != Some(self.payable) {
            return Err(InvoiceError::Payable);
        }
        if self.prepaid.is_positive()
            && (self.kind != InvoiceKind::Final || self.preceding.is_none())
        {
            return Err(InvoiceError::Prepaid);
        }
        match &self.preceding {
            None if self.kind == InvoiceKind::CreditNote => {
                return Err(InvoiceError::CreditNoteWithoutPreceding)
            }
            Some(p) if p.issued_on > self.issued_on => return Err(InvoiceError::PrecedingAfter),
            _ => {}
        }
        let prefix = self.kind.series().prefix();
        if self
            .number
            .strip_prefix(prefix)
            .and_then(|r| r.strip_prefix('-'))
            .is_none()
        {
            return Err(InvoiceError::NumberSeries);
        }
        if self.due_on < self.issued_on {
            return Err(InvoiceError::DueBeforeIssue);
        }
        if !siren_is_valid(&self.seller.siren) {
            return Err(InvoiceError::SellerSiren);
        }
        if !siren_is_valid(&self.buyer.siren) {
            return Err(InvoiceError::BuyerSiren);
        }
        if !party_is_complete(&self.seller) || !party_is_complete(&self.buyer) {
            return Err(InvoiceError::Party);
        }
        let charges_vat = self.lines.iter().any(|l| !l.vat_rate.is_zero());
        if charges_vat && self.seller.vat_number.as_deref().is_none_or(str::is_empty) {
            return Err(InvoiceError::SellerVatNumber);
        }
        if !iban_is_valid(&self.seller_iban) {
            return Err(InvoiceError::SellerIban);
        }
        if !rf_is_valid(&self.payment_reference) {
            return Err(InvoiceError::PaymentReference);
        }
        Ok(())
    }
}

fn is_negative(amount: Euros) -> bool {
    amount.as_decimal() < Decimal::ZERO
}

fn siren_is_valid(siren: &str) -> bool {
    siren.len() == 9 && siren.bytes().all(|b| b.is_ascii_digit()) && luhn_valid(siren)
}

fn party_is_complete(party: &BillingParty) -> bool {
    !party.name.trim().is_empty()
        && !party.address.trim().is_empty()
        && party.country.len() == 2
        && party.country.bytes().all(|b| b.is_ascii_uppercase())
}

/// Its sample documents serve the Factur-X tests too.
#[cfg(test)]
pub(crate) mod tests;
