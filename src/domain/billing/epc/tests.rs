use super::*;
use proptest::prelude::*;

const IBAN: &str = "FR76 3000 6000 0112 3456 7890 189";

#[test]
fn ibans_are_checked_by_mod_97() {
    assert!(iban_is_valid(IBAN));
    assert!(iban_is_valid("fr7630006000011234567890189"));
    assert!(iban_is_valid("DE89 3704 0044 0532 0130 00"));
    assert!(iban_is_valid("GB82 WEST 1234 5698 7654 32"));
    // One digit changed, two digits swapped.
    assert!(!iban_is_valid("FR76 3000 6000 0112 3456 7890 188"));
    assert!(!iban_is_valid("FR76 3000 6000 0112 3456 7809 189"));
    // The right checksum cannot save a French IBAN of the wrong length.
    assert!(!iban_is_valid("FR76 3000 6000 0112 3456 7890 18"));
    for bad in [
        "",
        "FR",
        "FR76",
        "7630006000011234567890189FR",
        "FR76 3000-6000",
        "ÉR76 3000 6000 0112 3456 7890 189",
    ] {
        assert!(!iban_is_valid(bad), "{bad}");
    }
    assert_eq!(iban_compact(IBAN), "FR7630006000011234567890189");
}

#[test]
fn creditor_references_follow_iso_11649() {
    // The standard's own example.
    assert_eq!(rf_reference("539007547034"), "RF18539007547034");
    assert!(rf_is_valid("RF18539007547034"));
    assert!(rf_is_valid("RF18 5390 0754 7034"));
    assert!(rf_is_valid("rf18539007547034"));
    assert!(!rf_is_valid("RF19539007547034"));
    assert!(!rf_is_valid("RF18539007547043"));
    assert!(!rf_is_valid("RF18"));
    assert!(!rf_is_valid("XX18539007547034"));
    assert!(!rf_is_valid("RF18-539007547034"));
    assert!(!rf_is_valid(&format!("RF00{}", "1".repeat(22))));
    // An invoice number: separators dropped, letters kept.
    let r = rf_reference("FA-2026-000001");
    assert!(r.starts_with("RF") && r.ends_with("FA2026000001"), "{r}");
    assert!(rf_is_valid(&r));
    assert!(rf_is_valid(&rf_reference("")));
    assert_eq!(rf_reference(&"9".repeat(40)).len(), 25);
}

#[test]
fn the_payload_has_the_epc_lines_in_order() {
    let amount = Euros::parse("58.80").unwrap();
    let payload = epc_payload(
        "B2BiZen SAS",
        IBAN,
        Some("BNPA FRPP XXX"),
        amount,
        "RF18 5390 0754 7034",
        "",
    )
    .unwrap();
    assert_eq!(
        payload,
        "BCD\n002\n1\nSCT\nBNPAFRPPXXX\nB2BiZen SAS\nFR7630006000011234567890189\n\
         EUR58.80\n\nRF18539007547034"
    );
    let payload = epc_payload("B2BiZen SAS", IBAN, None, amount, "", "FA-2026-000001").unwrap();
    let lines: Vec<&str> = payload.split('\n').collect();
    assert_eq!(
        lines,
        [
            "BCD",
            "002",
            "1",
            "SCT",
            "",
            "B2BiZen SAS",
            "FR7630006000011234567890189",
            "EUR58.80",
            "",
            "",
            "FA-2026-000001"
        ]
    );
}

#[test]
fn the_payload_refuses_what_a_bank_would() {
    let ok = Euros::parse("10").unwrap();
    let payload = |name: &str, iban: &str, bic: Option<&str>, amount: Euros, r: &str, t: &str| {
        epc_payload(name, iban, bic, amount, r, t)
    };
    assert_eq!(payload("", IBAN, None, ok, "", ""), Err(EpcError::Name));
    assert_eq!(
        payload(&"n".repeat(71), IBAN, None, ok, "", ""),
        Err(EpcError::Name)
    );
    // A line break would shift every element after it.
    assert_eq!(payload("A\nB", IBAN, None, ok, "", ""), Err(EpcError::Name));
    assert_eq!(
        payload("A", "FR76 0000", None, ok, "", ""),
        Err(EpcError::Iban)
    );
    assert_eq!(
        payload("A", IBAN, Some("BNP"), ok, "", ""),
        Err(EpcError::Bic)
    );
    assert_eq!(
        payload("A", IBAN, None, Euros::ZERO, "", ""),
        Err(EpcError::Amount)
    );
    let billion = Euros::parse("1000000000").unwrap();
    assert_eq!(
        payload("A", IBAN, None, billion, "", ""),
        Err(EpcError::Amount)
    );
    let top = Euros::parse("999999999.99").unwrap();
    assert!(payload("A", IBAN, None, top, "", "").is_ok());
    assert_eq!(
        payload("A", IBAN, None, ok, "RF00 1234", ""),
        Err(EpcError::Reference)
    );
    assert_eq!(
        payload("A", IBAN, None, ok, "RF18539007547034", "text"),
        Err(EpcError::BothRemittances)
    );
    assert_eq!(
        payload("A", IBAN, None, ok, "", &"t".repeat(141)),
        Err(EpcError::Text)
    );
    assert_eq!(
        payload("A", IBAN, None, ok, "", "a\u{7}b"),
        Err(EpcError::Text)
    );
    // 70 four-byte characters and 140 more in the text pass each limit, not the total.
    let wide = "\u{1F600}".repeat(70);
    assert_eq!(
        payload(&wide, IBAN, None, ok, "", &"é".repeat(140)),
        Err(EpcError::TooLong)
    );
    assert!(payload("Société Générale", IBAN, Some(""), ok, "", "").is_ok());
}

proptest! {
    #[test]
    fn every_seed_gives_a_valid_reference(seed in "[A-Za-z0-9 -]{0,30}") {
        let r = rf_reference(&seed);
        prop_assert!(rf_is_valid(&r), "{}", r);
        prop_assert!(r.len() <= 25);
    }

    #[test]
    fn a_changed_digit_breaks_the_reference(
        seed in "[0-9]{4,21}", at in 2usize..25, shift in 1u8..=9,
    ) {
        let r = rf_reference(&seed);
        let at = at.min(r.len() - 1);
        let digit = (r.as_bytes()[at] - b'0' + shift) % 10;
        let mut changed = r.clone();
        changed.replace_range(at..=at, &digit.to_string());
        prop_assert!(!rf_is_valid(&changed), "{} → {}", r, changed);
    }
}
