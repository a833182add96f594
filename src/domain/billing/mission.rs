//! The expert's invoice to their client, deposited as a copy ("déposer ma facture"): the
//! figures typed beside the PDF, checked, and the due date the quote's terms give when
//! none is typed (the 30th day after the service by default, C. com. L441-10).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::money::Euros;
use crate::domain::parse::parse_date;
use crate::domain::problem::Problem;
use crate::domain::quote::PaymentTerms;

pub const NUMBER_MAX_CHARS: usize = 40;

/// The form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissionInvoiceForm {
    pub number: String,
    pub issued_on: String,
    pub service_on: String,
    /// Empty: the quote's terms decide.
    #[serde(default)]
    pub due_on: String,
    pub amount_ht: String,
    pub amount_ttc: String,
}

/// A mission invoice whose figures hold together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissionInvoiceDraft {
    pub number: String,
    pub issued_on: NaiveDate,
    pub service_on: NaiveDate,
    pub due_on: NaiveDate,
    pub amount_ht: Euros,
    pub amount_ttc: Euros,
}

impl MissionInvoiceForm {
    pub fn parse(
        &self,
        terms: PaymentTerms,
        today: NaiveDate,
    ) -> Result<MissionInvoiceDraft, Problem> {
        let number = self.number.trim();
        if number.is_empty()
            || number.chars().count() > NUMBER_MAX_CHARS
            || number.chars().any(char::is_control)
        {
            return Err(Problem::MissionInvoiceNumber {
                max: NUMBER_MAX_CHARS,
            });
        }
        let issued_on = parse_date(&self.issued_on).map_err(|_| Problem::MissionInvoiceDates)?;
        let service_on = parse_date(&self.service_on).map_err(|_| Problem::MissionInvoiceDates)?;
        if service_on > issued_on || issued_on > today {
            return Err(Problem::MissionInvoiceDates);
        }
        let amount = |s: &str| Euros::parse(s).ok().filter(|e| e.is_positive());
        let (Some(amount_ht), Some(amount_ttc)) =
            (amount(&self.amount_ht), amount(&self.amount_ttc))
        else {
            return Err(Problem::MissionInvoiceAmount);
        };
        if amount_ttc < amount_ht {
            return Err(Problem::MissionInvoiceAmount);
        }
        let due_on = if self.due_on.trim().is_empty() {
            terms.due_date(service_on, issued_on)
        } else {
            parse_date(&self.due_on).map_err(|_| Problem::MissionInvoiceDueDate)?
        };
        if due_on < issued_on {
            return Err(Problem::MissionInvoiceDueDate);
        }
        Ok(MissionInvoiceDraft {
            number: number.to_string(),
            issued_on,
            service_on,
            due_on,
            amount_ht,
            amount_ttc,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn form() -> MissionInvoiceForm {
        MissionInvoiceForm {
            number: " F-2026-017 ".into(),
            issued_on: "2026-12-01".into(),
            service_on: "2026-11-27".into(),
            due_on: String::new(),
            amount_ht: "7 000".into(),
            amount_ttc: "8 400,00".into(),
        }
    }

    #[test]
    fn the_due_date_defaults_to_the_30th_day_after_the_service() {
        let draft = form()
            .parse(PaymentTerms::default(), d("2026-12-03"))
            .unwrap();
        assert_eq!(draft.number, "F-2026-017");
        assert_eq!(draft.due_on, d("2026-12-27"));
        assert_eq!(draft.amount_ttc, Euros::from_cents(840_000));
    }

    #[test]
    fn a_typed_due_date_wins_unless_it_precedes_the_invoice() {
        let mut f = form();
        f.due_on = "2027-01-15".into();
        let today = d("2026-12-03");
        assert_eq!(
            f.parse(PaymentTerms::default(), today).unwrap().due_on,
            d("2027-01-15")
        );
        f.due_on = "2026-11-30".into();
        assert_eq!(
            f.parse(PaymentTerms::default(), today),
            Err(Problem::MissionInvoiceDueDate)
        );
    }

    #[test]
    fn figures_that_do_not_hold_together_are_refused() {
        let today = d("2026-12-03");
        let terms = PaymentTerms::default();
        let mut f = form();
        f.service_on = "2026-12-02".into();
        assert_eq!(f.parse(terms, today), Err(Problem::MissionInvoiceDates));
        let mut f = form();
        f.issued_on = "2026-12-04".into();
        assert_eq!(f.parse(terms, today), Err(Problem::MissionInvoiceDates));
        let mut f = form();
        f.amount_ttc = "6 999".into();
        assert_eq!(f.parse(terms, today), Err(Problem::MissionInvoiceAmount));
        let mut f = form();
        f.number = "   ".into();
        assert!(matches!(
            f.parse(terms, today),
            Err(Problem::MissionInvoiceNumber { .. })
        ));
    }
}
