//! Matching experts to a project, « en toute transparence et impartialité ».
//!
//! Pure rules shared by the server (index, reports) and the browser (explanations):
//! - [`passes_hard_filters`]: who may be proposed at all;
//! - [`score`]: how well an expert fits, criterion by criterion, each with its facts
//!   ([`Explanation`]), worded in each language by `ui::text::matching`;
//! - [`RankKey`]: the order of the results, ties broken by [`tie_break`].
//!
//! There is no paid boost, no seniority on the platform, no hidden input: the score
//! depends only on the project's criteria and the expert's profile facts below.

mod explain;
mod points;
mod ranking;
#[cfg(test)]
mod tests;

use crate::domain::id::{ExpertId, ProjectId};
use crate::domain::money::Euros;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The platform's one attestation rule (profile status, reminders and matching):
/// valid for six calendar months from its issue date.
pub use super::eligibility::attestation_valid_until;
pub use explain::{Explanation, LanguageFit, PlaceFit, Rejection, SkillMatch};
pub use points::*;
pub use ranking::*;

use super::departement::DepartementCode;
use super::profile::{Language, LanguageLevel, ProfileLevel};

/// A `domains.id` / `skills.id` of the database (`smallint`, always positive).
pub type DomainId = u16;
pub type SkillId = u16;

/// A language the project requires, at `min_level` at least.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageRequirement {
    /// ISO 639-1 code, e.g. `en`.
    pub code: String,
    pub min_level: LanguageLevel,
}

/// What matching needs from a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectCriteria {
    /// Seeds the tie-break: equal scores are ordered differently for each project.
    pub project_id: ProjectId,
    pub domain_id: DomainId,
    pub required_skills: Vec<SkillId>,
    pub optional_skills: Vec<SkillId>,
    pub level: Option<ProfileLevel>,
    pub languages: Vec<LanguageRequirement>,
    /// Where the mission takes place; ignored when `remote`.
    pub places: Vec<DepartementCode>,
    pub remote: bool,
    pub start: NaiveDate,
    /// Informative: the caller derives `max_daily_rate` from the budget and this.
    pub duration_days: Option<u32>,
    pub max_daily_rate: Option<Euros>,
}

impl ProjectCriteria {
    /// The same criteria without repetitions: skills once (a required skill is not also
    /// optional), each language once at its highest minimum, each place once.
    pub fn normalized(&self) -> Self {
        let mut required = self.required_skills.clone();
        dedup_in_order(&mut required);
        let mut optional: Vec<SkillId> = self
            .optional_skills
            .iter()
            .copied()
            .filter(|s| !required.contains(s))
            .collect();
        dedup_in_order(&mut optional);
        let mut languages: Vec<LanguageRequirement> = Vec::new();
        for req in &self.languages {
            match languages.iter_mut().find(|l| l.code == req.code) {
                Some(l) => l.min_level = l.min_level.max(req.min_level),
                None => languages.push(req.clone()),
            }
        }
        let mut places = self.places.clone();
        dedup_in_order(&mut places);
        Self {
            required_skills: required,
            optional_skills: optional,
            languages,
            places,
            ..self.clone()
        }
    }
}

fn dedup_in_order<T: PartialEq>(items: &mut Vec<T>) {
    let mut i = 0;
    while i < items.len() {
        if items[..i].contains(&items[i]) {
            items.remove(i);
        } else {
            i += 1;
        }
    }
}

/// A skill of an expert. `years: None`: the expert did not say for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpertSkill {
    pub skill_id: SkillId,
    pub years: Option<u8>,
}

/// The profile facts matching reads, and nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpertFacts {
    pub id: ExpertId,
    pub published: bool,
    /// Date of the URSSAF attestation (« attestation de vigilance »), if deposited.
    pub attestation_issued_on: Option<NaiveDate>,
    pub domains: Vec<DomainId>,
    pub skills: Vec<ExpertSkill>,
    pub languages: Vec<Language>,
    pub years_experience: u8,
    pub departement: DepartementCode,
    /// Other départements where the expert is willing to work.
    pub mobility: Vec<DepartementCode>,
    pub remote_ok: bool,
    pub available_from: Option<NaiveDate>,
    pub daily_rate: Option<Euros>,
}

impl ExpertFacts {
    /// `None`: not declared; `Some(years)`: declared (repeated entries: the longest).
    pub fn skill_years(&self, skill: SkillId) -> Option<Option<u8>> {
        self.skills
            .iter()
            .filter(|s| s.skill_id == skill)
            .map(|s| s.years)
            .max()
    }

