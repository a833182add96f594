//! Parsers of what French users type (years, amounts, dates, phone, VAT number,
//! département lists), shared by the dossier, the project wizard and the server.
//! Each returns the French message that says how to fix the value.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::departement::DepartementCode;
use super::money::{Euros, MoneyError};

/// SIRET and names are account rules; listed here so that every parser has one home.
pub use super::account::{parse_name, Siret};

pub fn parse_years(s: &str) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(y) if y <= 60 => Ok(y),
        _ => Err("Indiquez un nombre d'années entre 0 et 60.".into()),
    }
}

/// A daily rate in euros HT: `650`, `650,50` or `650.50`; more than 0, at most 10 000.
/// Always to the cent (`650` gives `650.00`).
pub fn parse_rate(s: &str) -> Result<Decimal, String> {
    let range = || "Le tarif journalier doit être compris entre 1 et 10 000 € HT.".to_string();
    let rate = match Euros::parse(s) {
        Ok(rate) => rate.as_decimal(),
        Err(MoneyError::TooPrecise) => {
            return Err("Le tarif a au plus deux décimales (centimes).".into())
        }
        Err(MoneyError::Negative | MoneyError::TooLarge) => return Err(range()),
        Err(MoneyError::Invalid) => {
            return Err(
                "Indiquez un tarif journalier en euros HT, par exemple 650 ou 650,50.".into(),
            )
        }
    };
    if rate <= Decimal::ZERO || rate > Decimal::from(10_000) {
        return Err(range());
    }
    Ok(rate)
}

/// A budget in euros HT: more than 0, at most 10 million, cents at most.
pub fn parse_budget(s: &str) -> Result<Decimal, String> {
    let range =
        || "Le budget doit être compris entre 1 € et 10 000 000 € HT, au centime près.".to_string();
    let amount = match Euros::parse(s) {
        Ok(amount) => amount.as_decimal(),
        Err(MoneyError::Invalid) => {
            return Err("Indiquez un montant en euros HT, par exemple 15000 ou 15 000,50.".into())
        }
        Err(_) => return Err(range()),
    };
    if amount <= Decimal::ZERO || amount > Decimal::from(10_000_000) {
        return Err(range());
    }
    Ok(amount)
}

/// A date from a date field (`AAAA-MM-JJ`) or typed the French way (`JJ/MM/AAAA`).
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .map_err(|_| "Date invalide : utilisez le format JJ/MM/AAAA.".to_string())
}

/// A French phone number: ten digits starting with 0, or +33 and nine digits.
pub fn parse_phone(s: &str) -> Result<String, String> {
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
        Err(
            "Numéro de téléphone invalide : 10 chiffres (06 12 34 56 78) ou +33 6 12 34 56 78."
                .into(),
        )
    }
}

/// A French VAT number: `FR`, a two-digit key and the SIREN; the key is checked.
pub fn parse_vat(s: &str) -> Result<String, String> {
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let err = || "Numéro de TVA invalide : FR, deux chiffres de clé puis les 9 chiffres du SIREN.";
    let rest = compact.strip_prefix("FR").ok_or_else(err)?;
    if rest.len() != 11 || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err().into());
    }
    let key: u64 = rest[..2].parse().map_err(|_| err())?;
    let siren: u64 = rest[2..].parse().map_err(|_| err())?;
    if key != (12 + 3 * (siren % 97)) % 97 {
        return Err("La clé de ce numéro de TVA ne correspond pas au SIREN.".into());
    }
    Ok(compact)
}

/// Départements of a list (mobility of an expert, places of a project), each parsed;
/// separated by commas, semicolons or spaces.
pub fn mobility_codes(s: &str) -> Vec<Result<DepartementCode, String>> {
    s.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .map(|p| DepartementCode::parse(p).map_err(|e| e.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsers() {
        assert_eq!(parse_rate(" 650,50 € ").unwrap().to_string(), "650.50");
        assert!(parse_rate("650.505").is_err());
        assert!(parse_rate("0").is_err());
        assert!(parse_rate("abc").unwrap_err().contains("650"));
        assert_eq!(parse_phone("+33 6 12 34 56 78").unwrap(), "0612345678");
        assert_eq!(parse_phone("06.12.34.56.78").unwrap(), "0612345678");
        assert!(parse_phone("12345").is_err());
        // SIREN 732 829 320 → key 44.
        assert_eq!(parse_vat("fr 44 732829320").unwrap(), "FR44732829320");
        assert!(parse_vat("FR45732829320").unwrap_err().contains("clé"));
        assert_eq!(
            parse_date("03/02/2026").unwrap(),
            NaiveDate::from_ymd_opt(2026, 2, 3).unwrap()
        );
    }

    #[test]
    fn amounts_keep_their_messages() {
        assert_eq!(
            parse_rate("650.505").unwrap_err(),
            "Le tarif a au plus deux décimales (centimes)."
        );
        let range = "Le tarif journalier doit être compris entre 1 et 10 000 € HT.";
        for out_of_range in ["0", "-5", "10 000,01", "1 000 000 000 000"] {
            assert_eq!(
                parse_rate(out_of_range).unwrap_err(),
                range,
                "{out_of_range}"
            );
        }
        assert_eq!(parse_rate("10\u{a0}000 €").unwrap(), Decimal::from(10_000));
        // Stored to the cent, whatever was typed.
        assert_eq!(parse_rate("650").unwrap().to_string(), "650.00");
        assert!(parse_budget("0").is_err());
        assert!(parse_budget("12.345").is_err());
        assert!(parse_budget("beaucoup").unwrap_err().contains("15 000,50"));
        assert!(parse_budget("-100")
            .unwrap_err()
            .contains("au centime près"));
        assert_eq!(
            parse_budget("15\u{202F}000,5").unwrap().to_string(),
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
        assert!(codes[3]
            .as_ref()
            .unwrap_err()
            .contains("n'est pas un numéro de département"));
    }
}
