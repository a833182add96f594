//! The facts behind each criterion, why an expert is not proposed, and their French
//! sentences.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    availability_points, language_points, level_points, mean_points, place_fit, place_points,
    rate_points, skills_points, to_cents, Criterion, ExpertFacts, ProjectCriteria, SkillId,
};
use crate::domain::departement::DepartementCode;
use crate::domain::profile::{language_name, LanguageLevel, ProfileLevel};

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

/// Why an expert is not proposed for a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rejection {
    #[error("Profil non publié")]
    NotPublished,
    #[error("Attestation URSSAF non déposée")]
    NoAttestation,
    #[error("Attestation URSSAF datée dans le futur")]
    AttestationInFuture,
    #[error("Attestation URSSAF expirée depuis le {}", date(.since))]
    AttestationExpired { since: NaiveDate },
    #[error("Domaine du projet absent du profil")]
    DomainMissing,
    #[error("{} : {} exigé, {}", language_name(.code), .min.label_fr(), have_label(.have))]
    Language {
        code: String,
        min: LanguageLevel,
        have: Option<LanguageLevel>,
    },
    #[error("Disponible seulement le {}, après le début ({})", date(.from), date(.start))]
    NotAvailable { from: NaiveDate, start: NaiveDate },
    #[error("Ni basé ni mobile dans les départements de la mission")]
    OutOfArea,
}

fn have_label(have: &Option<LanguageLevel>) -> String {
    match have {
        Some(l) => format!("niveau {} déclaré", l.label_fr()),
        None => "langue non déclarée".to_string(),
    }
}

fn date(d: &NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// `65000` → « 650 € », `65050` → « 650,50 € », thousands with a narrow space.
fn euros(cents: u32) -> String {
    let units = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in units.chars().enumerate() {
        if i > 0 && (units.len() - i).is_multiple_of(3) {
            grouped.push('\u{202f}');
        }
        grouped.push(ch);
    }
    match cents % 100 {
        0 => format!("{grouped} €"),
        c => format!("{grouped},{c:02} €"),
    }
}

impl Explanation {
    /// A short French sentence.
    pub fn label_fr(&self) -> String {
        match self {
            Explanation::NotRequested { criterion } => match criterion {
                Criterion::Skills => "Aucune compétence précisée par le projet".into(),
                Criterion::Level => "Aucun niveau demandé".into(),
                Criterion::Languages => "Aucune langue exigée".into(),
                Criterion::Rate => "Pas de tarif journalier maximum".into(),
                Criterion::Place | Criterion::Availability => "Critère non demandé".into(),
            },
            Explanation::Skills {
                required_covered,
                required_total,
                optional_covered,
                optional_total,
                ..
            } => {
                let mut parts = Vec::new();
                if *required_total > 0 {
                    parts.push(format!("requises {required_covered}/{required_total}"));
                }
                if *optional_total > 0 {
                    parts.push(format!("souhaitées {optional_covered}/{optional_total}"));
                }
                format!("Compétences {}", parts.join(", "))
            }
            Explanation::SkillsUnknown { .. } => {
                "Compétences non renseignées : score inconnu".into()
            }
            Explanation::Level {
                expert,
                years,
                wanted,
            } => format!(
                "Niveau {} ({years} an{} d'expérience) pour un niveau {} demandé",
                expert.label_fr(),
                if *years > 1 { "s" } else { "" },
                wanted.label_fr()
            ),
            Explanation::Languages { languages } => languages
                .iter()
                .map(|l| {
                    let have = l.have.map_or("non déclaré", |h| h.label_fr());
                    format!(
                        "{} : {have} pour {} exigé",
                        language_name(&l.code),
                        l.min.label_fr()
                    )
                })
                .collect::<Vec<_>>()
                .join(" ; "),
            Explanation::Place { fit } => match fit {
                PlaceFit::Home { departement } => {
                    format!("Basé dans le département {departement}, lieu de la mission")
                }
                PlaceFit::Mobility { departement } => {
                    format!("Mobile dans le département {departement}, lieu de la mission")
                }
                PlaceFit::Remote => "Mission à distance, que l'expert accepte".into(),
                PlaceFit::RemoteNotAccepted => {
                    "Mission à distance : l'expert n'a pas indiqué accepter les missions à distance"
                        .into()
                }
                PlaceFit::Outside => "Ni basé ni mobile dans les départements de la mission".into(),
            },
            Explanation::Availability { from, start, now } => {
                let when = if *now {
                    format!("Déjà disponible (depuis le {})", date(from))
                } else {
                    format!("Disponible à partir du {}", date(from))
                };
                let rel = if from <= start {
                    "début le"
                } else {
                    "après le début le"
                };
                format!("{when}, {rel} {}", date(start))
            }
            Explanation::AvailabilityUnknown { start } => format!(
                "Date de disponibilité non renseignée (début le {})",
                date(start)
            ),
            Explanation::Rate {
                rate_cents,
                max_cents,
            } => format!(
                "Tarif journalier {} pour un maximum de {}{}",
                euros(*rate_cents),
                euros(*max_cents),
                if rate_cents > max_cents {
                    " : au-dessus"
                } else {
                    ""
                }
            ),
            Explanation::RateUnknown { max_cents } => format!(
                "Tarif journalier non renseigné (maximum {})",
                euros(*max_cents)
            ),
        }
    }
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
