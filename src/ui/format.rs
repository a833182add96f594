//! French formatting of figures for display.

use crate::domain::lang::Lang;
use crate::domain::money::Euros;

/// `1234567` → `1 234 567` (narrow no-break spaces, as French typography wants).
pub fn integer_fr(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202F}');
        }
        out.push(c);
    }
    out
}

/// An amount in euros: `1234.5` → `1 234,50`; whole amounts without decimals (rates and
/// budgets are mostly whole). Rounded to the cent half away from zero, like [`Euros`].
pub fn money_fr(amount: rust_decimal::Decimal) -> String {
    Euros::round(amount).short_fr()
}

/// A day as each language writes it in a sentence: `01/12/2026`, `1 December 2026`.
pub fn date(lang: Lang, day: chrono::NaiveDate) -> String {
    match lang {
        Lang::Fr => day.format("%d/%m/%Y").to_string(),
        Lang::En => day.format("%-d %B %Y").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{date, integer_fr, money_fr, Lang};

    #[test]
    fn dates_in_both_languages() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(date(Lang::Fr, day), "01/12/2026");
        assert_eq!(date(Lang::En, day), "1 December 2026");
    }

    #[test]
    fn money_in_french() {
        let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
        assert_eq!(money_fr(d("650")), "650");
        assert_eq!(money_fr(d("1234.5")), "1\u{202F}234,50");
        assert_eq!(money_fr(d("49.05")), "49,05");
        assert_eq!(money_fr(d("650.00")), "650");
        assert_eq!(money_fr(d("0.005")), "0,01");
        assert_eq!(money_fr(d("-1234.5")), "-1\u{202F}234,50");
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(integer_fr(0), "0");
        assert_eq!(integer_fr(999), "999");
        assert_eq!(integer_fr(1000), "1\u{202F}000");
        assert_eq!(integer_fr(-1234567), "-1\u{202F}234\u{202F}567");
    }
}
