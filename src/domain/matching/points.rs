//! The point rules of each criterion (0..=100), shared by [`super::score`] and the
//! server's index so that both compute the very same totals.

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use super::PlaceFit;
use crate::domain::money::Euros;
use crate::domain::profile::{LanguageLevel, ProfileLevel};

/// Skills: a required skill is worth 2 units, an optional one 1; the score is the share
/// of units the expert covers. Years do not count (they are shown, not scored).
pub fn skills_points(req_covered: u32, req_total: u32, opt_covered: u32, opt_total: u32) -> u8 {
    let units = 2 * req_total + opt_total;
    if units == 0 {
        return 100;
    }
    ((200 * req_covered + 100 * opt_covered + units / 2) / units).min(100) as u8
}

/// Level: exact 100; over-qualified 80, 60, 40; under-qualified 40, 10, 0.
pub fn level_points(expert: ProfileLevel, wanted: ProfileLevel) -> u8 {
    const BY_GAP: [u8; 7] = [0, 10, 40, 100, 80, 60, 40];
    let gap = expert as i32 - wanted as i32;
    BY_GAP[(gap + 3).clamp(0, 6) as usize]
}

/// One required language: missing or below the minimum 0, at the minimum 70, then
/// +15 per level above it, up to 100.
pub fn language_points(have: Option<LanguageLevel>, min: LanguageLevel) -> u8 {
    match have {
        Some(have) if have >= min => (70 + 15 * (have as u32 - min as u32)).min(100) as u8,
        _ => 0,
    }
}

/// Rounded mean, for criteria made of several items (languages).
pub fn mean_points(sum: u32, count: u32) -> u8 {
    if count == 0 {
        return 100;
    }
    ((sum + count / 2) / count).min(100) as u8
}

/// Place points: based in a mission département, or remote mission and expert open
/// to it; mobile to a mission département. A remote mission for an expert who did not
/// tick « missions à distance » (a checkbox: a known answer, not unknown data) gets 0.
/// An on-site mission never reaches experts neither based nor mobile there: the hard
/// filters exclude them, remote work or not.
pub const PLACE_HOME: u8 = 100;
pub const PLACE_MOBILITY: u8 = 80;

pub fn place_points(fit: &PlaceFit) -> Option<u8> {
    match fit {
        PlaceFit::Home { .. } | PlaceFit::Remote => Some(PLACE_HOME),
        PlaceFit::Mobility { .. } => Some(PLACE_MOBILITY),
        PlaceFit::RemoteNotAccepted | PlaceFit::Outside => Some(0),
    }
}

/// Availability points when available by the start (later: 0, but the filters
/// exclude those experts).
pub const AVAILABLE: u8 = 100;

pub fn availability_points(from: NaiveDate, start: NaiveDate) -> u8 {
    if from <= start {
        AVAILABLE
    } else {
        0
    }
}

/// Rate: within the maximum 100, then 2.5 points lost per percent above it (0 from 40 %).
pub fn rate_points(rate_cents: u32, max_cents: u32) -> u8 {
    if rate_cents <= max_cents || max_cents == 0 {
        return 100;
    }
    let over_permille = u64::from(rate_cents - max_cents) * 1000 / u64::from(max_cents);
    100 - (over_permille / 4).min(100) as u8
}

/// An amount in euro cents, rounded half away from zero; `None` for no positive amount.
pub fn to_cents(amount: Euros) -> Option<u32> {
    let cents = (amount.as_decimal() * Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .to_u64()?;
    (cents > 0).then(|| cents.min(u64::from(u32::MAX)) as u32)
}
