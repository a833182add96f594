//! The quote form as typed (strings, so that the page without JavaScript posts the same
//! thing as the page with it), and its checked form. Parsing is shared: the browser
//! shows the totals and the first problem as the expert types, the server decides.

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::lines::{QuoteLine, QuoteUnit, VatRate};
use super::terms::{PaymentTerms, TermsBasis};
use super::{
    DESCRIPTION_MAX_CHARS, LINES_MAX, QUANTITY_MAX, UNIT_PRICE_MAX_EUROS, VALIDITY_MAX_DAYS,
};
use crate::domain::money::{Euros, MoneyError};
use crate::domain::parse::{parse_date, parse_days};
use crate::domain::problem::Problem;

/// One line as typed; a line left wholly blank is no line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineForm {
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub quantity: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub unit_price: String,
    #[serde(default)]
    pub vat: String,
}

impl LineForm {
    fn is_blank(&self) -> bool {
        [&self.description, &self.quantity, &self.unit_price]
            .iter()
            .all(|s| s.trim().is_empty())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteForm {
    #[serde(default)]
    pub lines: Vec<LineForm>,
    /// A checkbox: present (any value) when ticked.
    #[serde(default)]
    pub franchise: Option<String>,
    #[serde(default)]
    pub start_date: String,
    #[serde(default)]
    pub duration_days: String,
    #[serde(default)]
    pub terms_basis: String,
    #[serde(default)]
    pub terms_days: String,
    #[serde(default)]
    pub valid_until: String,
}

/// A quote's content, checked: what a version stores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteDraft {
    pub lines: Vec<QuoteLine>,
    /// Under the VAT franchise: every line at 0 % and the mention printed.
    pub franchise: bool,
    pub start_date: NaiveDate,
    pub duration_days: u32,
    pub terms: PaymentTerms,
    pub valid_until: NaiveDate,
}

impl QuoteForm {
    /// The form of a new version: the previous one's content, or an empty line and the
    /// legal default terms.
    pub fn from_draft(draft: Option<&QuoteDraft>, today: NaiveDate) -> QuoteForm {
        let Some(d) = draft else {
            return QuoteForm {
                lines: vec![LineForm {
                    unit: QuoteUnit::Day.as_str().into(),
                    vat: VatRate::Standard.as_str().into(),
                    ..LineForm::default()
                }],
                terms_basis: TermsBasis::AfterService.as_str().into(),
                terms_days: PaymentTerms::default().days.to_string(),
                valid_until: (today + Duration::days(30)).to_string(),
                ..QuoteForm::default()
            };
        };
        QuoteForm {
            lines: d
                .lines
                .iter()
                .map(|l| LineForm {
                    description: l.description.clone(),
                    quantity: l.quantity.normalize().to_string().replace('.', ","),
                    unit: l.unit.as_str().into(),
                    unit_price: l.unit_price.amount_fr(),
                    vat: l.vat.as_str().into(),
                })
                .collect(),
            franchise: d.franchise.then(|| "on".into()),
            start_date: d.start_date.to_string(),
            duration_days: d.duration_days.to_string(),
            terms_basis: d.terms.basis.as_str().into(),
            terms_days: d.terms.days.to_string(),
            valid_until: d.valid_until.to_string(),
        }
    }

    /// The checked quote, or the first problem, in the order of the form.
    pub fn parse(&self, today: NaiveDate) -> Result<QuoteDraft, Problem> {
        let franchise = self.franchise.is_some();
        let typed: Vec<(usize, &LineForm)> = self
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.is_blank())
            .collect();
        if typed.is_empty() {
            return Err(Problem::QuoteLinesRequired);
        }
        if typed.len() > LINES_MAX {
            return Err(Problem::QuoteLinesTooMany { max: LINES_MAX });
        }
        let lines = typed
            .into_iter()
            .map(|(i, l)| parse_line(i + 1, l, franchise))
            .collect::<Result<Vec<_>, _>>()?;
        let start_date = parse_date(&self.start_date)?;
        if start_date < today {
            return Err(Problem::StartDatePast);
        }
        let duration_days = parse_days(&self.duration_days)?;
        let basis = TermsBasis::parse(self.terms_basis.trim()).ok_or(Problem::RequestMalformed)?;
        let days = self
            .terms_days
            .trim()
            .parse::<u16>()
            .map_err(|_| Problem::PaymentTermsInvalid)?;
        let terms = PaymentTerms::new(basis, days)?;
        let valid_until = parse_date(&self.valid_until)?;
        if valid_until < today || valid_until > today + Duration::days(VALIDITY_MAX_DAYS) {
            return Err(Problem::QuoteValidity {
                max_days: VALIDITY_MAX_DAYS,
            });
        }
        Ok(QuoteDraft {
            lines,
            franchise,
            start_date,
            duration_days,
            terms,
            valid_until,
        })
    }
}

fn parse_line(line: usize, form: &LineForm, franchise: bool) -> Result<QuoteLine, Problem> {
    let description = form.description.trim();
    if description.is_empty() || description.chars().count() > DESCRIPTION_MAX_CHARS {
        return Err(Problem::QuoteLineDescription {
            line,
            max: DESCRIPTION_MAX_CHARS,
        });
    }
    let quantity = parse_quantity(&form.quantity).ok_or(Problem::QuoteLineQuantity {
        line,
        max: QUANTITY_MAX,
    })?;
    let unit_price = match Euros::parse(&form.unit_price) {
        Ok(p) if p.is_positive() && p.as_decimal() <= Decimal::from(UNIT_PRICE_MAX_EUROS) => p,
        Ok(_) | Err(MoneyError::Negative | MoneyError::TooLarge) => {
            return Err(Problem::QuoteLinePrice {
                line,
                max: UNIT_PRICE_MAX_EUROS,
            })
        }
        Err(MoneyError::TooPrecise) => return Err(Problem::RateTooPrecise),
        Err(MoneyError::Invalid) => return Err(Problem::RateInvalid),
    };
    let unit = QuoteUnit::parse(form.unit.trim()).ok_or(Problem::RequestMalformed)?;
    let vat = VatRate::parse(form.vat.trim()).ok_or(Problem::RequestMalformed)?;
    if franchise && vat != VatRate::Zero {
        return Err(Problem::QuoteFranchiseVat { line });
    }
    Ok(QuoteLine {
        description: description.to_string(),
        quantity,
        unit,
        unit_price,
        vat,
    })
}

/// `3`, `0,5`, `2.25`: more than 0, at most [`QUANTITY_MAX`], two decimals at most.
fn parse_quantity(s: &str) -> Option<Decimal> {
    let q: Decimal = s.trim().replace(',', ".").parse().ok()?;
    let q = q.normalize();
    (q > Decimal::ZERO && q <= Decimal::from(QUANTITY_MAX) && q.scale() <= 2).then_some(q)
}
