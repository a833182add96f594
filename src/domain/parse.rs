//! Parsers of what French users type (years, amounts, dates, phone, VAT number,
//! département lists), shared by the dossier, the project wizard and the server.
//! Each returns the [`Problem`] that says how to fix the value.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::departement::DepartementCode;
use super::money::{Euros, MoneyError};
use super::problem::Problem;

/// SIRET and names are account rules; listed here so that every parser has one home.
pub use super::account::{parse_name, Siret};

/// A number of days of a mission (its duration, or the days billed): 1 to 730.
pub fn parse_days(s: &str) -> Result<u32, Problem> {
    match s.trim().parse::<u32>() {
        Ok(d) if (1..=730).contains(&d) => Ok(d),
        _ => Err(Problem::DaysRange),
    }
}

pub fn parse_years(s: &str) -> Result<u32, Problem> {
    match s.trim().parse::<u32>() {
        Ok(y) if y <= 60 => Ok(y),
        _ => Err(Problem::YearsRange),
    }
}

/// A daily rate in euros HT: `650`, `650,50` or `650.50`; more than 0, at most 10 000.
/// Always to the cent (`650` gives `650.00`).
pub fn parse_rate(s: &str) -> Result<Euros, Problem> {
    let rate = match Euros::parse(s) {
        Ok(rate) => rate,
        Err(MoneyError::TooPrecise) => return Err(Problem::RateTooPrecise),
        Err(MoneyError::Negative | MoneyError::TooLarge) => return Err(Problem::RateRange),
        Err(MoneyError::Invalid) => return Err(Problem::RateInvalid),
    };
    if !rate.is_positive() || rate.as_decimal() > Decimal::from(10_000) {
        return Err(Problem::RateRange);
    }
    Ok(rate)
}

/// A budget in euros HT: more than 0, at most 10 million, cents at most.
pub fn parse_budget(s: &str) -> Result<Euros, Problem> {
    let amount = match Euros::parse(s) {
        Ok(amount) => amount,
        Err(MoneyError::Invalid) => return Err(Problem::BudgetInvalid),
        Err(_) => return Err(Problem::BudgetRange),
    };
    if !amount.is_positive() || amount.as_decimal() > Decimal::from(10_000_000) {
        return Err(Problem::BudgetRange);
    }
    Ok(amount)
}

/// A date from a date field (`AAAA-MM-JJ`) or typed the French way (`JJ/MM/AAAA`).
pub fn parse_date(s: &str) -> Result<NaiveDate, Problem> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .map_err(|_| Problem::DateInvalid)
}

/// A French phone number: ten digits starting with 0, or +33 and nine digits.
pub fn parse_phone(s: &str) -> Result<String, Problem> {
    let compact: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')'))
        .collect();
    let national = if let Some(rest) = compact.strip_prefix("+33") {
        format!("0{rest}")
    } else if let Some(rest) = compact.strip_prefix("0033") {
        format!("0{rest}")
    } else {
        compact
    };
    if national.len() == 10
        && national.starts_with('0')
        && !national.starts_with("00")
        && national.bytes().all(|b| b.is_ascii_digit())
    {
        Ok(national)
    } else {
        Err(Problem::PhoneInvalid)
    }
}

/// A French VAT number: `FR`, a two-digit key and the SIREN; the key is checked.
pub fn parse_vat(s: &str) -> Result<String, Problem> {
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let err = || Problem::VatInvalid;
    let rest = compact.strip_prefix("FR").ok_or_else(err)?;
    if rest.len() != 11 || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err());
    }
    let key: u64 = rest[..2].parse().map_err(|_| err())?;
    let siren: u64 = rest[2..].parse().map_err(|_| err())?;
    if key != (12 + 3 * (siren % 97)) % 97 {
        return Err(Problem::VatKey);
    }
    Ok(compact)
}

/// Départements of a list (mobility of an expert, places of a project), each parsed;
/// separated by commas, semicolons or spaces.
pub fn mobility_codes(s: &str) -> Vec<Result<DepartementCode, Problem>> {
    s.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .map(|p| DepartementCode::parse(p).map_err(Problem::from))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsers() {
        assert_eq!(
            parse_rate(" 650,50 € ").unwrap().as_decimal().to_string(),
            "650.50"
        );
        assert!(parse_rate("650.505").is_err());
        assert!(parse_rate("0").is_err());
        assert_eq!(parse_rate("abc"), Err(Problem::RateInvalid));
        assert_eq!(parse_phone("+33 6 12 34 56 78").unwrap(), "0612345678");
        assert_eq!(parse_phone("06.12.34.56.78").unwrap(), "0612345678");
        assert!(parse_phone("12345").is_err());
        // SIREN 732 829 320 → key 44.
        assert_eq!(parse_vat("fr 44 732829320").unwrap(), "FR44732829320");
        assert_eq!(parse_vat("FR45732829320"), Err(Problem::VatKey));
        assert_eq!(
            parse_date("03/02/2026").unwrap(),
            NaiveDate::from_ymd_opt(2026, 2, 3).unwrap()
        );
    }

    #[test]
    fn amounts_keep_their_messages() {
        assert_eq!(parse_rate("650.505"), Err(Problem::RateTooPrecise));
        for out_of_range in ["0", "-5", "10 000,01", "1 000 000 000 000"] {
            assert_eq!(
                parse_rate(out_of_range),
                Err(Problem::RateRange),
                "{out_of_range}"
            );
        }
        assert_eq!(
            parse_rate("10\u{a0}000 €").unwrap(),
            Euros::from_cents(1_000_000)
        );
        // Stored to the cent, whatever was typed.
        assert_eq!(
            parse_rate("650").unwrap().as_decimal().to_string(),
            "650.00"
        );
        assert!(parse_budget("0").is_err());
        assert!(parse_budget("12.345").is_err());
        assert_eq!(parse_budget("beaucoup"), Err(Problem::BudgetInvalid));
        assert_eq!(parse_budget("-100"), Err(Problem::BudgetRange));
        assert_eq!(
            parse_budget("15\u{202F}000,5")
                .unwrap()
                .as_decimal()
                .to_string(),
            "15000.50"
        );
        assert!(parse_budget("10 000 000,01").is_err());
    }

    #[test]
    fn years_and_departement_lists() {
        assert_eq!(parse_years(" 12 "), Ok(12));
        assert!(parse_years("61").is_err());
        assert!(parse_years("-1").is_err());
        let codes = mobility_codes("75, 2a;974  99");
        assert_eq!(codes.len(), 4);
        assert_eq!(codes[1].as_ref().unwrap().as_str(), "2A");
        assert_eq!(codes[3], Err(Problem::Departement { input: "99".into() }));
    }
}
