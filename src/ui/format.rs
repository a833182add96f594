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

#[cfg(test)]
mod tests {
    use super::integer_fr;

    #[test]
    fn groups_thousands() {
        assert_eq!(integer_fr(0), "0");
        assert_eq!(integer_fr(999), "999");
        assert_eq!(integer_fr(1000), "1\u{202F}000");
        assert_eq!(integer_fr(-1234567), "-1\u{202F}234\u{202F}567");
    }
}