    /// The expert's level in `code` (repeated entries: the highest).
    pub fn language_level(&self, code: &str) -> Option<LanguageLevel> {
        self.languages
            .iter()
            .filter(|l| l.code == code)
            .map(|l| l.level)
            .max()
    }

    pub fn level(&self) -> ProfileLevel {
        ProfileLevel::from_years(u32::from(self.years_experience))
    }
}

/// The criteria of the score, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    Skills,
    Level,
    Languages,
    Place,
    Availability,
    Rate,
}

/// THE weights table (percent, sum 100). Skills weigh most: they are what the client
/// asks for. A criterion the project does not state (no skills, no level, no language,
/// no maximum rate) is left out and the others are renormalised.
pub const WEIGHTS: [(Criterion, u8); 6] = [
    (Criterion::Skills, 35),
    (Criterion::Level, 20),
    (Criterion::Languages, 10),
    (Criterion::Place, 10),
    (Criterion::Availability, 15),
    (Criterion::Rate, 10),
];

/// The score (0..=100) an unknown criterion counts for: the middle of the scale.
pub const NEUTRAL: u8 = 50;

/// The best possible total.
pub const TOTAL_MAX: u16 = 1000;

impl Criterion {
    pub const ALL: [Criterion; 6] = [
        Criterion::Skills,
        Criterion::Level,
        Criterion::Languages,
        Criterion::Place,
        Criterion::Availability,
        Criterion::Rate,
    ];

    pub fn weight(self) -> u8 {
        WEIGHTS
            .iter()
            .find(|(c, _)| *c == self)
            .map_or(0, |(_, w)| *w)
    }
}

/// One criterion of a score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionScore {
    pub criterion: Criterion,
    /// The weight it counts for: [`Criterion::weight`], or 0 when the project does not
    /// state this criterion.
    pub weight: u8,
    /// 0..=100; `None`: the expert's profile does not say (counted as [`NEUTRAL`]).
    pub score: Option<u8>,
    pub detail: Explanation,
}

/// An expert's score for a project, with its explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchScore {
    /// 0..=[`TOTAL_MAX`], see [`combine`].
    pub total: u16,
    /// Percent of the counted weight whose facts are known.
    pub known_share: u8,
    pub criteria: Vec<CriterionScore>,
}

/// THE combination rule. With `W` the weight of the criteria the project states and
/// `s_i` their scores (0..=100, unknown = [`NEUTRAL`]):
/// `total = round(10 × Σ w_i·s_i / W)`, on 0..=1000.
/// Equivalently: the weighted mean of the known criteria, shrunk toward the neutral
/// value in proportion to the unknown weight, so that an expert with little data
/// neither wins nor loses by default. `weighted_sum` is `Σ w_i·s_i`.
pub fn total_from_sum(weighted_sum: u32, counted_weight: u32) -> u16 {
    if counted_weight == 0 {
        return TOTAL_MAX / 2;
    }
    let total = (weighted_sum * 10 + counted_weight / 2) / counted_weight;
    total.min(u32::from(TOTAL_MAX)) as u16
}

/// Total and known share of `(weight, score)` pairs (weight 0: criterion not stated).
pub fn combine(parts: impl IntoIterator<Item = (u8, Option<u8>)>) -> (u16, u8) {
    let (mut sum, mut counted, mut known) = (0u32, 0u32, 0u32);
    for (weight, score) in parts {
        let w = u32::from(weight);
        sum += w * u32::from(score.unwrap_or(NEUTRAL).min(100));
        counted += w;
        if score.is_some() {
            known += w;
        }
    }
    let share = (known * 100 + counted / 2)
        .checked_div(counted)
        .unwrap_or(100);
    (total_from_sum(sum, counted), share as u8)
}

/// The score of `expert` for `criteria`, explained (`today` only tells « déjà
/// disponible » apart in the explanation; it does not change the score).
pub fn score(expert: &ExpertFacts, criteria: &ProjectCriteria, today: NaiveDate) -> MatchScore {
    let c = criteria.normalized();
    let criteria: Vec<CriterionScore> = Criterion::ALL
        .into_iter()
        .map(|criterion| {
            let (stated, score, detail) = explain::criterion(criterion, expert, &c, today);
            CriterionScore {
                criterion,
                weight: if stated { criterion.weight() } else { 0 },
                score: if stated { score } else { None },
                detail,
            }
        })
        .collect();
    let (total, known_share) = combine(criteria.iter().map(|c| (c.weight, c.score)));
    MatchScore {
        total,
        known_share,
        criteria,
    }
}
