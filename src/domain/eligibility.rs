//! Eligibility: only experts with a recent URSSAF attestation de vigilance may be matched.
//! An attestation is valid for 6 months from its issue date; experts are reminded
//! [`REMINDER_DAYS`] days before it expires.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// How long an attestation de vigilance is accepted, in months.
pub const VALIDITY_MONTHS: u32 = 6;
/// How many days before expiry the expert is reminded.
pub const REMINDER_DAYS: i64 = 15;

/// The last day an attestation issued on `issued_on` is accepted.
pub fn attestation_valid_until(issued_on: NaiveDate) -> NaiveDate {
    issued_on
        .checked_add_months(Months::new(VALIDITY_MONTHS))
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// The day the expiry reminder is due.
pub fn reminder_due_on(issued_on: NaiveDate) -> NaiveDate {
    attestation_valid_until(issued_on) - chrono::Duration::days(REMINDER_DAYS)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum AttestationStatus {
    /// No issue date given.
    Missing,
    /// The issue date is after today: a typing mistake.
    FutureDate,
    Valid {
        until: NaiveDate,
    },
    /// Still valid, but expires within [`REMINDER_DAYS`] days.
    ExpiringSoon {
        until: NaiveDate,
    },
    Expired {
        since: NaiveDate,
    },
}

impl AttestationStatus {
    pub fn of(issued_on: Option<NaiveDate>, today: NaiveDate) -> Self {
        let Some(issued_on) = issued_on else {
            return Self::Missing;
        };
        if issued_on > today {
            return Self::FutureDate;
        }
        let until = attestation_valid_until(issued_on);
        if until < today {
            Self::Expired {
                since: until.succ_opt().unwrap_or(until),
            }
        } else if today >= reminder_due_on(issued_on) {
            Self::ExpiringSoon { until }
        } else {
            Self::Valid { until }
        }
    }

    /// Eligible for matching and publication.
    pub fn is_eligible(self) -> bool {
        matches!(self, Self::Valid { .. } | Self::ExpiringSoon { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn six_months_of_validity() {
        assert_eq!(attestation_valid_until(day(2026, 1, 15)), day(2026, 7, 14));
        // End of month: 31 August + 6 months is clamped to the end of February.
        assert_eq!(attestation_valid_until(day(2025, 8, 31)), day(2026, 2, 27));
        assert_eq!(reminder_due_on(day(2026, 1, 15)), day(2026, 6, 29));
    }

    #[test]
    fn status_through_time() {
        let issued = Some(day(2026, 1, 15));
        assert_eq!(
            AttestationStatus::of(issued, day(2026, 3, 1)),
            AttestationStatus::Valid {
                until: day(2026, 7, 14)
            }
        );
        assert!(matches!(
            AttestationStatus::of(issued, day(2026, 6, 29)),
            AttestationStatus::ExpiringSoon { .. }
        ));
        assert!(AttestationStatus::of(issued, day(2026, 7, 14)).is_eligible());
        let expired = AttestationStatus::of(issued, day(2026, 7, 15));
        assert_eq!(
            expired,
            AttestationStatus::Expired {
                since: day(2026, 7, 15)
            }
        );
        assert!(!expired.is_eligible());
        assert_eq!(
            AttestationStatus::of(None, day(2026, 1, 1)),
            AttestationStatus::Missing
        );
        assert_eq!(
            AttestationStatus::of(Some(day(2027, 1, 1)), day(2026, 1, 1)),
            AttestationStatus::FutureDate
        );
    }
}
