//! The priced lines of a quote and their totals, French-invoice style: each line is
//! rounded to the cent, the VAT is computed once per rate on the sum of that rate's
//! lines (never line by line, which drifts by cents), and TTC = HT + TVA.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::money::Euros;

/// The VAT rates a service may carry in metropolitan France; `Zero` is also the rate of
/// an expert under the VAT franchise (art. 293 B du CGI).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VatRate {
    Standard,
    Intermediate,
    Reduced,
    Zero,
}

impl VatRate {
    pub const ALL: [VatRate; 4] = [
        VatRate::Standard,
        VatRate::Intermediate,
        VatRate::Reduced,
        VatRate::Zero,
    ];

    /// The stored value (`quote_lines.vat_rate`): the one mapping.
    pub fn as_str(self) -> &'static str {
        match self {
            VatRate::Standard => "20",
            VatRate::Intermediate => "10",
            VatRate::Reduced => "5.5",
            VatRate::Zero => "0",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The rate in percent: 20, 10, 5.5 or 0.
    pub fn percent(self) -> Decimal {
        match self {
            VatRate::Standard => Decimal::from(20),
            VatRate::Intermediate => Decimal::from(10),
            VatRate::Reduced => Decimal::new(55, 1),
            VatRate::Zero => Decimal::ZERO,
        }
    }

    /// `20 %`, `5,5 %`: as a French document writes it.
    pub fn label_fr(self) -> String {
        format!("{}\u{a0}%", self.as_str().replace('.', ","))
    }
}

/// What a line counts: days of work or units (a deliverable, a workshop).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteUnit {
    Day,
    Unit,
}

impl QuoteUnit {
    pub const ALL: [QuoteUnit; 2] = [QuoteUnit::Day, QuoteUnit::Unit];

    /// The stored value (`quote_lines.unit`).
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteUnit::Day => "day",
            QuoteUnit::Unit => "unit",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|u| u.as_str() == s)
    }
}

/// One line of a quote, checked (see `QuoteForm::parse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteLine {
    pub description: String,
    /// More than 0, at most two decimals (half days are common).
    pub quantity: Decimal,
    pub unit: QuoteUnit,
    pub unit_price: Euros,
    pub vat: VatRate,
}

impl QuoteLine {
    /// Quantity × unit price, rounded to the cent half away from zero. Quantities and
    /// prices are bounded by the form, so the product cannot overflow.
    pub fn total(&self) -> Euros {
        self.unit_price
            .times(self.quantity)
            .expect("bounded quantity × bounded price")
    }
}

/// The base and the VAT of one rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateTotal {
    pub rate: VatRate,
    pub base: Euros,
    pub vat: Euros,
}

/// What a quote adds up to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// One entry per rate used, highest rate first.
    pub by_rate: Vec<RateTotal>,
    pub ht: Euros,
    pub vat: Euros,
    pub ttc: Euros,
}

impl Totals {
    pub fn of(lines: &[QuoteLine]) -> Totals {
        let mut by_rate: Vec<RateTotal> = Vec::new();
        for line in lines {
            match by_rate.iter_mut().find(|t| t.rate == line.vat) {
                Some(t) => t.base = t.base + line.total(),
                None => by_rate.push(RateTotal {
                    rate: line.vat,
                    base: line.total(),
                    vat: Euros::ZERO,
                }),
            }
        }
        by_rate.sort_by_key(|t| t.rate);
        for t in &mut by_rate {
            t.vat = Euros::round(t.base.as_decimal() * t.rate.percent() / Decimal::from(100));
        }
        let ht: Euros = by_rate.iter().map(|t| t.base).sum();
        let vat: Euros = by_rate.iter().map(|t| t.vat).sum();
        Totals {
            by_rate,
            ht,
            vat,
            ttc: ht + vat,
        }
    }
}
