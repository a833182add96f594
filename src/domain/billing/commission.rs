//! The platform's commission on a mission budget: degressive by marginal brackets, like
//! income tax. Each part of the budget pays the rate of its own bracket, so one more euro
//! of budget never costs more than the highest rate nor lowers the commission. Rates
//! applied to the whole budget would ("whole-amount" tiers): at the standard thresholds
//! 10 000,00 € pays 300 € but 10 000,01 € only 200 €, and clients would learn to round up.
//!
//! The commission is computed exactly and rounded once, to the cent, at the end: rounding
//! each bracket would drift by a cent and break the continuity at the thresholds.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::domain::money::Euros;

/// No part of a budget pays more than 3 %: the rate the terms of service announce.
pub const MAX_RATE: Decimal = Decimal::from_parts(3, 0, 0, false, 2);

/// The platform's VAT on its commission: standard rate, the services being supplied in
/// France to French businesses.
pub const VAT_RATE: Decimal = Decimal::from_parts(20, 0, 0, false, 2);

/// The minimum charge per mission, which prevails over the 3 % for budgets below about
/// 1 633 € (product decision: a minimum charge, the simulator shows the effective rate).
pub const MINIMUM: Euros = Euros::from_cents(4_900);

/// What the platform keeps of the advance when no mission contract follows the
/// intermediation contract: its handling of the file, announced in the terms of service.
pub const MANAGEMENT_FEE: Euros = Euros::from_cents(392);

/// Rates are percentages with at most two decimals (2,75 %), as a contract prints them:
/// four decimals as a fraction.
const RATE_DECIMALS: u32 = 4;

/// One bracket: the part of the budget from the previous bracket's `up_to` (0 for the
/// first) to this one's pays `rate`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bracket {
    /// `None` for the last bracket, which has no upper bound.
    pub up_to: Option<Euros>,
    /// A fraction: `0.03` is 3 %.
    pub rate: Decimal,
}

/// A versioned commission schedule. A quote or a contract keeps the version it was
/// priced with, so that a later schedule never changes a signed deal.
///
/// Read back from storage through [`Schedule::new`], so that a stored schedule is held
/// to the same rules as a new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawSchedule")]
pub struct Schedule {
    pub version: String,
    pub brackets: Vec<Bracket>,
    pub minimum: Euros,
}

#[derive(Deserialize)]
struct RawSchedule {
    version: String,
    brackets: Vec<Bracket>,
    minimum: Euros,
}

impl TryFrom<RawSchedule> for Schedule {
    type Error = ScheduleError;
    fn try_from(raw: RawSchedule) -> Result<Self, Self::Error> {
        Schedule::new(raw.version, raw.brackets, raw.minimum)
    }
}

/// Why a schedule cannot be used: each breaks a promise made to the experts (at most
/// 3 %, degressive, a known minimum) or the continuity of the commission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("a schedule needs at least one bracket")]
    Empty,
    #[error("a rate is above the 3 % maximum")]
    RateAboveMaximum,
    #[error("a rate is negative")]
    NegativeRate,
    #[error("a rate has more than two decimals as a percentage")]
    RateTooPrecise,
    #[error("a rate is higher than the one of the bracket before it")]
    RateIncreasing,
    #[error("the thresholds are not positive and strictly ascending")]
    ThresholdsNotAscending,
    #[error("the last bracket has an upper bound")]
    LastBracketBounded,
    #[error("the minimum is negative")]
    NegativeMinimum,
    #[error("the version label is empty, too long or has other than letters, digits, - . _")]
    BadVersion,
}

impl Schedule {
    pub fn new(
        version: String,
        brackets: Vec<Bracket>,
        minimum: Euros,
    ) -> Result<Self, ScheduleError> {
        // A label for URLs and the stored column: 1 to 40 letters, digits, - . _
        let version_ok = (1..=40).contains(&version.len())
            && version
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'));
        if !version_ok {
            return Err(ScheduleError::BadVersion);
        }
        if minimum.as_decimal().is_sign_negative() && !minimum.as_decimal().is_zero() {
            return Err(ScheduleError::NegativeMinimum);
        }
        let Some(last) = brackets.last() else {
            return Err(ScheduleError::Empty);
        };
        if last.up_to.is_some() {
            return Err(ScheduleError::LastBracketBounded);
        }
        let mut previous_rate = MAX_RATE;
        let mut previous_bound = Euros::ZERO;
        for (i, bracket) in brackets.iter().enumerate() {
            if bracket.rate.is_sign_negative() && !bracket.rate.is_zero() {
                return Err(ScheduleError::NegativeRate);
            }
            if bracket.rate > MAX_RATE {
                return Err(ScheduleError::RateAboveMaximum);
            }
            if bracket.rate.normalize().scale() > RATE_DECIMALS {
                return Err(ScheduleError::RateTooPrecise);
            }
            if bracket.rate > previous_rate {
                return Err(ScheduleError::RateIncreasing);
            }
            previous_rate = bracket.rate;
            // Only the last bracket may be unbounded: nothing can follow "no upper bound".
            if i + 1 < brackets.len() {
                match bracket.up_to {
                    Some(bound) if bound > previous_bound => previous_bound = bound,
                    _ => return Err(ScheduleError::ThresholdsNotAscending),
                }
            }
        }
        Ok(Self {
            version,
            brackets,
            minimum,
        })
    }

