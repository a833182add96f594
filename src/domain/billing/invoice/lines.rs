//! The lines of a document and their VAT, and the lines the platform's documents carry:
//! amounts taken from the commission module only, so a document cannot disagree with
//! the commission the client was shown.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::billing::commission::{Commission, Refund, VAT_RATE};
use crate::domain::money::Euros;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceLine {
    /// The builders below write a neutral identifier; the server replaces it with the
    /// localised text before issuing.
    pub description: String,
    pub quantity: Decimal,
    pub unit_price: Euros,
    /// `quantity × unit_price`, rounded to the cent.
    pub net: Euros,
    /// In percent: 20.
    pub vat_rate: Decimal,
}

/// The base and the VAT of one rate: VAT is computed once per rate on the sum of its
/// lines, never line by line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatSubtotal {
    /// In percent.
    pub rate: Decimal,
    pub base: Euros,
    pub vat: Euros,
}

/// One entry per rate used, highest rate first.
pub fn vat_subtotals(lines: &[InvoiceLine]) -> Vec<VatSubtotal> {
    let mut subtotals: Vec<VatSubtotal> = Vec::new();
    for line in lines {
        match subtotals.iter_mut().find(|s| s.rate == line.vat_rate) {
            Some(s) => s.base = s.base + line.net,
            None => subtotals.push(VatSubtotal {
                rate: line.vat_rate,
                base: line.net,
                vat: Euros::ZERO,
            }),
        }
    }
    subtotals.sort_by_key(|s| std::cmp::Reverse(s.rate));
    for s in &mut subtotals {
        s.vat = Euros::round(s.base.as_decimal() * s.rate / Decimal::ONE_HUNDRED);
    }
    subtotals
}

/// The neutral description of the commission line.
pub const COMMISSION_LINE: &str = "commission";
/// The neutral description of a credit note's refund line.
pub const REFUND_LINE: &str = "advance_refund";

/// The advance invoice's single line: the commission on the mission budget.
pub fn advance_lines(c: &Commission, project_title: &str) -> Vec<InvoiceLine> {
    vec![single_line(
        format!("{COMMISSION_LINE}: {project_title}"),
        c.ht,
    )]
}

/// The credit note's single line: the advance refunded less the management fee.
pub fn credit_lines(refund: &Refund, advance_number: &str) -> Vec<InvoiceLine> {
    vec![single_line(
        format!("{REFUND_LINE}: {advance_number}"),
        refund.ht,
    )]
}

fn single_line(description: String, amount: Euros) -> InvoiceLine {
    InvoiceLine {
        description,
        quantity: Decimal::ONE,
        unit_price: amount,
        net: amount,
        vat_rate: (VAT_RATE * Decimal::ONE_HUNDRED).normalize(),
    }
}
