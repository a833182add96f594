//! Expert profiles: what the public sees, who sees the rest, and the profile level rule.

use serde::{Deserialize, Serialize};

use super::departement::DepartementCode;

/// Who may see a profile field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Anyone, on the public card (photo, first name, département, domains, languages,
    /// education, profile level).
    Public,
    /// Clients to whom the profile was proposed, the expert and admins.
    ProposedClients,
    /// The expert and admins only (e.g. the URSSAF attestation's details).
    AdminOnly,
}

/// Who is looking at a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Viewer {
    Anonymous,
    ProposedClient,
    Admin,
}

impl Viewer {
    pub fn sees(self, visibility: Visibility) -> bool {
        matches!(
            (self, visibility),
            (_, Visibility::Public)
                | (Viewer::ProposedClient, Visibility::ProposedClients)
                | (Viewer::Admin, _)
        )
    }
}

/// The profile level, derived from years of professional experience:
/// under 3 years Junior, 3 to 7 Confirmé, 8 to 14 Senior, 15 and more Expert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileLevel {
    Junior,
    Confirme,
    Senior,
    Expert,
}

impl ProfileLevel {
    pub const ALL: [ProfileLevel; 4] = [
        ProfileLevel::Junior,
        ProfileLevel::Confirme,
        ProfileLevel::Senior,
        ProfileLevel::Expert,
    ];

    pub fn from_years(years: u32) -> Self {
        match years {
            0..=2 => ProfileLevel::Junior,
            3..=7 => ProfileLevel::Confirme,
            8..=14 => ProfileLevel::Senior,
            _ => ProfileLevel::Expert,
        }
    }

    pub fn label_fr(self) -> &'static str {
        match self {
            ProfileLevel::Junior => "Junior",
            ProfileLevel::Confirme => "Confirmé",
            ProfileLevel::Senior => "Senior",
            ProfileLevel::Expert => "Expert",
        }
    }
}

/// Language proficiency on the CEFR scale, plus native speakers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum LanguageLevel {
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
    Native,
}

impl LanguageLevel {
    pub fn label_fr(self) -> &'static str {
        match self {
            LanguageLevel::A1 => "A1 (débutant)",
            LanguageLevel::A2 => "A2 (élémentaire)",
            LanguageLevel::B1 => "B1 (intermédiaire)",
            LanguageLevel::B2 => "B2 (avancé)",
            LanguageLevel::C1 => "C1 (autonome)",
            LanguageLevel::C2 => "C2 (maîtrise)",
            LanguageLevel::Native => "Langue maternelle",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Language {
    /// ISO 639-1 code, e.g. `fr`, `en`.
    pub code: String,
    pub level: LanguageLevel,
}

/// The partial card anyone may see. It has no field for private data, so a directory
/// built from it cannot leak any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicCard {
    pub id: uuid::Uuid,
    pub first_name: String,
    pub photo_url: Option<String>,
    pub departement: DepartementCode,
    pub domains: Vec<String>,
    pub languages: Vec<Language>,
    pub education: Vec<String>,
    pub level: ProfileLevel,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_rule_boundaries() {
        let cases = [
            (0, ProfileLevel::Junior),
            (2, ProfileLevel::Junior),
            (3, ProfileLevel::Confirme),
            (7, ProfileLevel::Confirme),
            (8, ProfileLevel::Senior),
            (14, ProfileLevel::Senior),
            (15, ProfileLevel::Expert),
            (40, ProfileLevel::Expert),
        ];
        for (years, level) in cases {
            assert_eq!(ProfileLevel::from_years(years), level, "{years} years");
        }
    }

    #[test]
    fn visibility_by_viewer() {
        assert!(Viewer::Anonymous.sees(Visibility::Public));
        assert!(!Viewer::Anonymous.sees(Visibility::ProposedClients));
        assert!(Viewer::ProposedClient.sees(Visibility::ProposedClients));
        assert!(!Viewer::ProposedClient.sees(Visibility::AdminOnly));
        assert!(Viewer::Admin.sees(Visibility::AdminOnly));
    }
}
