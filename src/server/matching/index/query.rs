//! Answering a query: AND the bitsets of the hard filters, score the candidates with
//! integer arithmetic, keep the best `k` in a bounded heap, explain only those.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use chrono::NaiveDate;

use super::{days, set, test, MatchIndex, LEVELS, NO_DATE};
use crate::domain::matching::{
    language_points, level_points, mean_points, rate_points, score, skills_points, tie_break_seed,
    to_cents, total_from_sum, Criterion, ProjectCriteria, RankKey, Ranked, AVAILABLE, NEUTRAL,
    PLACE_HOME, PLACE_MOBILITY,
};
use crate::domain::profile::ProfileLevel;

impl MatchIndex {
    /// The `k` best experts for `criteria`, best first, with their explained scores:
    /// exactly [`crate::domain::matching::rank`] over the indexed experts.
    pub fn top_k(&self, criteria: &ProjectCriteria, k: usize, today: NaiveDate) -> Vec<Ranked> {
        let c = criteria.normalized();
        let Some(q) = Query::new(self, &c, today) else {
            return Vec::new();
        };
        if k == 0 {
            return Vec::new();
        }
        let seed = tie_break_seed(c.project_id);
        let mut heap: BinaryHeap<Reverse<(RankKey, u32)>> = BinaryHeap::with_capacity(k + 1);
        for w in 0..self.words() {
            let mut m = q.required.iter().fold(!0u64, |m, b| m & b[w]);
            if m == 0 {
                continue;
            }
            let remote = self.remote[w];
            let reach = q.places.iter().fold(0, |r, b| r | b[w]);
            if !c.remote {
                m &= reach;
            }
            while m != 0 {
                let bit = m.trailing_zeros() as usize;
                m &= m - 1;
                let slot = w * 64 + bit;
                let from = self.available[slot];
                let attested = self.issued[slot] <= q.today && q.today <= self.valid_until[slot];
                if !attested || (from != NO_DATE && from > q.start) {
                    continue;
                }
                let total = q.total(
                    self,
                    slot,
                    (reach >> bit) & 1 == 1,
                    (remote >> bit) & 1 == 1,
                );
                let worst = heap.peek().map(|Reverse((key, _))| *key);
                if heap.len() == k && worst.is_some_and(|w| total < w.total) {
                    continue;
                }
                let key = RankKey::with_seed(total, seed, self.ids[slot]);
                if heap.len() < k {
                    heap.push(Reverse((key, slot as u32)));
                } else if worst.is_some_and(|w| key > w) {
                    heap.pop();
                    heap.push(Reverse((key, slot as u32)));
                }
            }
        }
        heap.into_sorted_vec()
            .into_iter()
            .map(|Reverse((key, slot))| {
                let facts = self.facts(slot as usize);
                let score = score(&facts, criteria, today);
                debug_assert_eq!(score.total, key.total, "index and domain scores differ");
                Ranked {
                    expert_id: facts.id,
                    score,
                }
            })
            .collect()
    }
}

/// A required language: its minimum level, and the bitsets of the levels above it,
/// highest first.
type LanguageBits<'a> = (usize, Vec<(usize, &'a [u64])>);

/// A project's criteria, resolved against the index once per query.
struct Query<'a> {
    /// Domain and language minimums: all must be set.
    required: Vec<&'a [u64]>,
    /// Based in, or mobile to, one of the places.
    places: Vec<&'a [u64]>,
    /// The places, as a mask over the index's départements.
    home_mask: [u64; 4],
    remote: bool,
    today: i32,
    start: i32,
    weights: [u32; 6],
    counted: u32,
    required_skills: Vec<u64>,
    optional_skills: Vec<u64>,
    skill_totals: (u32, u32),
    level_by_years: [u8; 256],
    /// Per language: its minimum, and the bitsets of the levels above it, highest first.
    languages: Vec<LanguageBits<'a>>,
    max_cents: u32,
}

