//! Amounts in euros HT, always to the cent: one type so that quotes, billing and rates
//! round and display the same way everywhere.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount in euros HT with exactly two decimals (`650` is held as `650.00`).
///
/// Serialised as a string (`"1234.50"`), like every `Decimal` of the crate, so that no
/// cent is lost through a float on the way to the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "Decimal", into = "Decimal")]
pub struct Euros(Decimal);

/// Why a text or a decimal is not an amount in euros.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("not an amount")]
    Invalid,
    #[error("more than two decimals")]
    TooPrecise,
    #[error("negative amount")]
    Negative,
    #[error("amount too large")]
    TooLarge,
}

impl Euros {
    pub const ZERO: Euros = Euros(Decimal::from_parts(0, 0, 0, false, 2));

    /// Amounts typed by people stay below a thousand billion euros: far above any real
    /// quote, far enough below `Decimal`'s range that sums and products cannot overflow.
    pub const MAX: Euros = Euros(Decimal::from_parts(276_447_231, 23_283, 0, false, 2));

    /// An amount typed the French way: `1 234,56 €`, `1234.5`, `1 234`; spaces of any
    /// kind (no-break, narrow no-break) between digits, a comma or a point for the cents,
    /// an optional trailing `€`. Negative amounts are refused: nobody types one.
    pub fn parse(input: &str) -> Result<Self, MoneyError> {
        let compact: String = input
            .trim()
            .trim_end_matches('€')
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let (negative, digits) = match compact.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, compact.as_str()),
        };
        let (units, cents) = match digits.split_once([',', '.']) {
            Some((units, cents)) => (units, cents),
            None => (digits, ""),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if units.is_empty() || !all_digits(units) || !all_digits(cents) {
            return Err(MoneyError::Invalid);
        }
        if negative {
            return Err(MoneyError::Negative);
        }
        if cents.len() > 2 {
            return Err(MoneyError::TooPrecise);
        }
        // Leading zeros cannot make an amount too large, so they do not count.
        if units.trim_start_matches('0').len() > 12 {
            return Err(MoneyError::TooLarge);
        }
        let value: Decimal = format!("{units}.{cents:0<2}")
            .parse()
            .map_err(|_| MoneyError::Invalid)?;
        Self::try_from(value)
    }

    /// An exact amount: refused if it has more than two significant decimals.
    pub fn new(value: Decimal) -> Result<Self, MoneyError> {
        Self::try_from(value)
    }

    /// The nearest cent, half a cent away from zero (`0.005` → `0.01`), as invoices round.
    /// The result of a computation: [`Euros::MAX`] is not checked here.
    pub fn round(value: Decimal) -> Self {
        let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        rounded.rescale(2);
        Self(rounded)
    }

    /// `const`, so that the legal amounts (the 49,00 € minimum, the 40 € indemnity) are
    /// constants: `Decimal::new` is not a `const fn`, its parts are.
    pub const fn from_cents(cents: i64) -> Self {
        let abs = cents.unsigned_abs();
        Self(Decimal::from_parts(
            abs as u32,
            (abs >> 32) as u32,
            0,
            cents < 0,
            2,
        ))
    }

    pub fn as_decimal(self) -> Decimal {
        self.0
    }

    pub fn is_positive(self) -> bool {
        self.0 > Decimal::ZERO
    }

    /// `None` when the sum would overflow (never for amounts under [`Euros::MAX`]).
    pub fn checked_add(self, other: Self) -> Option<Self> {
        self.0.checked_add(other.0).map(Self)
    }

    /// `None` when the difference would overflow.
    pub fn checked_sub(self, other: Self) -> Option<Self> {
        self.0.checked_sub(other.0).map(Self)
    }

    /// A unit price times a quantity (days, units, a rate), rounded to the cent half away
    /// from zero; `None` on overflow.
    pub fn times(self, quantity: Decimal) -> Option<Self> {
        self.0.checked_mul(quantity).map(Self::round)
    }

    /// `1 234,56` (narrow no-break spaces between thousands, comma before the cents).
    pub fn amount_fr(self) -> String {
        self.number_fr(false)
    }

    /// Like [`Euros::amount_fr`] but `1 234` rather than `1 234,00`: for rates and budgets,
    /// which are most often whole.
    pub fn short_fr(self) -> String {
        self.number_fr(true)
    }

    fn number_fr(self, drop_zero_cents: bool) -> String {
        let text = self.0.abs().to_string();
        let (units, cents) = text.split_once('.').unwrap_or((&text, "00"));
        let mut out = String::with_capacity(text.len() + units.len() / 3 * 3 + 2);
        if self.0.is_sign_negative() && !self.0.is_zero() {
            out.push('-');
        }
        for (i, c) in units.chars().enumerate() {
            if i > 0 && (units.len() - i).is_multiple_of(3) {
                out.push('\u{202F}');
            }
            out.push(c);
        }
        if !(drop_zero_cents && cents == "00") {
            out.push(',');
            out.push_str(cents);
        }
        out
    }
}

/// Nothing yet: sums start here.
impl Default for Euros {
    fn default() -> Self {
        Euros::ZERO
    }
}

/// [`Euros::parse`]: the French way, or a plain `1234.50`.
impl std::str::FromStr for Euros {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<Decimal> for Euros {
    type Error = MoneyError;
    fn try_from(value: Decimal) -> Result<Self, Self::Error> {
        let mut exact = value.normalize();
        if exact.scale() > 2 {
            return Err(MoneyError::TooPrecise);
        }
        if exact.abs() > Self::MAX.0 {
            return Err(MoneyError::TooLarge);
        }
        exact.rescale(2);
        Ok(Self(exact))
    }
}

impl From<Euros> for Decimal {
    fn from(value: Euros) -> Self {
        value.0
    }
}

/// `1 234,56 €`, with a no-break space before the sign so that it never starts a line.
impl fmt::Display for Euros {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\u{a0}€", self.amount_fr())
    }
}

impl std::ops::Add for Euros {
    type Output = Euros;
    /// Panics on overflow, like `Decimal`; use [`Euros::checked_add`] for untrusted sums.
    fn add(self, other: Self) -> Self {
        Self(self.0 + other.0)
    }
}

impl std::iter::Sum for Euros {
    fn sum<I: Iterator<Item = Euros>>(iter: I) -> Self {
        iter.fold(Euros::ZERO, |a, b| a + b)
    }
}

#[cfg(test)]
mod tests;
