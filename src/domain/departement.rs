//! French département codes: `01`–`95` (without `20`), `2A`, `2B`, `971`–`976`.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::problem::Problem;

/// A validated French département code, as used by INSEE (e.g. `75`, `2A`, `974`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DepartementCode(String);

/// Why a text is not a département code (the text for users is
/// [`Problem::Departement`]; this one is for logs and serde).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a French departement code: {0:?}")]
pub struct InvalidDepartement(pub String);

impl From<InvalidDepartement> for Problem {
    fn from(err: InvalidDepartement) -> Self {
        Problem::Departement { input: err.0 }
    }
}

impl DepartementCode {
    /// Parses a code, accepting surrounding spaces, lower-case Corsican codes and a
    /// missing leading zero (`1` → `01`).
    pub fn parse(input: &str) -> Result<Self, InvalidDepartement> {
        let raw = input.trim().to_ascii_uppercase();
        let invalid = || InvalidDepartement(input.trim().to_string());
        let code = match raw.as_str() {
            "2A" | "2B" => raw,
            _ if raw.is_empty() || raw.len() > 3 || !raw.bytes().all(|b| b.is_ascii_digit()) => {
                return Err(invalid())
            }
            _ => {
                let n: u16 = raw.parse().map_err(|_| invalid())?;
                match n {
                    1..=19 | 21..=95 => format!("{n:02}"),
                    971..=974 | 976 => n.to_string(),
                    _ => return Err(invalid()),
                }
            }
        };
        Ok(Self(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Overseas départements (DROM): Guadeloupe, Martinique, Guyane, La Réunion, Mayotte.
    pub fn is_overseas(&self) -> bool {
        self.0.len() == 3
    }
}

impl TryFrom<String> for DepartementCode {
    type Error = InvalidDepartement;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<DepartementCode> for String {
    fn from(value: DepartementCode) -> Self {
        value.0
    }
}

impl fmt::Display for DepartementCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_every_real_code_and_only_those() {
        let mut accepted = Vec::new();
        for n in 0..1000u16 {
            if let Ok(code) = DepartementCode::parse(&n.to_string()) {
                accepted.push(code);
            }
        }
        accepted.push(DepartementCode::parse("2a").unwrap());
        accepted.push(DepartementCode::parse(" 2B ").unwrap());
        // 94 metropolitan numeric codes + 2 Corsican + 5 overseas = 101.
        assert_eq!(accepted.len(), 101);
        assert_eq!(accepted.iter().filter(|c| c.is_overseas()).count(), 5);
    }

    #[test]
    fn normalises_and_rejects_what_is_not_a_code() {
        assert_eq!(DepartementCode::parse("5").unwrap().as_str(), "05");
        assert_eq!(DepartementCode::parse("075").unwrap().as_str(), "75");
        for bad in ["20", "96", "975", "2C", "", "7 5", "abc", "9710"] {
            let err = DepartementCode::parse(bad).unwrap_err();
            assert_eq!(
                Problem::from(err),
                Problem::Departement { input: bad.into() }
            );
        }
    }

    #[test]
    fn serde_round_trip_validates() {
        let code: DepartementCode = serde_json::from_str("\"2b\"").unwrap();
        assert_eq!(code.as_str(), "2B");
        assert_eq!(serde_json::to_string(&code).unwrap(), "\"2B\"");
        assert!(serde_json::from_str::<DepartementCode>("\"99\"").is_err());
    }
}
