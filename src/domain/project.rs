//! Client projects: the wizard's draft (raw input, never lost), its steps and checks,
//! the budget rules, and the project as experts and admins see it.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::money::Euros;
use super::parse::{mobility_codes, parse_budget, parse_date, parse_days, parse_rate};
use super::problem::Problem;
use super::profile::LanguageEntry;
use super::profile::{LanguageLevel, ProfileLevel, LANGUAGES};
use super::reference::ReferenceData;

/// How the client wants to meet candidates (worded by `ui::text::project`); stored in
/// `projects.contact_formats` through [`ContactFormat::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactFormat {
    Phone,
    Chat,
    Video,
    Meeting,
}

impl ContactFormat {
    pub const ALL: [ContactFormat; 4] = [
        ContactFormat::Phone,
        ContactFormat::Chat,
        ContactFormat::Video,
        ContactFormat::Meeting,
    ];

    /// The stored value: the one mapping, also the draft's and the form's.
    pub fn as_str(self) -> &'static str {
        match self {
            ContactFormat::Phone => "phone",
            ContactFormat::Chat => "chat",
            ContactFormat::Video => "video",
            ContactFormat::Meeting => "meeting",
        }
    }
}

impl AsRef<str> for ContactFormat {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

/// How the client gives the budget: a total, or a daily rate times a number of days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetMode {
    #[default]
    Global,
    Daily,
}

/// The wizard's steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    Basics,
    Profile,
    PlaceAndDates,
    Budget,
    Contact,
    Review,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::Basics,
        Step::Profile,
        Step::PlaceAndDates,
        Step::Budget,
        Step::Contact,
        Step::Review,
    ];

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn from_index(i: usize) -> Self {
        Self::ALL[i.min(Self::ALL.len() - 1)]
    }
}

/// What the client typed, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectDraft {
    pub title: String,
    pub description: String,
    /// A domain slug.
    pub domain: String,
    /// Skill slugs.
    pub required_skills: Vec<String>,
    pub optional_skills: Vec<String>,
    /// A [`ProfileLevel`] slug, or empty for any level.
    pub level: String,
    pub languages: Vec<LanguageEntry>,
    pub remote: bool,
    /// Départements, separated by commas.
    pub places: String,
    pub start_date: String,
    pub duration_days: String,
    pub budget_mode: BudgetMode,
    pub budget: String,
    pub daily_rate: String,
    pub days: String,
    pub contact_formats: Vec<ContactFormat>,
    /// Hide the company's name from experts until they are proposed.
    pub confidential: bool,
}

impl Default for ProjectDraft {
    fn default() -> Self {
        Self {
            title: String::new(),
            description: String::new(),
            domain: String::new(),
            required_skills: Vec::new(),
            optional_skills: Vec::new(),
            level: String::new(),
            languages: Vec::new(),
            remote: false,
            places: String::new(),
            start_date: String::new(),
            duration_days: String::new(),
            budget_mode: BudgetMode::Global,
            budget: String::new(),
            daily_rate: String::new(),
            days: String::new(),
            contact_formats: Vec::new(),
            confidential: false,
        }
    }
}

/// A problem with one field of the wizard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectProblem {
    pub field: String,
    pub problem: Problem,
}

fn count(s: &str) -> usize {
    s.trim().chars().count()
}

