//! Accounts: roles, and the parsed inputs of sign-up and sign-in.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::problem::{NameField, Problem};

/// What an account may do. Admins are never created by sign-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A consultant, an expert or a very small firm (TPE) offering services.
    Provider,
    /// A company that posts projects ("donneur d'ordre").
    Client,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Provider, Role::Client, Role::Admin];

    /// The stored value (`accounts.role`): the one mapping, used by the database binds.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Provider => "provider",
            Role::Client => "client",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "provider" => Some(Role::Provider),
            "client" => Some(Role::Client),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// The kind of provider, recorded at sign-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    Consultant,
    Expert,
    Tpe,
}

impl ProviderKind {
    pub const ALL: [ProviderKind; 3] = [
        ProviderKind::Consultant,
        ProviderKind::Expert,
        ProviderKind::Tpe,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProviderKind::Consultant => "consultant",
            ProviderKind::Expert => "expert",
            ProviderKind::Tpe => "tpe",
        }
    }

    pub fn parse(s: &str) -> Result<Self, Problem> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or(Problem::ProviderKindUnknown)
    }
}

/// The longest e-mail address accepted (RFC 5321's path limit).
pub const EMAIL_MAX_CHARS: usize = 254;
/// The longest first or last name accepted.
pub const NAME_MAX_CHARS: usize = 80;
/// A SIRET as typed: 14 digits and the spaces people put between their groups.
pub const SIRET_INPUT_MAX_CHARS: usize = 20;
/// The longest company name accepted.
pub const COMPANY_NAME_MAX_CHARS: usize = 160;

/// A normalised e-mail address (trimmed, lower-case).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Self, Problem> {
        let email = input.trim().to_lowercase();
        let invalid = || Problem::EmailInvalid;
        if email.is_empty() {
            return Err(Problem::EmailRequired);
        }
        if email.len() > EMAIL_MAX_CHARS
            || email.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(invalid());
        }
        let (local, domain) = email.rsplit_once('@').ok_or_else(invalid)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        if local.is_empty() || local.len() > 64 || local.contains('@') || !domain_ok {
            return Err(invalid());
        }
        Ok(Self(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub use super::password::{check_new_password, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};

/// A SIRET number: 14 digits with a valid Luhn key (spaces accepted on input).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Siret(String);

impl Siret {
    pub fn parse(input: &str) -> Result<Self, Problem> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() != 14 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Problem::SiretLength);
        }
        if !luhn_valid(&digits) && !la_poste_valid(&digits) {
            return Err(Problem::SiretInvalid);
        }
        Ok(Self(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The company's SIREN: the first nine digits.
    pub fn siren(&self) -> &str {
        &self.0[..9]
    }
}

/// The Luhn checksum used by SIREN and SIRET numbers.
pub fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// La Poste's establishments (SIREN 356 000 000) follow another rule: the digit sum is a
/// multiple of 5.
fn la_poste_valid(digits: &str) -> bool {
    digits.starts_with("356000000")
        && digits
            .bytes()
            .map(|b| u32::from(b - b'0'))
            .sum::<u32>()
            .is_multiple_of(5)
}

/// A person's or company's name: trimmed, 1 to `max` characters.
pub fn parse_name(input: &str, field: NameField, max: usize) -> Result<String, Problem> {
    let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(Problem::NameRequired { field });
    }
    if name.chars().count() > max {
        return Err(Problem::NameTooLong { field, max });
    }
    if name.chars().any(|c| c == '<' || c == '>') {
        return Err(Problem::NameMarkup { field });
    }
    if name.chars().any(hidden_character) {
        return Err(Problem::NameHiddenCharacter { field });
    }
    Ok(name)
}

/// Characters a person does not type in a name and that can disguise one: control
/// characters, and the invisible marks that reorder or hide text (bidi overrides and
/// isolates, zero-width characters).
fn hidden_character(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{061C}'
            | '\u{FEFF}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_refuse_markup_and_hidden_characters() {
        assert_eq!(
            parse_name("  Jean-Éric  ", NameField::FirstName, 80).unwrap(),
            "Jean-Éric"
        );
        assert_eq!(
            parse_name("Dupont & Fils l'Atelier", NameField::CompanyName, 160).unwrap(),
            "Dupont & Fils l'Atelier"
        );
        for bad in [
            "Bruno</title><script>alert(1)</script>",
            "<b>Bruno</b>",
            "Bru\u{202E}onr",
            "Bruno\u{200B}",
            "Bru\u{0007}no",
            "Bruno\u{2066}x",
        ] {
            assert!(
                parse_name(bad, NameField::FirstName, 80).is_err(),
                "{bad:?} accepted"
            );
        }
    }

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Jean.Dupont@Exemple.FR ").unwrap().as_str(),
            "jean.dupont@exemple.fr"
        );
        for bad in [
            "",
            "jean",
            "jean@",
            "@exemple.fr",
            "jean@exemple",
            "je an@exemple.fr",
            "a@b..fr",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn passwords_length_and_blocklist_only() {
        assert_eq!(
            check_new_password("court"),
            Err(Problem::PasswordTooShort { min: 12 })
        );
        assert!(check_new_password("tout en minuscules sans chiffre").is_ok());
        assert_eq!(
            check_new_password("Azerty123456"),
            Err(Problem::PasswordCommon)
        );
        assert!(check_new_password("zzzzzzzzzzzzzz").is_err());
        assert!(check_new_password(&"éa".repeat(64)).is_ok());
        assert_eq!(
            check_new_password(&"éa".repeat(65)),
            Err(Problem::PasswordTooLong { max: 128 })
        );
    }

    #[test]
    fn siret_luhn() {
        // A real-format SIRET with a valid key, and the same with one digit changed.
        assert_eq!(
            Siret::parse("732 829 320 00074").unwrap().siren(),
            "732829320"
        );
        assert!(Siret::parse("73282932000075").is_err());
        assert_eq!(Siret::parse("7328293200007"), Err(Problem::SiretLength));
        assert!(Siret::parse("7328293200007a").is_err());
        // La Poste: digit sum multiple of 5.
        assert!(!luhn_valid("35600000010000"));
        assert!(Siret::parse("35600000010000").is_ok());
        assert!(Siret::parse("35600000010001").is_err());
    }
}

/// A client's company and contact person, as stored (SIRET as 14 digits).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CompanyDetails {
    pub company_name: String,
    pub siret: String,
    pub contact_first_name: String,
    pub contact_last_name: String,
}

/// The company an account page shows: a client's, or none for the other roles.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompanyOfAccount {
    NotAClient,
    Details(CompanyDetails),
}

/// One account as admins see it in the accounts screen.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AccountSummary {
    pub id: crate::domain::id::AccountId,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub created_on: chrono::NaiveDate,
    pub verified: bool,
    pub disabled: bool,
}

/// Why an e-mailed link was issued (`email_tokens.purpose`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenPurpose {
    VerifyEmail,
    ResetPassword,
}

impl TokenPurpose {
    pub const ALL: [TokenPurpose; 2] = [TokenPurpose::VerifyEmail, TokenPurpose::ResetPassword];

    /// The stored value: the one mapping, used by the database binds.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::VerifyEmail => "verify_email",
            TokenPurpose::ResetPassword => "reset_password",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }
}
