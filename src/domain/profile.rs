//! Expert profiles: what the public sees, who sees the rest, and the profile level rule.

use serde::{Deserialize, Serialize};

mod check;
mod draft;

pub use check::{Gap, Issue};
pub use draft::{
    DraftFiles, ExperienceEntry, FieldId, FileInfo, FullDossier, LanguageEntry, ProfileDraft,
    ReferenceEntry, SkillEntry,
};

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

    /// The one place the rule lives: the fewest years of experience for each level.
    const MIN_YEARS: [(ProfileLevel, u32); 4] = [
        (ProfileLevel::Junior, 0),
        (ProfileLevel::Confirme, 3),
        (ProfileLevel::Senior, 8),
        (ProfileLevel::Expert, 15),
    ];

    pub fn from_years(years: u32) -> Self {
        Self::MIN_YEARS
            .iter()
            .rev()
            .find(|(_, min)| years >= *min)
            .map(|(level, _)| *level)
            .unwrap_or(ProfileLevel::Junior)
    }

    /// The years of experience of this level: `min..=max` (`None`: no upper bound).
    pub fn years_bounds(self) -> (u32, Option<u32>) {
        let i = Self::MIN_YEARS
            .iter()
            .position(|(l, _)| *l == self)
            .unwrap_or(0);
        let min = Self::MIN_YEARS[i].1;
        let max = Self::MIN_YEARS.get(i + 1).map(|(_, next)| next - 1);
        (min, max)
    }

    pub fn slug(self) -> &'static str {
        match self {
            ProfileLevel::Junior => "junior",
            ProfileLevel::Confirme => "confirme",
            ProfileLevel::Senior => "senior",
            ProfileLevel::Expert => "expert",
        }
    }

    pub fn parse(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.slug() == slug)
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
    /// Every level, from the lowest.
    pub const ALL: [LanguageLevel; 7] = [
        LanguageLevel::A1,
        LanguageLevel::A2,
        LanguageLevel::B1,
        LanguageLevel::B2,
        LanguageLevel::C1,
        LanguageLevel::C2,
        LanguageLevel::Native,
    ];

    /// The stored and submitted value (`expert_languages.level`, project languages):
    /// the one mapping, used by the database binds.
    pub fn as_str(self) -> &'static str {
        match self {
            LanguageLevel::A1 => "A1",
            LanguageLevel::A2 => "A2",
            LanguageLevel::B1 => "B1",
            LanguageLevel::B2 => "B2",
            LanguageLevel::C1 => "C1",
            LanguageLevel::C2 => "C2",
            LanguageLevel::Native => "Native",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Language {
    /// ISO 639-1 code, e.g. `fr`, `en`.
    pub code: String,
    pub level: LanguageLevel,
}

/// The directory's filter choices: `(slug, label)` of the active domains, in the page's
/// language, and `(code, label)` of the départements.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterChoices {
    pub domains: Vec<(String, String)>,
    pub departements: Vec<(String, String)>,
}

/// The partial card anyone may see. It has no field for private data, so a directory
/// built from it cannot leak any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicCard {
    /// `None` on the preview of a profile never published: it has no public page yet.
    pub id: Option<crate::domain::id::ExpertId>,
    pub first_name: String,
    pub photo_url: Option<String>,
    /// Always set on published cards; a draft's preview may not have it yet.
    pub departement: Option<DepartementCode>,
    pub domains: Vec<String>,
    pub languages: Vec<Language>,
    pub education: Vec<String>,
    pub level: ProfileLevel,
    /// Demonstration data, shown as such.
    pub demo: bool,
}

/// Languages offered as directory filters (ISO 639-1), with their French names.
pub const LANGUAGES: [&str; 8] = ["fr", "en", "de", "es", "it", "pt", "ar", "zh"];

fn non_empty(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

/// Directory filters, parsed from the query string. Unknown values are dropped, not
/// errors: a stale link still shows a directory.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryQuery {
    pub domain: Option<String>,
    pub departement: Option<DepartementCode>,
    pub language: Option<String>,
    pub level: Option<ProfileLevel>,
    pub page: u32,
}

pub const DIRECTORY_PAGE_SIZE: u32 = 24;

impl DirectoryQuery {
    /// Whether the visitor narrowed the list at all (the page number does not count).
    pub fn has_filters(&self) -> bool {
        self.domain.is_some()
            || self.departement.is_some()
            || self.language.is_some()
            || self.level.is_some()
    }

    pub fn parse(
        domain: Option<&str>,
        departement: Option<&str>,
        language: Option<&str>,
        level: Option<&str>,
        page: Option<&str>,
    ) -> Self {
        Self {
            domain: non_empty(domain)
                .filter(|s| s.len() <= 40 && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
                .map(str::to_string),
            departement: non_empty(departement).and_then(|d| DepartementCode::parse(d).ok()),
            language: non_empty(language)
                .filter(|l| LANGUAGES.contains(l))
                .map(str::to_string),
            level: non_empty(level).and_then(ProfileLevel::parse),
            page: non_empty(page)
                .and_then(|p| p.parse().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1)
                .min(10_000),
        }
    }

    /// The query string of this search at another page.
    pub fn href(&self, page: u32) -> String {
        let mut parts = Vec::new();
        if let Some(d) = &self.domain {
            parts.push(format!("domaine={d}"));
        }
        if let Some(d) = &self.departement {
            parts.push(format!("departement={d}"));
        }
        if let Some(l) = &self.language {
            parts.push(format!("langue={l}"));
        }
        if let Some(l) = self.level {
            parts.push(format!("niveau={}", l.slug()));
        }
        if page > 1 {
            parts.push(format!("page={page}"));
        }
        if parts.is_empty() {
            "/experts".to_string()
        } else {
            format!("/experts?{}", parts.join("&"))
        }
    }
}

/// One page of directory results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryPage {
    pub cards: Vec<PublicCard>,
    pub total: i64,
    pub page: u32,
    pub pages: u32,
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
    fn level_bounds_match_the_rule() {
        assert_eq!(ProfileLevel::Junior.years_bounds(), (0, Some(2)));
        assert_eq!(ProfileLevel::Senior.years_bounds(), (8, Some(14)));
        assert_eq!(ProfileLevel::Expert.years_bounds(), (15, None));
        for years in 0..50 {
            let (min, max) = ProfileLevel::from_years(years).years_bounds();
            assert!(years >= min && max.is_none_or(|m| years <= m));
        }
    }

    #[test]
    fn directory_query_keeps_only_valid_filters() {
        let q = DirectoryQuery::parse(
            Some("finance"),
            Some("2a"),
            Some("en"),
            Some("senior"),
            Some("3"),
        );
        assert_eq!(q.departement.as_ref().unwrap().as_str(), "2A");
        assert_eq!(q.level, Some(ProfileLevel::Senior));
        assert_eq!(
            q.href(4),
            "/experts?domaine=finance&departement=2A&langue=en&niveau=senior&page=4"
        );
        let bad = DirectoryQuery::parse(
            Some("<script>"),
            Some("99"),
            Some("xx"),
            Some("roi"),
            Some("-1"),
        );
        assert_eq!(
            bad,
            DirectoryQuery {
                page: 1,
                ..Default::default()
            }
        );
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
