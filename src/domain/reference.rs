//! Reference data edited by admins: domains of expertise and their skills.

use serde::{Deserialize, Serialize};

use super::lang::Lang;
use super::problem::Problem;

/// A domain of expertise and its skills (reference data, editable by admins).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainRef {
    pub slug: String,
    pub label: String,
    /// Every skill, hidden ones included (so that labels and checks still know them).
    pub skills: Vec<(String, String)>,
    /// Slugs of the skills admins hid: offered only to a draft that already holds them.
    #[serde(default)]
    pub hidden_skills: Vec<String>,
}

impl DomainRef {
    /// The skills a form offers: the visible ones, and hidden ones the draft `holds`.
    pub fn offered_skills(&self, holds: impl Fn(&str) -> bool) -> Vec<(String, String)> {
        self.skills
            .iter()
            .filter(|(slug, _)| !self.hidden_skills.contains(slug) || holds(slug))
            .cloned()
            .collect()
    }
}

/// The choices the editor offers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferenceData {
    pub domains: Vec<DomainRef>,
    /// `(code, "code – name")`.
    pub departements: Vec<(String, String)>,
}

impl ReferenceData {
    pub fn domain_label<'a>(&'a self, slug: &'a str) -> &'a str {
        self.domains
            .iter()
            .find(|d| d.slug == slug)
            .map(|d| d.label.as_str())
            .unwrap_or(slug)
    }

    pub fn skill_label<'a>(&'a self, slug: &'a str) -> &'a str {
        self.domains
            .iter()
            .flat_map(|d| d.skills.iter())
            .find(|(s, _)| s == slug)
            .map(|(_, label)| label.as_str())
            .unwrap_or(slug)
    }

    /// The domain a skill belongs to.
    pub fn skill_domain(&self, slug: &str) -> Option<&str> {
        self.domains
            .iter()
            .find(|d| d.skills.iter().any(|(s, _)| s == slug))
            .map(|d| d.slug.as_str())
    }
}

/// A domain as the admin screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainAdmin {
    pub slug: String,
    pub label_fr: String,
    pub label_en: String,
    pub active: bool,
    /// `(slug, label_fr)`.
    pub skills: Vec<(String, String)>,
    /// Slugs of the skills hidden from new choices.
    pub hidden_skills: Vec<String>,
}

/// A label of 2 to 80 characters, spaces normalised; `lang`: the label's language.
pub fn parse_label(input: &str, lang: Lang) -> Result<String, Problem> {
    let label = input.split_whitespace().collect::<Vec<_>>().join(" ");
    match label.chars().count() {
        0 | 1 => Err(Problem::LabelTooShort { lang }),
        n if n > 80 => Err(Problem::LabelTooLong { lang }),
        _ => Ok(label),
    }
}

/// A stable identifier from a French label: `Économie circulaire` → `economie-circulaire`.
pub fn slugify(label: &str) -> Result<String, Problem> {
    let mut slug = String::new();
    for c in label.to_lowercase().chars() {
        let base = match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ÿ' => 'y',
            'œ' => {
                slug.push('o');
                'e'
            }
            'æ' => {
                slug.push('a');
                'e'
            }
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if base != '-' || !slug.ends_with('-') {
            slug.push(base);
        }
    }
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        return Err(Problem::LabelWithoutLetters);
    }
    Ok(slug.chars().take(60).collect())
}

/// A small reference set for unit tests: finance and its treasury skill.
#[cfg(test)]
pub fn sample() -> ReferenceData {
    ReferenceData {
        domains: vec![DomainRef {
            slug: "finance".into(),
            label: "Finance".into(),
            skills: vec![("tresorerie".into(), "Trésorerie".into())],
            hidden_skills: vec![],
        }],
        departements: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_stable() {
        assert_eq!(
            slugify("Économie circulaire").unwrap(),
            "economie-circulaire"
        );
        assert_eq!(
            slugify("  Maîtrise d'œuvre  ").unwrap(),
            "maitrise-d-oeuvre"
        );
        assert_eq!(slugify("IA & Data (2026)").unwrap(), "ia-data-2026");
        assert_eq!(slugify("—"), Err(Problem::LabelWithoutLetters));
        assert_eq!(
            parse_label("x", Lang::En),
            Err(Problem::LabelTooShort { lang: Lang::En })
        );
        assert_eq!(
            parse_label("  Data   science ", Lang::Fr).unwrap(),
            "Data science"
        );
    }

    #[test]
    fn a_hidden_skill_is_offered_only_to_whom_holds_it() {
        let mut refs = sample();
        refs.domains[0]
            .skills
            .push(("fiscalite".into(), "Fiscalité".into()));
        refs.domains[0].hidden_skills.push("tresorerie".into());
        let offered = |held: &[&str]| {
            refs.domains[0]
                .offered_skills(|s| held.contains(&s))
                .into_iter()
                .map(|(s, _)| s)
                .collect::<Vec<_>>()
        };
        assert_eq!(offered(&[]), ["fiscalite"]);
        assert_eq!(offered(&["tresorerie"]), ["tresorerie", "fiscalite"]);
        // Still known, so a profile that holds it stays valid.
        assert_eq!(refs.skill_domain("tresorerie"), Some("finance"));
    }
}