impl<'a> Query<'a> {
    /// `None` when no indexed expert can pass the filters.
    fn new(index: &'a MatchIndex, c: &ProjectCriteria, today: NaiveDate) -> Option<Self> {
        let mut required = vec![index.domains.get(&c.domain_id)?];
        let mut languages = Vec::new();
        for req in &c.languages {
            let code = *index.lang_codes.get(&req.code)?;
            let min = req.min_level as usize;
            required.push(index.langs.get(&(code * 8 + min as u32))?);
            let above = (min + 1..7)
                .rev()
                .filter_map(|l| Some((l, index.langs.get(&(code * 8 + l as u32))?)))
                .collect();
            languages.push((min, above));
        }
        let mut home_mask = [0u64; 4];
        let mut places = Vec::new();
        for p in &c.places {
            if let Some(i) = index.deps.index.get(p) {
                home_mask[i / 64] |= 1 << (i % 64);
                places.push(index.deps.bits[*i].as_slice());
            }
        }
        let skill_mask = |skills: &[u16]| {
            let mut mask = vec![0u64; skills.iter().max().map_or(0, |m| usize::from(*m) / 64 + 1)];
            skills.iter().for_each(|s| set(&mut mask, usize::from(*s)));
            mask
        };
        let max_cents = c.max_daily_rate.and_then(to_cents).unwrap_or(0);
        let stated = |criterion: Criterion| match criterion {
            Criterion::Skills => !(c.required_skills.is_empty() && c.optional_skills.is_empty()),
            Criterion::Level => c.level.is_some(),
            Criterion::Languages => !c.languages.is_empty(),
            Criterion::Place | Criterion::Availability => true,
            Criterion::Rate => max_cents > 0,
        };
        let weights = Criterion::ALL.map(|x| if stated(x) { u32::from(x.weight()) } else { 0 });
        let wanted = c.level.unwrap_or(ProfileLevel::Junior);
        let mut level_by_years = [0u8; 256];
        for (years, points) in level_by_years.iter_mut().enumerate() {
            *points = level_points(ProfileLevel::from_years(years as u32), wanted);
        }
        Some(Self {
            required,
            places,
            home_mask,
            remote: c.remote,
            today: days(today),
            start: days(c.start),
            weights,
            counted: weights.iter().sum(),
            required_skills: skill_mask(&c.required_skills),
            optional_skills: skill_mask(&c.optional_skills),
            skill_totals: (
                c.required_skills.len() as u32,
                c.optional_skills.len() as u32,
            ),
            level_by_years,
            languages,
            max_cents,
        })
    }

    /// The candidate's total, from the same point rules as `domain::matching::score`
    /// (the filters already passed: every required language is there, availability is
    /// unknown or by the start).
    fn total(&self, index: &MatchIndex, slot: usize, reach: bool, remote_ok: bool) -> u16 {
        let neutral = u32::from(NEUTRAL);
        let [w_skills, w_level, w_languages, w_place, w_availability, w_rate] = self.weights;
        let mut sum = 0;
        if w_skills > 0 {
            let at = index.skill_at[slot] as usize;
            let skills = &index.skill_ids[at..at + usize::from(index.skill_len[slot])];
            sum += w_skills
                * if skills.is_empty() {
                    neutral
                } else {
                    let (mut rc, mut oc) = (0, 0);
                    for s in skills {
                        if test(&self.required_skills, usize::from(*s)) {
                            rc += 1;
                        } else if test(&self.optional_skills, usize::from(*s)) {
                            oc += 1;
                        }
                    }
                    let (rt, ot) = self.skill_totals;
                    u32::from(skills_points(rc, rt, oc, ot))
                };
        }
        if w_level > 0 {
            sum += w_level * u32::from(self.level_by_years[usize::from(index.years[slot])]);
        }
        if w_languages > 0 {
            let mut points = 0;
            for (min, above) in &self.languages {
                let have = above
                    .iter()
                    .find(|(_, b)| test(b, slot))
                    .map_or(*min, |(l, _)| *l);
                points += u32::from(language_points(Some(LEVELS[have]), LEVELS[*min]));
            }
            sum += w_languages * u32::from(mean_points(points, self.languages.len() as u32));
        }
        let home = usize::from(index.home[slot]);
        sum += w_place
            * match (self.remote, remote_ok) {
                (true, true) => u32::from(PLACE_HOME),
                (true, false) => 0,
                _ if (self.home_mask[home / 64] >> (home % 64)) & 1 == 1 => u32::from(PLACE_HOME),
                _ if reach => u32::from(PLACE_MOBILITY),
                _ => 0,
            };
        sum += w_availability
            * if index.available[slot] == NO_DATE {
                neutral
            } else {
                u32::from(AVAILABLE)
            };
        if w_rate > 0 {
            let cents = index.rate_cents[slot];
            sum += w_rate
                * if cents == 0 {
                    neutral
                } else {
                    u32::from(rate_points(cents, self.max_cents))
                };
        }
        total_from_sum(sum, self.counted)
    }
}