    /// The schedule of December 2026: 3 % up to 10 000 €, 2 % up to 50 000 €, 1 % above,
    /// at least 49,00 € HT. Marginal, so the commission is continuous at 10 000 € and
    /// 50 000 € (no cliff where a larger budget pays less), and the effective rate falls
    /// smoothly from 3 % towards 1 % as budgets grow.
    pub fn standard() -> Self {
        let bracket = |up_to: Option<i64>, percent: i64| Bracket {
            up_to: up_to.map(|euros| Euros::from_cents(euros * 100)),
            rate: Decimal::new(percent, 2),
        };
        Self::new(
            "2026-12".into(),
            vec![
                bracket(Some(10_000), 3),
                bracket(Some(50_000), 2),
                bracket(None, 1),
            ],
            MINIMUM,
        )
        .expect("the standard schedule obeys its own rules")
    }

    pub fn commission(&self, budget: Euros) -> Commission {
        let budget_value = budget.as_decimal();
        let mut shares = Vec::new();
        let mut from = Euros::ZERO;
        for bracket in &self.brackets {
            if budget_value <= from.as_decimal() {
                break;
            }
            let top = match bracket.up_to {
                Some(bound) if bound < budget => bound,
                _ => budget,
            };
            // A schedule built field by field may skip `new`: an empty bracket adds nothing.
            if top > from {
                let base = Euros::round(top.as_decimal() - from.as_decimal());
                shares.push(BracketShare {
                    from,
                    to: bracket.up_to,
                    rate: bracket.rate,
                    base,
                    amount: base.as_decimal() * bracket.rate,
                });
            }
            match bracket.up_to {
                Some(bound) if bound > from => from = bound,
                Some(_) => {}
                None => break,
            }
        }
        let by_brackets = Euros::round(shares.iter().map(|s| s.amount).sum());
        let minimum_applied = by_brackets < self.minimum;
        let ht = if minimum_applied {
            self.minimum
        } else {
            by_brackets
        };
        let vat = Euros::round(ht.as_decimal() * VAT_RATE);
        let effective_rate = if budget.is_positive() {
            (ht.as_decimal() * Decimal::ONE_HUNDRED / budget_value)
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        } else {
            Decimal::ZERO
        };
        Commission {
            schedule_version: self.version.clone(),
            budget,
            shares,
            by_brackets,
            minimum_applied,
            ht,
            vat,
            ttc: ht + vat,
            effective_rate,
            refund: refund(ht),
        }
    }
}

/// The part of a budget that falls in one bracket, shown to the client line by line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BracketShare {
    pub from: Euros,
    pub to: Option<Euros>,
    pub rate: Decimal,
    /// The part of the budget in this bracket.
    pub base: Euros,
    /// `base × rate`, not rounded: the rounding happens once, on the sum.
    pub amount: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commission {
    pub schedule_version: String,
    pub budget: Euros,
    /// Only the brackets the budget reaches.
    pub shares: Vec<BracketShare>,
    /// The sum of the shares, rounded once to the cent, half away from zero.
    pub by_brackets: Euros,
    pub minimum_applied: bool,
    /// The greater of the minimum and `by_brackets`.
    pub ht: Euros,
    pub vat: Euros,
    pub ttc: Euros,
    /// `ht / budget` as a percentage, two decimals (0 for a zero budget): above 3 % only
    /// where the minimum applies.
    pub effective_rate: Decimal,
    /// What a credit note gives back if no mission contract follows.
    pub refund: Refund,
}

/// The credit note owed on an advance when no mission contract follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refund {
    pub ht: Euros,
    pub vat: Euros,
    pub ttc: Euros,
    /// What stays invoiced: the management fee, or the whole advance if smaller.
    pub kept_ht: Euros,
}

/// The advance less the management fee, never below zero; the VAT is that of the refunded
/// base (20 %), so the invoice and its credit note together carry the VAT of what is kept.
pub fn refund(advance_ht: Euros) -> Refund {
    let advance = advance_ht.as_decimal().max(Decimal::ZERO);
    let ht = Euros::round((advance - MANAGEMENT_FEE.as_decimal()).max(Decimal::ZERO));
    let vat = Euros::round(ht.as_decimal() * VAT_RATE);
    Refund {
        ht,
        vat,
        ttc: ht + vat,
        kept_ht: Euros::round(advance - ht.as_decimal()),
    }
}

#[cfg(test)]
mod tests;
