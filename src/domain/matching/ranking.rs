//! Who may be proposed (hard filters) and in which order (ranking, fair tie-break).

use std::cmp::Reverse;

use crate::domain::id::{ExpertId, ProjectId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{score, ExpertFacts, MatchScore, PlaceFit, ProjectCriteria, Rejection};
use crate::domain::eligibility::AttestationStatus;

/// Where the expert stands against the project's places (also for experts who do not
/// pass the filters, whose fit is then [`PlaceFit::Outside`]).
pub fn place_fit(expert: &ExpertFacts, criteria: &ProjectCriteria) -> PlaceFit {
    if criteria.remote {
        return if expert.remote_ok {
            PlaceFit::Remote
        } else {
            PlaceFit::RemoteNotAccepted
        };
    }
    if criteria.places.contains(&expert.departement) {
        return PlaceFit::Home {
            departement: expert.departement.clone(),
        };
    }
    match criteria.places.iter().find(|p| expert.mobility.contains(p)) {
        Some(p) => PlaceFit::Mobility {
            departement: p.clone(),
        },
        None => PlaceFit::Outside,
    }
}

/// The conditions to be proposed at all, checked in this order.
pub fn passes_hard_filters(
    expert: &ExpertFacts,
    criteria: &ProjectCriteria,
    today: NaiveDate,
) -> Result<(), Rejection> {
    if !expert.published {
        return Err(Rejection::NotPublished);
    }
    match AttestationStatus::of(expert.attestation_issued_on, today) {
        AttestationStatus::Valid { .. } | AttestationStatus::ExpiringSoon { .. } => {}
        AttestationStatus::Missing => return Err(Rejection::NoAttestation),
        AttestationStatus::FutureDate => return Err(Rejection::AttestationInFuture),
        AttestationStatus::Expired { since } => {
            return Err(Rejection::AttestationExpired { since })
        }
    }
    if !expert.domains.contains(&criteria.domain_id) {
        return Err(Rejection::DomainMissing);
    }
    for req in &criteria.languages {
        let have = expert.language_level(&req.code);
        if have.is_none_or(|h| h < req.min_level) {
            return Err(Rejection::Language {
                code: req.code.clone(),
                min: req.min_level,
                have,
            });
        }
    }
    if let Some(from) = expert.available_from.filter(|f| *f > criteria.start) {
        return Err(Rejection::NotAvailable {
            from,
            start: criteria.start,
        });
    }
    if place_fit(expert, criteria) == PlaceFit::Outside {
        return Err(Rejection::OutOfArea);
    }
    Ok(())
}

/// The tie-break's per-project half; see [`tie_break`].
pub fn tie_break_seed(project: ProjectId) -> u64 {
    let (hi, lo) = project.get().as_u64_pair();
    splitmix64(splitmix64(hi) ^ lo)
}

/// The fair tie-break: a deterministic pseudo-random number per (project, expert),
/// splitmix64 (Steele, Lea, Flood 2014) chained over the four 64-bit halves of the two
/// ids. Among equal totals, the higher number comes first: an order that is the same
/// on every run, different for each project, and favours no one (neither old nor new
/// profiles, nor any id range).
pub fn tie_break(project: ProjectId, expert: ExpertId) -> u64 {
    tie_break_with(tie_break_seed(project), expert)
}

pub fn tie_break_with(seed: u64, expert: ExpertId) -> u64 {
    let (hi, lo) = expert.get().as_u64_pair();
    splitmix64(splitmix64(seed ^ hi) ^ lo)
}

fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The ranking order, greater first: total, then tie-break, then (should two
/// tie-breaks collide) the smaller id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct RankKey {
    pub total: u16,
    pub tie: u64,
    pub id: Reverse<ExpertId>,
}

impl RankKey {
    pub fn new(total: u16, project: ProjectId, expert: ExpertId) -> Self {
        Self::with_seed(total, tie_break_seed(project), expert)
    }

    pub fn with_seed(total: u16, seed: u64, expert: ExpertId) -> Self {
        Self {
            total,
            tie: tie_break_with(seed, expert),
            id: Reverse(expert),
        }
    }
}

/// One result of a matching: an expert and the explained score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ranked {
    pub expert_id: ExpertId,
    pub score: MatchScore,
}

/// The reference ranking: the `k` best experts passing the filters, best first.
/// Straightforward; the server's index returns the same, faster.
pub fn rank(
    experts: &[ExpertFacts],
    criteria: &ProjectCriteria,
    k: usize,
    today: NaiveDate,
) -> Vec<Ranked> {
    let mut scored: Vec<(RankKey, Ranked)> = experts
        .iter()
        .filter(|e| passes_hard_filters(e, criteria, today).is_ok())
        .map(|e| {
            let score = score(e, criteria, today);
            let key = RankKey::new(score.total, criteria.project_id, e.id);
            (
                key,
                Ranked {
                    expert_id: e.id,
                    score,
                },
            )
        })
        .collect();
    scored.sort_by_key(|(key, _)| Reverse(*key));
    scored.into_iter().take(k).map(|(_, r)| r).collect()
}