impl ProjectDraft {
    /// Problems of one step. `strict`: empty required fields count (when leaving the
    /// step); otherwise only what was typed is judged (as the client types).
    pub fn problems(
        &self,
        step: Step,
        refs: &ReferenceData,
        today: NaiveDate,
        strict: bool,
    ) -> Vec<ProjectProblem> {
        let mut out = Vec::new();
        let mut push = |field: &str, problem: Problem| {
            out.push(ProjectProblem {
                field: field.into(),
                problem,
            })
        };
        let filled = |s: &str| !s.trim().is_empty();
        match step {
            Step::Basics => {
                if (strict || filled(&self.title)) && !(3..=200).contains(&count(&self.title)) {
                    push("title", Problem::ProjectTitle);
                }
                if (strict || filled(&self.description))
                    && !(20..=5000).contains(&count(&self.description))
                {
                    push("description", Problem::ProjectDescription);
                }
                if (strict || filled(&self.domain))
                    && !refs.domains.iter().any(|d| d.slug == self.domain)
                {
                    push("domain", Problem::ProjectDomain);
                }
            }
            Step::Profile => {
                let of_domain = |s: &String| refs.skill_domain(s) == Some(self.domain.as_str());
                if strict && self.required_skills.is_empty() {
                    push("required_skills", Problem::RequiredSkillMissing);
                }
                if !self
                    .required_skills
                    .iter()
                    .chain(&self.optional_skills)
                    .all(of_domain)
                {
                    push("required_skills", Problem::SkillsOutsideDomain);
                }
                if self
                    .optional_skills
                    .iter()
                    .any(|s| self.required_skills.contains(s))
                {
                    push("required_skills", Problem::SkillRequiredAndOptional);
                }
                if filled(&self.level) && ProfileLevel::parse(&self.level).is_none() {
                    push("level", Problem::LevelUnknown);
                }
                for l in &self.languages {
                    if !LANGUAGES.contains(&l.code.as_str())
                        || LanguageLevel::parse(&l.level).is_none()
                    {
                        push("languages", Problem::ProjectLanguages);
                    }
                }
            }
            Step::PlaceAndDates => {
                let places = mobility_codes(&self.places);
                if let Some(Err(m)) = places.iter().find(|p| p.is_err()) {
                    push("places", m.clone());
                } else if strict && !self.remote && places.is_empty() {
                    push("places", Problem::PlacesRequired);
                }
                if strict || filled(&self.start_date) {
                    match parse_date(&self.start_date) {
                        Err(m) => push("start_date", m),
                        Ok(d) if d < today => push("start_date", Problem::StartDatePast),
                        _ => {}
                    }
                }
                if strict || filled(&self.duration_days) {
                    if let Err(m) = parse_days(&self.duration_days) {
                        push("duration_days", m);
                    }
                }
            }
            Step::Budget => {
                if self.budget_mode == BudgetMode::Daily {
                    if strict || filled(&self.daily_rate) {
                        if let Err(m) = parse_rate(&self.daily_rate) {
                            push("daily_rate", m);
                        }
                    }
                    if strict || filled(&self.days) {
                        match (parse_days(&self.days), parse_days(&self.duration_days)) {
                            (Err(m), _) => push("days", m),
                            (Ok(billed), Ok(duration)) if billed > duration => {
                                push("days", Problem::BilledDaysOverDuration { duration })
                            }
                            _ => {}
                        }
                    }
                } else if strict || filled(&self.budget) {
                    if let Err(m) = parse_budget(&self.budget) {
                        push("budget", m);
                    }
                }
            }
            Step::Contact => {
                if strict && self.contact_formats.is_empty() {
                    push("contact_formats", Problem::ContactFormatRequired);
                }
            }
            Step::Review => {}
        }
        out
    }

    /// Every problem, every step, strictly: what blocks the submission.
    pub fn all_problems(&self, refs: &ReferenceData, today: NaiveDate) -> Vec<ProjectProblem> {
        Step::ALL
            .iter()
            .flat_map(|s| self.problems(*s, refs, today, true))
            .collect()
    }

    /// The mission's total budget, € HT.
    pub fn total_budget(&self) -> Option<Euros> {
        if self.budget_mode == BudgetMode::Daily {
            let rate = parse_rate(&self.daily_rate).ok()?;
            let days = parse_days(&self.days).ok()?;
            rate.times(Decimal::from(days))
        } else {
            parse_budget(&self.budget).ok()
        }
    }

    /// The highest daily rate the budget allows: the rate given, or the budget spread
    /// over the duration (unknown without a duration).
    pub fn max_daily_rate(&self) -> Option<Euros> {
        if self.budget_mode == BudgetMode::Daily {
            return parse_rate(&self.daily_rate).ok();
        }
        let budget = parse_budget(&self.budget).ok()?;
        let duration = parse_days(&self.duration_days).ok()?;
        // Rounded as every amount is: to the cent, half away from zero.
        Some(Euros::round(budget.as_decimal() / Decimal::from(duration)))
    }
}

mod lifecycle;
mod size;
mod views;
pub use lifecycle::*;
pub use views::*;

#[cfg(test)]
mod tests;
