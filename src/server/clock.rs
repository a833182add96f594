//! The one clock: "now", and "today" as a calendar date in France.
//!
//! Attestation ages, reminders, deadlines and payment terms are French calendar dates,
//! so "today" is the date in Europe/Paris, daylight-saving time included (a fixed UTC
//! offset is wrong one hour a night for half the year). Each server has its clock in
//! its state; tests move a fixed clock instead of waiting.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Paris;
use std::sync::{Arc, RwLock};

#[derive(Clone)]
pub struct Clock(Arc<Source>);

enum Source {
    System,
    Fixed(RwLock<DateTime<Utc>>),
}

impl Clock {
    pub fn system() -> Self {
        Self(Arc::new(Source::System))
    }

    /// A clock that shows `at` until [`Clock::set`] moves it.
    pub fn fixed(at: DateTime<Utc>) -> Self {
        Self(Arc::new(Source::Fixed(RwLock::new(at))))
    }

    /// Moves a fixed clock; a system clock cannot be moved.
    pub fn set(&self, at: DateTime<Utc>) {
        match &*self.0 {
            Source::System => panic!("the system clock cannot be set"),
            Source::Fixed(now) => *now.write().unwrap_or_else(|p| p.into_inner()) = at,
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        match &*self.0 {
            Source::System => Utc::now(),
            Source::Fixed(now) => *now.read().unwrap_or_else(|p| p.into_inner()),
        }
    }

    /// Today's date in France.
    pub fn today(&self) -> NaiveDate {
        paris_date(self.now())
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Clock({})", self.now())
    }
}

/// Today in France by the system clock, the one PostgreSQL's `now()` follows: for tests
/// and tools that write dates next to the database's. Use cases take the server's
/// [`Clock`] instead, which tests can move.
pub fn today() -> NaiveDate {
    paris_date(Utc::now())
}

/// The calendar date in France at instant `at`.
pub fn paris_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Paris).date_naive()
}

/// A moment as the French read it: day and time in Europe/Paris, daylight saving
/// included (`02/12/2026 14:05`), for what the server renders (messages, appointments).
pub fn paris_time(at: DateTime<Utc>) -> String {
    at.with_timezone(&Paris)
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_day_changes_at_midnight_in_paris_winter_and_summer() {
        // Winter (UTC+1): midnight in Paris is 23:00 UTC.
        assert_eq!(paris_date(utc("2026-01-15T22:59:59Z")), date("2026-01-15"));
        assert_eq!(paris_date(utc("2026-01-15T23:00:00Z")), date("2026-01-16"));
        // A winter night at 22:30 UTC is still the same day in Paris (23:30): adding two
        // hours to UTC, as the code once did, said it was already tomorrow.
        assert_eq!(paris_date(utc("2026-12-01T22:30:00Z")), date("2026-12-01"));
        // Summer (UTC+2): midnight in Paris is 22:00 UTC.
        assert_eq!(paris_date(utc("2026-07-14T21:59:59Z")), date("2026-07-14"));
        assert_eq!(paris_date(utc("2026-07-14T22:00:00Z")), date("2026-07-15"));
    }

    #[test]
    fn daylight_saving_days() {
        // 29 March 2026: clocks go from 02:00 to 03:00 (01:00 UTC).
        assert_eq!(paris_date(utc("2026-03-28T22:59:59Z")), date("2026-03-28"));
        assert_eq!(paris_date(utc("2026-03-28T23:00:00Z")), date("2026-03-29"));
        assert_eq!(paris_date(utc("2026-03-29T21:59:59Z")), date("2026-03-29"));
        assert_eq!(paris_date(utc("2026-03-29T22:00:00Z")), date("2026-03-30"));
        // 25 October 2026: clocks go from 03:00 back to 02:00 (01:00 UTC).
        assert_eq!(paris_date(utc("2026-10-24T21:59:59Z")), date("2026-10-24"));
        assert_eq!(paris_date(utc("2026-10-24T22:00:00Z")), date("2026-10-25"));
        assert_eq!(paris_date(utc("2026-10-25T22:59:59Z")), date("2026-10-25"));
        assert_eq!(paris_date(utc("2026-10-25T23:00:00Z")), date("2026-10-26"));
    }

    #[test]
    fn a_fixed_clock_moves_only_when_set() {
        let clock = Clock::fixed(utc("2026-10-25T22:30:00Z"));
        assert_eq!(clock.today(), date("2026-10-25"));
        clock.set(utc("2026-10-25T23:00:00Z"));
        assert_eq!(clock.today(), date("2026-10-26"));
        assert_eq!(clock.now(), utc("2026-10-25T23:00:00Z"));
    }
}
