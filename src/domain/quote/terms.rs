//! Payment terms between a client and an expert (art. L441-10 du Code de commerce):
//! without agreement, payment is due on the 30th day after the service; the parties may
//! agree on more, but never beyond 60 days from the invoice, or 45 days end of month.
//! A service is invoiced when it is done (art. 289 du CGI), so "after the service" and
//! "after the invoice" share the 60-day ceiling.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::problem::Problem;

/// From when the days of the term are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermsBasis {
    /// Days after the service is done: the legal default.
    AfterService,
    /// Days after the invoice's date.
    AfterInvoice,
    /// Days after the invoice's date, then to the end of that month.
    EndOfMonth,
}

impl TermsBasis {
    pub const ALL: [TermsBasis; 3] = [
        TermsBasis::AfterService,
        TermsBasis::AfterInvoice,
        TermsBasis::EndOfMonth,
    ];

    /// The stored value (`quote_versions.terms_basis`).
    pub fn as_str(self) -> &'static str {
        match self {
            TermsBasis::AfterService => "after_service",
            TermsBasis::AfterInvoice => "after_invoice",
            TermsBasis::EndOfMonth => "end_of_month",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.as_str() == s)
    }

    /// The most days the law lets the parties agree on.
    pub fn max_days(self) -> u16 {
        match self {
            TermsBasis::AfterService | TermsBasis::AfterInvoice => 60,
            TermsBasis::EndOfMonth => 45,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentTerms {
    pub basis: TermsBasis,
    pub days: u16,
}

impl Default for PaymentTerms {
    /// The legal default: the 30th day after the service.
    fn default() -> Self {
        PaymentTerms {
            basis: TermsBasis::AfterService,
            days: 30,
        }
    }
}

impl PaymentTerms {
    /// Terms as agreed, refused beyond the legal ceiling with the ceiling in the message.
    pub fn new(basis: TermsBasis, days: u16) -> Result<Self, Problem> {
        if days > basis.max_days() {
            return Err(Problem::PaymentTermsTooLong {
                basis,
                max_days: basis.max_days(),
            });
        }
        Ok(PaymentTerms { basis, days })
    }

    /// The day payment is due, for a service done on `service` and invoiced on `invoice`.
    pub fn due_date(self, service: NaiveDate, invoice: NaiveDate) -> NaiveDate {
        let days = Duration::days(i64::from(self.days));
        match self.basis {
            TermsBasis::AfterService => service + days,
            TermsBasis::AfterInvoice => invoice + days,
            TermsBasis::EndOfMonth => end_of_month(invoice + days),
        }
    }
}

fn end_of_month(date: NaiveDate) -> NaiveDate {
    let (year, month) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1).expect("the first of a month") - Duration::days(1)
}
