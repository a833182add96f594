use super::*;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn parses_what_people_type() {
    let cases = [
        ("1 234,56 €", "1234.56"),
        ("1234.5", "1234.50"),
        ("1 234", "1234.00"),
        ("1\u{a0}234,56\u{a0}€", "1234.56"),
        ("1\u{202F}234\u{202F}567,8", "1234567.80"),
        ("  650€ ", "650.00"),
        ("0,05", "0.05"),
        ("007", "7.00"),
        ("12,", "12.00"),
    ];
    for (input, expected) in cases {
        let amount = Euros::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        // The scale is part of the contract, not only the value.
        assert_eq!(amount.as_decimal().to_string(), expected, "{input}");
        assert_eq!(amount.as_decimal().scale(), 2);
    }
}

#[test]
fn refuses_what_is_not_an_amount() {
    for bad in [
        "", "€", "abc", "12a", ",50", "1,2,3", "1.234,56", "1e5", "+5", "--5",
    ] {
        assert_eq!(Euros::parse(bad), Err(MoneyError::Invalid), "{bad:?}");
    }
    assert_eq!(Euros::parse("650,505"), Err(MoneyError::TooPrecise));
    assert_eq!(Euros::parse("650.500"), Err(MoneyError::TooPrecise));
    assert_eq!(Euros::parse("-5"), Err(MoneyError::Negative));
    assert_eq!(Euros::parse("- 5,50 €"), Err(MoneyError::Negative));
}

#[test]
fn bounds() {
    assert_eq!(
        Euros::parse("999 999 999 999,99").unwrap(),
        Euros::MAX,
        "the largest typed amount is the bound"
    );
    assert_eq!(Euros::MAX.as_decimal(), d("999999999999.99"));
    assert_eq!(Euros::parse("1 000 000 000 000"), Err(MoneyError::TooLarge));
    assert_eq!(
        Euros::parse("99999999999999999999999999999999"),
        Err(MoneyError::TooLarge)
    );
    assert_eq!(Euros::new(d("1000000000000")), Err(MoneyError::TooLarge));
    assert!(Euros::parse("000000000000000012").is_ok());
    assert_eq!(Euros::parse("0").unwrap(), Euros::ZERO);
    assert!(!Euros::ZERO.is_positive());
    assert!(Euros::from_cents(1).is_positive());
}

#[test]
fn exact_decimals_only() {
    assert_eq!(
        Euros::new(d("12.5")).unwrap().as_decimal().to_string(),
        "12.50"
    );
    // Trailing zeros are not precision.
    assert_eq!(Euros::new(d("12.5000")).unwrap(), Euros::from_cents(1250));
    assert_eq!(Euros::new(d("12.505")), Err(MoneyError::TooPrecise));
    assert_eq!(Euros::new(d("-3")).unwrap().as_decimal(), d("-3"));
}

#[test]
fn displays_the_french_way() {
    let nnbsp = '\u{202F}';
    let amount = Euros::parse("1234,56").unwrap();
    assert_eq!(amount.to_string(), format!("1{nnbsp}234,56\u{a0}€"));
    assert_eq!(amount.amount_fr(), format!("1{nnbsp}234,56"));
    assert_eq!(Euros::from_cents(5).to_string(), "0,05\u{a0}€");
    assert_eq!(Euros::ZERO.to_string(), "0,00\u{a0}€");
    assert_eq!(
        Euros::MAX.amount_fr(),
        format!("999{nnbsp}999{nnbsp}999{nnbsp}999,99")
    );
    assert_eq!(Euros::from_cents(65_000).short_fr(), "650");
    assert_eq!(Euros::from_cents(65_050).short_fr(), "650,50");
    assert_eq!(
        Euros::from_cents(-123_456).amount_fr(),
        format!("-1{nnbsp}234,56")
    );
    assert_eq!(Euros::from_cents(-50).amount_fr(), "-0,50");
}

#[test]
fn display_and_parse_round_trip() {
    for cents in [
        0,
        1,
        9,
        10,
        99,
        100,
        999,
        1000,
        123_456,
        100_000_000,
        99_999_999_999_999,
    ] {
        let amount = Euros::from_cents(cents);
        assert_eq!(Euros::parse(&amount.to_string()), Ok(amount), "{amount}");
        assert_eq!(Euros::parse(&amount.short_fr()), Ok(amount), "{amount}");
    }
}

#[test]
fn rounds_half_a_cent_away_from_zero() {
    assert_eq!(Euros::round(d("0.005")), Euros::from_cents(1));
    assert_eq!(Euros::round(d("0.015")), Euros::from_cents(2));
    assert_eq!(
        Euros::round(d("0.025")),
        Euros::from_cents(3),
        "not to even"
    );
    assert_eq!(Euros::round(d("0.0049999")), Euros::ZERO);
    assert_eq!(Euros::round(d("-0.005")), Euros::from_cents(-1));
    assert_eq!(Euros::round(d("7")).as_decimal().to_string(), "7.00");
}

#[test]
fn arithmetic_keeps_the_cents() {
    let rate = Euros::parse("650,50").unwrap();
    assert_eq!(rate.times(d("10")), Some(Euros::from_cents(650_500)));
    // 33,33 × 0,5 = 16,665 → 16,67.
    assert_eq!(
        Euros::parse("33,33").unwrap().times(d("0.5")),
        Some(Euros::from_cents(1667))
    );
    // 0,01 × 1,5 = 0,015 → 0,02 (half away from zero, not to even).
    assert_eq!(
        Euros::from_cents(1).times(d("1.5")),
        Some(Euros::from_cents(2))
    );
    assert_eq!(
        Euros::from_cents(1)
            .times(d("0.5"))
            .unwrap()
            .as_decimal()
            .scale(),
        2
    );
    assert_eq!(Euros::MAX.times(Decimal::MAX), None);
    let total: Euros = [Euros::from_cents(1050), Euros::from_cents(250)]
        .into_iter()
        .sum();
    assert_eq!(total, Euros::from_cents(1300));
    assert_eq!(total.as_decimal().scale(), 2);
    assert_eq!(
        Euros::from_cents(100).checked_sub(Euros::from_cents(250)),
        Some(Euros::from_cents(-150))
    );
    assert_eq!(
        Euros::from_cents(1) + Euros::from_cents(2),
        Euros::from_cents(3)
    );
}

#[test]
fn serde_as_a_string() {
    let amount = Euros::parse("1234,5").unwrap();
    assert_eq!(serde_json::to_string(&amount).unwrap(), "\"1234.50\"");
    let back: Euros = serde_json::from_str("\"1234.50\"").unwrap();
    assert_eq!(back, amount);
    let whole: Euros = serde_json::from_str("\"12\"").unwrap();
    assert_eq!(whole.as_decimal().to_string(), "12.00");
    assert!(serde_json::from_str::<Euros>("\"12.345\"").is_err());
    assert!(serde_json::from_str::<Euros>("\"abc\"").is_err());
}
