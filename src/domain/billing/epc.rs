//! What an invoice needs to be paid by SEPA credit transfer without a typing mistake: the
//! checks of IBANs (ISO 13616) and creditor references (ISO 11649), and the payload of the
//! "EPC QR code" (EPC069-12 v2.1, version 002) that banking apps scan to pre-fill a
//! transfer. The QR image itself is drawn by the PDF writer from this text.

use crate::domain::money::Euros;

/// EPC069-12: the payload of the QR code never exceeds 331 bytes.
pub const EPC_MAX_BYTES: usize = 331;

/// Why a transfer cannot be encoded; each is a mistake of the caller, never of the payer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EpcError {
    #[error(
        "the beneficiary's name is empty, longer than 70 characters or has a control character"
    )]
    Name,
    #[error("the IBAN is not valid")]
    Iban,
    #[error("the BIC is not valid")]
    Bic,
    #[error("the amount is not between 0.01 and 999999999.99 euros")]
    Amount,
    #[error("the structured reference is not a valid ISO 11649 creditor reference")]
    Reference,
    #[error("the remittance text is longer than 140 characters or has a control character")]
    Text,
    #[error("a transfer carries a structured reference or a text, never both")]
    BothRemittances,
    #[error("the payload is longer than 331 bytes")]
    TooLong,
}

/// An IBAN checked by ISO 13616: country, check digits, the mod-97 test, and the length of
/// the country where it is known (every SEPA country). Spaces and lower case, as people
/// copy IBANs from a document, are accepted.
pub fn iban_is_valid(iban: &str) -> bool {
    let iban = compact(iban);
    let b = iban.as_bytes();
    if !(15..=34).contains(&b.len())
        || !b[..2].iter().all(u8::is_ascii_uppercase)
        || !b[2..4].iter().all(u8::is_ascii_digit)
        || !b[4..].iter().all(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    if let Some(&(_, len)) = IBAN_LENGTHS.iter().find(|(c, _)| c.as_bytes() == &b[..2]) {
        if b.len() != len {
            return false;
        }
    }
    mod97(&iban[4..], &iban[..4]) == 1
}

/// The IBAN in its electronic form: no spaces, upper case.
pub fn iban_compact(iban: &str) -> String {
    compact(iban)
}

/// The lengths of the SEPA countries' IBANs (SWIFT IBAN registry). Other countries are
/// held to the general 15 to 34 characters.
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AT", 20),
    ("BE", 16),
    ("BG", 22),
    ("CH", 21),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("EE", 20),
    ("ES", 24),
    ("FI", 18),
    ("FR", 27),
    ("GB", 22),
    ("GI", 23),
    ("GR", 27),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IS", 26),
    ("IT", 27),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("MT", 31),
    ("NL", 18),
    ("NO", 15),
    ("PL", 28),
    ("PT", 25),
    ("RO", 24),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("VA", 22),
];

/// The ISO 11649 creditor reference of `seed`: "RF", two check digits, then the seed's
/// letters and digits in upper case (other characters dropped, at most 21 kept, "0" for a
/// seed without any). Banks carry it untouched to the statement, where it finds the
/// invoice again whatever the payer types in the free text.
pub fn rf_reference(seed: &str) -> String {
    let mut body: String = seed
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .take(21)
        .collect();
    if body.is_empty() {
        body.push('0');
    }
    let check = 98 - mod97(&body, "RF00");
    format!("RF{check:02}{body}")
}

/// A creditor reference checked by ISO 11649 (spaces and lower case accepted, as printed
/// in groups of four).
pub fn rf_is_valid(reference: &str) -> bool {
    let r = compact(reference);
    let b = r.as_bytes();
    (5..=25).contains(&b.len())
        && r.starts_with("RF")
        && b[2..4].iter().all(u8::is_ascii_digit)
        && b[4..].iter().all(u8::is_ascii_alphanumeric)
        && mod97(&r[4..], &r[..4]) == 1
}

/// The text a banking app reads from an EPC QR code. The remittance is the structured
/// `reference` (ISO 11649) when given, else the free `text`; passing both is refused,
/// as the standard allows only one. Elements after the last filled one are left out,
/// so that the payload never ends with a line break.
pub fn epc_payload(
    name: &str,
    iban: &str,
    bic: Option<&str>,
    amount: Euros,
    reference: &str,
    text: &str,
) -> Result<String, EpcError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 70 || name.chars().any(char::is_control) {
        return Err(EpcError::Name);
    }
    if !iban_is_valid(iban) {
        return Err(EpcError::Iban);
    }
    let bic = match bic.map(compact).filter(|b| !b.is_empty()) {
        Some(bic) if bic_is_valid(&bic) => bic,
        Some(_) => return Err(EpcError::Bic),
        None => String::new(),
    };
    let value = amount.as_decimal();
    if value < Euros::from_cents(1).as_decimal()
        || value > Euros::from_cents(99_999_999_999).as_decimal()
    {
        return Err(EpcError::Amount);
    }
    let (reference, text) = (reference.trim(), text.trim());
    if !reference.is_empty() && !text.is_empty() {
        return Err(EpcError::BothRemittances);
    }
    let reference = if reference.is_empty() {
        String::new()
    } else if rf_is_valid(reference) {
        compact(reference)
    } else {
        return Err(EpcError::Reference);
    };
    if text.chars().count() > 140 || text.chars().any(char::is_control) {
        return Err(EpcError::Text);
    }
    let mut elements = vec![
        "BCD".to_string(),
        "002".into(),
        // Character set 1: UTF-8.
        "1".into(),
        "SCT".into(),
        bic,
        name.into(),
        compact(iban),
        format!("EUR{value}"),
        // Purpose code: none.
        String::new(),
        reference,
        text.into(),
    ];
    while elements.last().is_some_and(String::is_empty) {
        elements.pop();
    }
    let payload = elements.join("\n");
    if payload.len() > EPC_MAX_BYTES {
        return Err(EpcError::TooLong);
    }
    Ok(payload)
}

/// ISO 9362: bank (4 letters), country (2 letters), location (2), optional branch (3).
fn bic_is_valid(bic: &str) -> bool {
    let b = bic.as_bytes();
    matches!(b.len(), 8 | 11)
        && b[..6].iter().all(u8::is_ascii_uppercase)
        && b[6..].iter().all(u8::is_ascii_alphanumeric)
}

fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// ISO 7064 mod 97-10 of `body` followed by `tail`, letters counting 10 (A) to 35 (Z):
/// the check of both IBANs and creditor references, which move their first four
/// characters to the end. Callers pass ASCII letters and digits only.
fn mod97(body: &str, tail: &str) -> u32 {
    body.bytes().chain(tail.bytes()).fold(0, |rest, b| match b {
        b'0'..=b'9' => (rest * 10 + u32::from(b - b'0')) % 97,
        _ => (rest * 100 + u32::from(b.to_ascii_uppercase() - b'A') + 10) % 97,
    })
}

#[cfg(test)]
mod tests;
