use super::*;
use crate::domain::problem::Problem;
use chrono::{DateTime, Duration, Utc};

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

#[test]
fn a_code_works_ten_minutes_and_the_fifth_wrong_attempt_locks_it() {
    let sent = at("2026-12-03T10:00:00Z");
    let soon = sent + Duration::minutes(9);
    assert_eq!(check_code(sent, 0, soon, true), Ok(CodeCheck::Accepted));
    assert_eq!(
        check_code(sent, 0, soon, false),
        Ok(CodeCheck::Refused { left: 4 })
    );
    assert_eq!(
        check_code(sent, 3, soon, false),
        Ok(CodeCheck::Refused { left: 1 })
    );
    assert_eq!(check_code(sent, 4, soon, false), Ok(CodeCheck::Locked));
    // Locked: even the right code no longer works.
    assert_eq!(
        check_code(sent, 5, soon, true),
        Err(Problem::SignatureCodeLocked)
    );
    let late = sent + Duration::minutes(10) + Duration::seconds(1);
    assert_eq!(
        check_code(sent, 0, late, true),
        Err(Problem::SignatureCodeExpired { minutes: 10 })
    );
}

#[test]
fn a_code_is_six_digits_spaces_allowed() {
    assert_eq!(parse_code(" 123 456 "), Ok("123456".to_string()));
    for bad in ["12345", "1234567", "12a456", ""] {
        assert_eq!(
            parse_code(bad),
            Err(Problem::SignatureCodeFormat { digits: 6 }),
            "{bad:?}"
        );
    }
}

#[test]
fn the_client_names_a_signatory_and_the_company_address() {
    let form = ClientSignatoryForm {
        legal_form: "SAS".into(),
        address: "1 rue de la Paix, 75002 Paris".into(),
        signatory: "Claire Cliente".into(),
        signatory_role: "Présidente".into(),
    };
    let party = form.parse("Acme", "44306184100005").unwrap();
    assert_eq!(party.name, "Acme");
    assert_eq!(party.registration, "44306184100005");
    assert_eq!(party.signatory_role, "Présidente");
    let blank = ClientSignatoryForm {
        address: " ".into(),
        ..form
    };
    assert_eq!(
        blank.parse("Acme", "44306184100005"),
        Err(Problem::ContractAddress { max: 300 })
    );
}

#[test]
fn references_and_stored_values_are_stable() {
    assert_eq!(reference(7, 2), "CMR-000007-v2");
    for r in NoMissionReason::ALL {
        assert_eq!(NoMissionReason::parse(r.as_str()), Some(r));
    }
}
