//! Late-payment penalties between businesses (Code de commerce L441-10 II and D441-5):
//! due by law from the day after the due date, without any reminder, even when the
//! invoice does not print them (Cass. 3e civ., 30 Sept. 2015, n° 14-19.249). The platform
//! agrees no other rate, so the legal default applies: the ECB's main refinancing rate
//! + 10 points, plus a fixed 40 € recovery indemnity per late invoice.

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::money::Euros;

/// The fixed recovery indemnity owed per late invoice (D441-5), on top of the interest.
pub const FIXED_INDEMNITY: Euros = Euros::from_cents(4_000);

/// The points L441-10 II adds to the ECB rate when the parties agreed no other rate.
pub const MARGIN_POINTS: Decimal = Decimal::from_parts(10, 0, 0, false, 0);

/// Without another agreement, payment is due 30 days after the service (L441-10 I).
pub const DEFAULT_TERM_DAYS: u32 = 30;

/// The ECB rate that holds for a half-year: the law takes the rate in force on 1 January
/// for the first half and on 1 July for the second, whatever the ECB decides in between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HalfYearRate {
    /// 1 January or 1 July.
    pub from: NaiveDate,
    /// The main refinancing operations rate, in percent (`2.15`).
    pub ecb_refi: Decimal,
}

const fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("a calendar date"),
    }
}

const fn percent(hundredths: u32) -> Decimal {
    Decimal::from_parts(hundredths, 0, 0, false, 2)
}

/// The ECB main refinancing rate in force on each 1 January and 1 July, oldest first:
/// - 4,50 % since 20 September 2023, still in force on 1 January 2024;
/// - 4,25 % from 12 June 2024 (decision of 6 June 2024), in force on 1 July 2024;
/// - 3,15 % from 18 December 2024 (decision of 12 December 2024), on 1 January 2025;
/// - 2,15 % from 11 June 2025 (decision of 5 June 2025), on 1 July 2025, then held at
///   every meeting since (among them 5 February 2026), so also on 1 January and 1 July 2026.
///
/// The last entry is carried forward until this table is updated: add a line each half-
/// year, from the rate published in the Journal officiel's notice or on ecb.europa.eu.
/// Dates before the first entry use it, the platform having issued no earlier invoice.
pub const ECB_RATES: &[HalfYearRate] = &[
    HalfYearRate {
        from: day(2024, 1, 1),
        ecb_refi: percent(450),
    },
    HalfYearRate {
        from: day(2024, 7, 1),
        ecb_refi: percent(425),
    },
    HalfYearRate {
        from: day(2025, 1, 1),
        ecb_refi: percent(315),
    },
    HalfYearRate {
        from: day(2025, 7, 1),
        ecb_refi: percent(215),
    },
    HalfYearRate {
        from: day(2026, 1, 1),
        ecb_refi: percent(215),
    },
    HalfYearRate {
        from: day(2026, 7, 1),
        ecb_refi: percent(215),
    },
];

/// The ECB rate of the half-year containing `on`, in percent.
pub fn ecb_rate(on: NaiveDate) -> Decimal {
    ECB_RATES
        .iter()
        .rev()
        .find(|rate| rate.from <= on)
        .unwrap_or(&ECB_RATES[0])
        .ecb_refi
}

/// The legal penalty rate of the half-year containing `on`, in percent (12,15 in 2026).
pub fn penalty_rate(on: NaiveDate) -> Decimal {
    ecb_rate(on) + MARGIN_POINTS
}

/// The penalty owed on one late invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LatePenalty {
    pub days_late: i64,
    /// In percent: the rate of the first late day (see `periods` when the delay spans
    /// more than one half-year).
    pub rate: Decimal,
    pub interest: Euros,
    pub indemnity: Euros,
    pub total: Euros,
    /// The late days of each half-year, oldest first, with the rate that applies to them.
    pub periods: Vec<PenaltyPeriod>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PenaltyPeriod {
    /// The first and the last late day of this half-year, both included.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: i64,
    /// In percent.
    pub rate: Decimal,
}

/// The penalty on `amount_ttc` paid on `paid_or_today` (or still unpaid that day), `None`
/// when it is not late. Late days run from the day after `due_on` to `paid_or_today`
/// included, counted exactly and over a 365-day year (also in leap years, the usual
/// reading of an annual rate in commercial matters). Each half-year's rate applies to
/// the late days within it; the interest of all half-years is summed exactly and rounded
/// once to the cent: TTC × Σ(rate × days) / 100 / 365.
pub fn late_penalty(
    amount_ttc: Euros,
    due_on: NaiveDate,
    paid_or_today: NaiveDate,
) -> Option<LatePenalty> {
    if paid_or_today <= due_on {
        return None;
    }
    let mut periods = Vec::new();
    let mut from = due_on.succ_opt()?;
    while from <= paid_or_today {
        let half_year_end = if from.month() <= 6 {
            day_of(from.year(), 6, 30)
        } else {
            day_of(from.year(), 12, 31)
        };
        let to = half_year_end.min(paid_or_today);
        periods.push(PenaltyPeriod {
            from,
            to,
            days: (to - from).num_days() + 1,
            rate: penalty_rate(from),
        });
        match to.succ_opt() {
            Some(next) => from = next,
            None => break,
        }
    }
    let rate_days: Decimal = periods.iter().map(|p| p.rate * Decimal::from(p.days)).sum();
    let interest = Euros::round(amount_ttc.as_decimal() * rate_days / Decimal::from(100 * 365));
    let indemnity = FIXED_INDEMNITY;
    Some(LatePenalty {
        days_late: (paid_or_today - due_on).num_days(),
        rate: periods[0].rate,
        interest,
        indemnity,
        total: interest + indemnity,
        periods,
    })
}

fn day_of(year: i32, month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, d).unwrap_or(NaiveDate::MAX)
}

/// The due date `days` after the service (30 by default, [`DEFAULT_TERM_DAYS`]); the
/// last representable date if that overflows the calendar.
pub fn due_date_after_service(service_on: NaiveDate, days: u32) -> NaiveDate {
    service_on
        .checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests;
