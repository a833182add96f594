//! The facts behind each criterion and why an expert is not proposed; their sentences
//! are written by `ui::text::matching`, in the reader's language.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    availability_points, language_points, level_points, mean_points, place_fit, place_points,
    rate_points, skills_points, to_cents, Criterion, ExpertFacts, ProjectCriteria, SkillId,
};
use crate::domain::departement::DepartementCode;
use crate::domain::profile::{LanguageLevel, ProfileLevel};

/// A project skill the expert has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillMatch {
    pub skill_id: SkillId,
    pub required: bool,
    /// `None`: years not given.
    pub years: Option<u8>,
}

/// A required language, against the expert's level (`None`: not declared).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageFit {
    pub code: String,
    pub min: LanguageLevel,
    pub have: Option<LanguageLevel>,
}

/// Where the expert stands against the project's places.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PlaceFit {
    /// Based in one of the mission's départements.
    Home { departement: DepartementCode },
    /// Mobile to this département of the mission (the first one, in the project's order).
    Mobility { departement: DepartementCode },
    /// Remote mission, expert open to remote work.
    Remote,
    /// Remote mission, expert who did not tick « missions à distance ».
    RemoteNotAccepted,
    /// On-site mission, neither based nor mobile in its départements (does not pass the
    /// filters, whether or not the expert works remotely).
    Outside,
}

/// The facts of one criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Explanation {
    /// The project does not state this criterion: it does not count.
    NotRequested {
        criterion: Criterion,
    },
    Skills {
        required_covered: u16,
        required_total: u16,
        optional_covered: u16,
        optional_total: u16,
        /// The project's skills the expert has, required first, in the project's order.
        matched: Vec<SkillMatch>,
    },
    /// The expert declared no skill at all.
    SkillsUnknown {
        required_total: u16,
        optional_total: u16,
    },
    Level {
        expert: ProfileLevel,
        years: u8,
        wanted: ProfileLevel,
    },
    Languages {
        languages: Vec<LanguageFit>,
    },
    Place {
        fit: PlaceFit,
    },
    Availability {
        from: NaiveDate,
        start: NaiveDate,
        /// Available today already.
        now: bool,
    },
    AvailabilityUnknown {
        start: NaiveDate,
    },
    Rate {
        rate_cents: u32,
        max_cents: u32,
    },
    RateUnknown {
        max_cents: u32,
    },
}

/// Why an expert is not proposed for a project (worded by `ui::text::matching`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rejection {
    NotPublished,
    NoAttestation,
    AttestationInFuture,
    AttestationExpired {
        since: NaiveDate,
    },
    DomainMissing,
    Language {
        code: String,
        min: LanguageLevel,
        have: Option<LanguageLevel>,
    },
    NotAvailable {
        from: NaiveDate,
        start: NaiveDate,
    },
    OutOfArea,
}

/// One criterion: whether the project states it, the expert's score (`None`: unknown)
/// and the facts. `c` is normalised.
pub(super) fn criterion(
    criterion: Criterion,
    expert: &ExpertFacts,
    c: &ProjectCriteria,
    today: NaiveDate,
) -> (bool, Option<u8>, Explanation) {
    let not_requested = (false, None, Explanation::NotRequested { criterion });
    match criterion {
        Criterion::Skills => {
            let (rt, ot) = (c.required_skills.len(), c.optional_skills.len());
            if rt + ot == 0 {
                return not_requested;
            }
            let (rt, ot) = (rt as u16, ot as u16);
            if expert.skills.is_empty() {
                let detail = Explanation::SkillsUnknown {
                    required_total: rt,
                    optional_total: ot,
                };
                return (true, None, detail);
            }
            let required = c.required_skills.iter().map(|s| (*s, true));
            let optional = c.optional_skills.iter().map(|s| (*s, false));
            let matched: Vec<SkillMatch> = required
                .chain(optional)
                .filter_map(|(skill_id, required)| {
                    let years = expert.skill_years(skill_id)?;
                    Some(SkillMatch {
                        skill_id,
                        required,
                        years,
                    })
                })
                .collect();
            let rc = matched.iter().filter(|m| m.required).count() as u16;
            let oc = matched.len() as u16 - rc;
            let points = skills_points(rc.into(), rt.into(), oc.into(), ot.into());
            let detail = Explanation::Skills {
                required_covered: rc,
                required_total: rt,
                optional_covered: oc,
                optional_total: ot,
                matched,
            };
            (true, Some(points), detail)
        }
        Criterion::Level => match c.level {
            None => not_requested,
            Some(wanted) => {
                let detail = Explanation::Level {
                    expert: expert.level(),
                    years: expert.years_experience,
                    wanted,
                };
                (true, Some(level_points(expert.level(), wanted)), detail)
            }
        },
        Criterion::Languages => {
            if c.languages.is_empty() {
                return not_requested;
            }
            let languages: Vec<LanguageFit> = c
                .languages
                .iter()
                .map(|req| LanguageFit {
                    code: req.code.clone(),
                    min: req.min_level,
                    have: expert.language_level(&req.code),
                })
                .collect();
            let sum = languages
                .iter()
                .map(|l| u32::from(language_points(l.have, l.min)))
                .sum();
            let points = mean_points(sum, languages.len() as u32);
            (true, Some(points), Explanation::Languages { languages })
        }
        Criterion::Place => {
            let fit = place_fit(expert, c);
            (true, place_points(&fit), Explanation::Place { fit })
        }
        Criterion::Availability => match expert.available_from {
            None => (
                true,
                None,
                Explanation::AvailabilityUnknown { start: c.start },
            ),
            Some(from) => {
                let detail = Explanation::Availability {
                    from,
                    start: c.start,
                    now: from <= today,
                };
                (true, Some(availability_points(from, c.start)), detail)
            }
        },
        Criterion::Rate => {
            let Some(max_cents) = c.max_daily_rate.and_then(to_cents) else {
                return not_requested;
            };
            match expert.daily_rate.and_then(to_cents) {
                None => (true, None, Explanation::RateUnknown { max_cents }),
                Some(rate_cents) => {
                    let detail = Explanation::Rate {
                        rate_cents,
                        max_cents,
                    };
                    (true, Some(rate_points(rate_cents, max_cents)), detail)
                }
            }
        }
    }
}
