//! French formatting of figures for display.

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

/// An amount in euros: `1234.5` → `1 234,50`; whole amounts without decimals.
pub fn money_fr(amount: rust_decimal::Decimal) -> String {
    let rounded = amount.round_dp(2);
    let whole = rounded.trunc();
    let units = i64::try_from(whole).unwrap_or(i64::MAX);
    let cents = ((rounded - whole).abs() * rust_decimal::Decimal::from(100))
        .trunc()
        .to_string();
    if cents == "0" {
        integer_fr(units)
    } else {
        format!("{},{:0>2}", integer_fr(units), cents)
    }
}

#[cfg(test)]
mod tests {
    use super::{integer_fr, money_fr};

    #[test]
    fn money_in_french() {
        let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
        assert_eq!(money_fr(d("650")), "650");
        assert_eq!(money_fr(d("1234.5")), "1\u{202F}234,50");
        assert_eq!(money_fr(d("49.05")), "49,05");
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(integer_fr(0), "0");
        assert_eq!(integer_fr(999), "999");
        assert_eq!(integer_fr(1000), "1\u{202F}000");
        assert_eq!(integer_fr(-1234567), "-1\u{202F}234\u{202F}567");
    }
}
