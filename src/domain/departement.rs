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

    /// The département's name ("Rhône" for `69`), as INSEE gives it.
    pub fn name(&self) -> &'static str {
        NAMES
            .iter()
            .find(|(code, _)| *code == self.0)
            .map_or("", |(_, name)| name)
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

/// Every département's name, as in the reference data of the database (the migration
/// `reference_data` holds the same list; a test checks they agree).
const NAMES: [(&str, &str); 101] = [
    ("01", "Ain"),
    ("02", "Aisne"),
    ("03", "Allier"),
    ("04", "Alpes-de-Haute-Provence"),
    ("05", "Hautes-Alpes"),
    ("06", "Alpes-Maritimes"),
    ("07", "Ardèche"),
    ("08", "Ardennes"),
    ("09", "Ariège"),
    ("10", "Aube"),
    ("11", "Aude"),
    ("12", "Aveyron"),
    ("13", "Bouches-du-Rhône"),
    ("14", "Calvados"),
    ("15", "Cantal"),
    ("16", "Charente"),
    ("17", "Charente-Maritime"),
    ("18", "Cher"),
    ("19", "Corrèze"),
    ("2A", "Corse-du-Sud"),
    ("2B", "Haute-Corse"),
    ("21", "Côte-d'Or"),
    ("22", "Côtes-d'Armor"),
    ("23", "Creuse"),
    ("24", "Dordogne"),
    ("25", "Doubs"),
    ("26", "Drôme"),
    ("27", "Eure"),
    ("28", "Eure-et-Loir"),
    ("29", "Finistère"),
    ("30", "Gard"),
    ("31", "Haute-Garonne"),
    ("32", "Gers"),
    ("33", "Gironde"),
    ("34", "Hérault"),
    ("35", "Ille-et-Vilaine"),
    ("36", "Indre"),
    ("37", "Indre-et-Loire"),
    ("38", "Isère"),
    ("39", "Jura"),
    ("40", "Landes"),
    ("41", "Loir-et-Cher"),
    ("42", "Loire"),
    ("43", "Haute-Loire"),
    ("44", "Loire-Atlantique"),
    ("45", "Loiret"),
    ("46", "Lot"),
    ("47", "Lot-et-Garonne"),
    ("48", "Lozère"),
    ("49", "Maine-et-Loire"),
    ("50", "Manche"),
    ("51", "Marne"),
    ("52", "Haute-Marne"),
    ("53", "Mayenne"),
    ("54", "Meurthe-et-Moselle"),
    ("55", "Meuse"),
    ("56", "Morbihan"),
    ("57", "Moselle"),
    ("58", "Nièvre"),
    ("59", "Nord"),
    ("60", "Oise"),
    ("61", "Orne"),
    ("62", "Pas-de-Calais"),
    ("63", "Puy-de-Dôme"),
    ("64", "Pyrénées-Atlantiques"),
    ("65", "Hautes-Pyrénées"),
    ("66", "Pyrénées-Orientales"),
    ("67", "Bas-Rhin"),
    ("68", "Haut-Rhin"),
    ("69", "Rhône"),
    ("70", "Haute-Saône"),
    ("71", "Saône-et-Loire"),
    ("72", "Sarthe"),
    ("73", "Savoie"),
    ("74", "Haute-Savoie"),
    ("75", "Paris"),
    ("76", "Seine-Maritime"),
    ("77", "Seine-et-Marne"),
    ("78", "Yvelines"),
    ("79", "Deux-Sèvres"),
    ("80", "Somme"),
    ("81", "Tarn"),
    ("82", "Tarn-et-Garonne"),
    ("83", "Var"),
    ("84", "Vaucluse"),
    ("85", "Vendée"),
    ("86", "Vienne"),
    ("87", "Haute-Vienne"),
    ("88", "Vosges"),
    ("89", "Yonne"),
    ("90", "Territoire de Belfort"),
    ("91", "Essonne"),
    ("92", "Hauts-de-Seine"),
    ("93", "Seine-Saint-Denis"),
    ("94", "Val-de-Marne"),
    ("95", "Val-d'Oise"),
    ("971", "Guadeloupe"),
    ("972", "Martinique"),
    ("973", "Guyane"),
    ("974", "La Réunion"),
    ("976", "Mayotte"),
];

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
        for code in &accepted {
            assert!(!code.name().is_empty(), "{code:?} has no name");
        }
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
