//! The index against the reference ranking, on random data with many ties.

use crate::domain::money::Euros;
use chrono::NaiveDate;
use uuid::Uuid;

use super::index::MatchIndex;
use crate::domain::departement::DepartementCode;
use crate::domain::id::{ExpertId, ProjectId};
use crate::domain::matching::{
    rank, score, ExpertFacts, ExpertSkill, LanguageRequirement, ProjectCriteria,
};
use crate::domain::profile::{Language, LanguageLevel, ProfileLevel};

const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
const DEPS: [&str; 8] = ["75", "69", "13", "2A", "974", "01", "33", "59"];
const CODES: [&str; 4] = ["fr", "en", "de", "es"];
const LEVELS: [LanguageLevel; 7] = [
    LanguageLevel::A1,
    LanguageLevel::A2,
    LanguageLevel::B1,
    LanguageLevel::B2,
    LanguageLevel::C1,
    LanguageLevel::C2,
    LanguageLevel::Native,
];

/// A small seeded generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn dep(&mut self) -> DepartementCode {
        DepartementCode::parse(DEPS[self.below(DEPS.len() as u64) as usize]).unwrap()
    }
    fn date(&mut self, from_today: i64, span: u64) -> NaiveDate {
        TODAY + chrono::Duration::days(from_today + self.below(span) as i64)
    }
    fn list<T>(&mut self, max: u64, mut f: impl FnMut(&mut Self) -> T) -> Vec<T> {
        (0..self.below(max + 1)).map(|_| f(self)).collect()
    }
}

fn expert(rng: &mut Rng, id: u128) -> ExpertFacts {
    ExpertFacts {
        id: ExpertId::new(Uuid::from_u128(
            id.wrapping_mul(0x2545_F491_4F6C_DD1D_1234_5678_9ABC_DEF1),
        )),
        published: rng.chance(92),
        attestation_issued_on: rng.chance(95).then(|| rng.date(-250, 260)),
        domains: rng.list(3, |r| r.below(4) as u16 + 1),
        skills: rng.list(6, |r| ExpertSkill {
            skill_id: r.below(12) as u16 + 1,
            years: r.chance(70).then(|| r.below(20) as u8),
        }),
        languages: rng.list(3, |r| Language {
            code: CODES[r.below(4) as usize].to_string(),
            level: LEVELS[r.below(7) as usize],
        }),
        years_experience: rng.below(35) as u8,
        departement: rng.dep(),
        mobility: rng.list(3, Rng::dep),
        remote_ok: rng.chance(40),
        available_from: rng.chance(75).then(|| rng.date(-30, 120)),
        daily_rate: rng
            .chance(80)
            .then(|| Euros::from_cents(rng.below(8) as i64 * 5000 + 40000)),
    }
}

fn project(rng: &mut Rng, id: u128) -> ProjectCriteria {
    ProjectCriteria {
        project_id: ProjectId::new(Uuid::from_u128(
            id.wrapping_mul(0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835),
        )),
        domain_id: rng.below(5) as u16 + 1, // 5: nobody has it.
        required_skills: rng.list(3, |r| r.below(14) as u16 + 1),
        optional_skills: rng.list(3, |r| r.below(14) as u16 + 1),
        level: rng
            .chance(70)
            .then(|| ProfileLevel::ALL[rng.below(4) as usize]),
        languages: rng.list(2, |r| LanguageRequirement {
            code: ["fr", "en", "de", "it"][r.below(4) as usize].to_string(), // it: nobody.
            min_level: LEVELS[r.below(5) as usize],
        }),
        places: rng.list(3, Rng::dep),
        remote: rng.chance(25),
        start: rng.date(0, 90),
        duration_days: None,
        max_daily_rate: rng
            .chance(60)
            .then(|| Euros::from_cents(rng.below(6) as i64 * 10000 + 40000)),
    }
}

fn assert_same(index: &MatchIndex, experts: &[ExpertFacts], rng: &mut Rng, queries: u128) {
    let mut nonempty = 0;
    for q in 0..queries {
        let c = project(rng, q);
        for k in [1, 7, 50, 10_000] {
            let got = index.top_k(&c, k, TODAY);
            let want = rank(experts, &c, k, TODAY);
            assert_eq!(got, want, "query {q}, k = {k}: {c:?}");
            nonempty += usize::from(!got.is_empty());
        }
    }
    assert!(
        nonempty > queries as usize,
        "too few results to test anything"
    );
}

#[test]
fn top_k_equals_brute_force_ranking_through_updates() {
    let mut rng = Rng(42);
    let mut experts: Vec<ExpertFacts> = (0..3000).map(|i| expert(&mut rng, i)).collect();
    let mut index = MatchIndex::new();
    experts.iter().for_each(|e| index.upsert(e));
    let eligible = experts
        .iter()
        .filter(|e| e.published && e.attestation_issued_on.is_some())
        .count();
    assert_eq!(index.len(), eligible);
    assert_same(&index, &experts, &mut rng, 150);

    // Edits, removals and new experts, several rounds (the skill lists get compacted).
    for round in 0..4u128 {
        for _ in 0..600 {
            let i = rng.below(experts.len() as u64) as usize;
            let id = experts[i].id;
            experts[i] = ExpertFacts {
                id,
                ..expert(&mut rng, 0)
            };
            index.upsert(&experts[i]);
        }
        for _ in 0..300 {
            let i = rng.below(experts.len() as u64) as usize;
            let gone = experts.swap_remove(i);
            index.remove(gone.id);
        }
        for i in 0..300 {
            let e = expert(&mut rng, 10_000 * (round + 1) + i);
            index.upsert(&e);
            experts.push(e);
        }
    }
    let eligible = experts
        .iter()
        .filter(|e| e.published && e.attestation_issued_on.is_some())
        .count();
    assert_eq!(index.len(), eligible);
    assert_same(&index, &experts, &mut rng, 150);
}

#[test]
fn indexed_facts_score_like_the_original() {
    let mut rng = Rng(7);
    let mut index = MatchIndex::new();
    for i in 0..500 {
        let e = expert(&mut rng, i);
        index.upsert(&e);
        let Some(back) = index.get(e.id) else {
            assert!(!e.published || e.attestation_issued_on.is_none());
            continue;
        };
        let c = project(&mut rng, i);
        assert_eq!(score(&back, &c, TODAY), score(&e, &c, TODAY));
        assert_eq!(back.years_experience, e.years_experience);
        assert_eq!(back.daily_rate, e.daily_rate);
    }
}

#[test]
fn remove_frees_the_slot_and_memory_is_accounted() {
    let mut rng = Rng(1);
    let mut index = MatchIndex::new();
    assert!(index.is_empty());
    let mut e = expert(&mut rng, 1);
    e.published = true;
    e.attestation_issued_on = Some(TODAY);
    index.upsert(&e);
    assert_eq!(index.len(), 1);
    assert!(index.remove(e.id));
    assert!(!index.remove(e.id));
    assert!(index.get(e.id).is_none());
    e.published = false;
    index.upsert(&e);
    assert!(index.is_empty());
    for i in 0..10_000 {
        let mut e = expert(&mut rng, i);
        e.published = true;
        e.attestation_issued_on = Some(TODAY);
        index.upsert(&e);
    }
    let per_profile = index.memory_bytes() / index.len();
    assert!(
        (40..400).contains(&per_profile),
        "{per_profile} bytes per profile"
    );
}
