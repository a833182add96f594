//! Figures and dates for display, in the page's language ([`current_lang`]) or a given
//! one. French output is the reference the journeys match: `1 234,50`, `01/12/2026`.

use chrono::NaiveDate;

use crate::domain::lang::Lang;
use crate::domain::money::Euros;
use crate::ui::text::current_lang;

/// `1234567` → `1 234 567` (narrow no-break spaces, as French typography wants).
pub fn integer_fr(n: i64) -> String {
    group_thousands(n, '\u{202F}')
}

/// `1234567` → `1,234,567`.
pub fn integer_en(n: i64) -> String {
    group_thousands(n, ',')
}

pub fn integer_in(lang: Lang, n: i64) -> String {
    match lang {
        Lang::Fr => integer_fr(n),
        Lang::En => integer_en(n),
    }
}

/// An integer in the page's language.
pub fn integer(n: i64) -> String {
    integer_in(current_lang(), n)
}

fn group_thousands(n: i64, separator: char) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// An amount in euros: `1234.5` → `1 234,50`; whole amounts without decimals (rates and
/// budgets are mostly whole).
pub fn money_fr(amount: Euros) -> String {
    amount.short_fr()
}

/// `1234.5` → `1,234.50`, with the rounding and the whole amounts of [`money_fr`].
pub fn money_en(amount: Euros) -> String {
    // The French form has exactly one decimal comma and narrow spaces between groups.
    money_fr(amount).replace(',', ".").replace('\u{202F}', ",")
}

pub fn money_in(lang: Lang, amount: Euros) -> String {
    match lang {
        Lang::Fr => money_fr(amount),
        Lang::En => money_en(amount),
    }
}

/// An amount (without its currency) in the page's language.
pub fn money(amount: Euros) -> String {
    money_in(current_lang(), amount)
}

/// `01/12/2026` in French; `1 December 2026` in English, where `12/01` would read as
/// January.
pub fn date_in(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Fr => date.format("%d/%m/%Y").to_string(),
        Lang::En => date.format("%-d %B %Y").to_string(),
    }
}

/// A date in the page's language.
pub fn date(date: NaiveDate) -> String {
    date_in(current_lang(), date)
}

/// The day of an RFC 3339 time the server sent ("2026-12-01T09:30:00Z"), in the page's
/// language; anything else is shown as it came.
pub fn day_of(time: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(time) {
        Ok(t) => date(t.date_naive()),
        Err(_) => time.to_string(),
    }
}

/// A date typed in a form (`YYYY-MM-DD`), in the page's language; as typed if it is not one.
pub fn typed_date(input: &str) -> String {
    match NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d") {
        Ok(d) => date(d),
        Err(_) => input.to_string(),
    }
}

/// A wall-clock time (already in France) in `lang`: `29/03/2027 10:00`, `29 March 2027, 10:00`.
pub fn datetime_in(lang: Lang, at: chrono::NaiveDateTime) -> String {
    match lang {
        Lang::Fr => at.format("%d/%m/%Y %H:%M").to_string(),
        Lang::En => at.format("%-d %B %Y, %H:%M").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A computed amount, rounded the way every amount is.
    fn d(s: &str) -> Euros {
        Euros::round(s.parse().unwrap())
    }

    #[test]
    fn money_in_french() {
        assert_eq!(money_fr(d("650")), "650");
        assert_eq!(money_fr(d("1234.5")), "1\u{202F}234,50");
        assert_eq!(money_fr(d("49.05")), "49,05");
        assert_eq!(money_fr(d("650.00")), "650");
        assert_eq!(money_fr(d("0.005")), "0,01");
        assert_eq!(money_fr(d("-1234.5")), "-1\u{202F}234,50");
    }

    #[test]
    fn money_in_english() {
        assert_eq!(money_en(d("650")), "650");
        assert_eq!(money_en(d("1234.5")), "1,234.50");
        assert_eq!(money_en(d("1234567.891")), "1,234,567.89");
        assert_eq!(money_en(d("0.005")), "0.01");
        assert_eq!(money_en(d("-1234.5")), "-1,234.50");
        assert_eq!(money_in(Lang::Fr, d("1234.5")), money_fr(d("1234.5")));
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(integer_fr(0), "0");
        assert_eq!(integer_fr(999), "999");
        assert_eq!(integer_fr(1000), "1\u{202F}000");
        assert_eq!(integer_fr(-1234567), "-1\u{202F}234\u{202F}567");
        assert_eq!(integer_en(999), "999");
        assert_eq!(integer_en(-1234567), "-1,234,567");
        assert_eq!(integer_in(Lang::En, 1000), "1,000");
    }

    #[test]
    fn dates_in_both_languages() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(date_in(Lang::Fr, day), "01/12/2026");
        assert_eq!(date_in(Lang::En, day), "1 December 2026");
    }
}
