//! The in-memory matching index: published experts with an attestation, in compact
//! columns over dense slots, plus bitsets over those slots for the hard filters.
//!
//! [`MatchIndex::top_k`] returns exactly what [`crate::domain::matching::rank`] returns
//! over the same experts (same filters, same totals, same order), but scores each
//! candidate with integer arithmetic on the columns and builds the explanations for
//! the `k` winners only.

mod query;

use std::cmp::Reverse;
use std::collections::HashMap;
use std::hash::Hash;
use std::mem::size_of;

use crate::domain::money::Euros;
use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use crate::domain::departement::DepartementCode;
use crate::domain::id::ExpertId;
use crate::domain::matching::{attestation_valid_until, to_cents, ExpertFacts, ExpertSkill};
use crate::domain::profile::{Language, LanguageLevel};

const NO_DATE: i32 = i32::MIN;
const NO_YEARS: u8 = u8::MAX;
const LEVELS: [LanguageLevel; 7] = [
    LanguageLevel::A1,
    LanguageLevel::A2,
    LanguageLevel::B1,
    LanguageLevel::B2,
    LanguageLevel::C1,
    LanguageLevel::C2,
    LanguageLevel::Native,
];

fn test(bits: &[u64], slot: usize) -> bool {
    bits.get(slot / 64)
        .is_some_and(|w| (w >> (slot % 64)) & 1 == 1)
}

fn set(bits: &mut [u64], slot: usize) {
    bits[slot / 64] |= 1 << (slot % 64);
}

fn days(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

fn date(days: i32) -> Option<NaiveDate> {
    (days != NO_DATE)
        .then(|| NaiveDate::from_num_days_from_ce_opt(days))
        .flatten()
}

fn vec_bytes<T>(v: &Vec<T>) -> usize {
    v.capacity() * size_of::<T>()
}

/// Heap bytes of a hash map: hashbrown allocates a power of two of buckets, 7/8 usable,
/// each with its entry and one control byte.
fn map_bytes<K, V>(m: &HashMap<K, V>) -> usize {
    if m.capacity() == 0 {
        return 0;
    }
    let buckets = (m.capacity() * 8 / 7).next_power_of_two();
    buckets * (size_of::<(K, V)>() + 1) + 16
}

/// One bitset over the slots per key.
#[derive(Debug)]
struct Family<K> {
    index: HashMap<K, usize>,
    keys: Vec<K>,
    bits: Vec<Vec<u64>>,
}

impl<K> Default for Family<K> {
    fn default() -> Self {
        Self {
            index: HashMap::new(),
            keys: Vec::new(),
            bits: Vec::new(),
        }
    }
}

impl<K: Hash + Eq + Clone> Family<K> {
    fn intern(&mut self, key: &K, words: usize) -> usize {
        if let Some(i) = self.index.get(key) {
            return *i;
        }
        self.index.insert(key.clone(), self.keys.len());
        self.keys.push(key.clone());
        self.bits.push(vec![0; words]);
        self.keys.len() - 1
    }

    fn get(&self, key: &K) -> Option<&[u64]> {
        self.index.get(key).map(|i| self.bits[*i].as_slice())
    }

    fn grow(&mut self, words: usize) {
        self.bits.iter_mut().for_each(|b| b.resize(words, 0));
    }

    fn clear(&mut self, slot: usize) {
        for b in &mut self.bits {
            b[slot / 64] &= !(1 << (slot % 64));
        }
    }

    /// The keys whose bit is set for `slot`, with their index.
    fn keys_of(&self, slot: usize) -> impl Iterator<Item = (usize, &K)> {
        self.keys
            .iter()
            .enumerate()
            .filter(move |(i, _)| test(&self.bits[*i], slot))
    }

    fn bytes(&self) -> usize {
        map_bytes(&self.index)
            + vec_bytes(&self.keys)
            + vec_bytes(&self.bits)
            + self.bits.iter().map(vec_bytes).sum::<usize>()
    }
}

/// See the module documentation.
#[derive(Debug, Default)]
pub struct MatchIndex {
    ids: Vec<ExpertId>,
    years: Vec<u8>,
    /// 0: unknown.
    rate_cents: Vec<u32>,
    /// Days from the common era; `NO_DATE`: unknown.
    available: Vec<i32>,
    issued: Vec<i32>,
    valid_until: Vec<i32>,
    /// Index of the home département in `deps`.
    home: Vec<u8>,
    skill_at: Vec<u32>,
    skill_len: Vec<u16>,
    /// Skill lists of all slots, one after the other; `garbage` entries are stale.
    skill_ids: Vec<u16>,
    /// `NO_YEARS`: not given.
    skill_years: Vec<u8>,
    garbage: usize,
    domains: Family<u16>,
    lang_codes: HashMap<String, u32>,
    /// Key `code index × 8 + level`: speaks that language at that level or better.
    langs: Family<u32>,
    /// Based in, or mobile to, the département.
    deps: Family<DepartementCode>,
    remote: Vec<u64>,
    slot_of: HashMap<ExpertId, u32>,
    free: Vec<u32>,
}

impl MatchIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of indexed experts.
    pub fn len(&self) -> usize {
        self.slot_of.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slot_of.is_empty()
    }

    /// Heap bytes held by the index (allocated capacity, not just used length).
    pub fn memory_bytes(&self) -> usize {
        vec_bytes(&self.ids)
            + vec_bytes(&self.years)
            + vec_bytes(&self.rate_cents)
            + vec_bytes(&self.available)
            + vec_bytes(&self.issued)
            + vec_bytes(&self.valid_until)
            + vec_bytes(&self.home)
            + vec_bytes(&self.skill_at)
            + vec_bytes(&self.skill_len)
            + vec_bytes(&self.skill_ids)
            + vec_bytes(&self.skill_years)
            + self.domains.bytes()
            + map_bytes(&self.lang_codes)
            + self.lang_codes.keys().map(String::capacity).sum::<usize>()
            + self.langs.bytes()
            + self.deps.bytes()
            + vec_bytes(&self.remote)
            + map_bytes(&self.slot_of)
            + vec_bytes(&self.free)
    }

    fn words(&self) -> usize {
        self.ids.len().div_ceil(64)
    }

    /// Adds or replaces an expert. Unpublished experts and experts without an
    /// attestation can never be proposed: they are removed instead.
    pub fn upsert(&mut self, expert: &ExpertFacts) {
        self.remove(expert.id);
        let Some(issued) = expert.attestation_issued_on.filter(|_| expert.published) else {
            return;
        };
        let slot = self.alloc(expert.id);
        let words = self.words();
        self.years[slot] = expert.years_experience;
        self.rate_cents[slot] = expert.daily_rate.and_then(to_cents).unwrap_or(0);
        self.available[slot] = expert.available_from.map_or(NO_DATE, days);
        self.issued[slot] = days(issued);
        self.valid_until[slot] = days(attestation_valid_until(issued));
        for d in &expert.domains {
            let f = self.domains.intern(d, words);
            set(&mut self.domains.bits[f], slot);
        }
        for l in &expert.languages {
            let next = self.lang_codes.len() as u32;
            let code = *self.lang_codes.entry(l.code.clone()).or_insert(next);
            for level in 0..=l.level as u32 {
                let f = self.langs.intern(&(code * 8 + level), words);
                set(&mut self.langs.bits[f], slot);
            }
        }
        let home = self.deps.intern(&expert.departement, words);
        self.home[slot] = u8::try_from(home).expect("at most 101 departements");
        set(&mut self.deps.bits[home], slot);
        for m in &expert.mobility {
            let f = self.deps.intern(m, words);
            set(&mut self.deps.bits[f], slot);
        }
        if expert.remote_ok {
            set(&mut self.remote, slot);
        }
        let mut skills: Vec<(u16, u8)> = expert
            .skills
            .iter()
            .map(|s| {
                (
                    s.skill_id,
                    s.years.map_or(NO_YEARS, |y| y.min(NO_YEARS - 1)),
                )
            })
            .collect();
        // One entry per skill, the longest years (as `ExpertFacts::skill_years`).
        skills.sort_by_key(|(id, y)| (*id, Reverse(if *y == NO_YEARS { 0 } else { *y + 1 })));
        skills.dedup_by_key(|(id, _)| *id);
        self.skill_at[slot] = self.skill_ids.len() as u32;
        self.skill_len[slot] = skills.len() as u16;
        self.skill_ids.extend(skills.iter().map(|(id, _)| *id));
        self.skill_years.extend(skills.iter().map(|(_, y)| *y));
    }

    /// Removes an expert; `false` when it was not indexed.
    pub fn remove(&mut self, id: ExpertId) -> bool {
        let Some(slot) = self.slot_of.remove(&id) else {
            return false;
        };
        let slot = slot as usize;
        self.domains.clear(slot);
        self.langs.clear(slot);
        self.deps.clear(slot);
        self.remote[slot / 64] &= !(1 << (slot % 64));
        self.garbage += usize::from(self.skill_len[slot]);
        self.skill_len[slot] = 0;
        self.ids[slot] = ExpertId::new(Uuid::nil());
        self.valid_until[slot] = NO_DATE;
        self.free.push(slot as u32);
        if self.garbage > 4096 && self.garbage * 2 > self.skill_ids.len() {
            self.compact_skills();
        }
        true
    }

    fn alloc(&mut self, id: ExpertId) -> usize {
        let slot = match self.free.pop() {
            Some(slot) => slot as usize,
            None => {
                let slot = self.ids.len();
                self.ids.push(id);
                self.years.push(0);
                self.rate_cents.push(0);
                self.available.push(NO_DATE);
                self.issued.push(NO_DATE);
                self.valid_until.push(NO_DATE);
                self.home.push(0);
                self.skill_at.push(0);
                self.skill_len.push(0);
                let words = self.words();
                if self.remote.len() < words {
                    self.domains.grow(words);
                    self.langs.grow(words);
                    self.deps.grow(words);
                    self.remote.resize(words, 0);
                }
                slot
            }
        };
        self.ids[slot] = id;
        self.slot_of.insert(id, slot as u32);
        slot
    }

    fn compact_skills(&mut self) {
        let mut ids = Vec::with_capacity(self.skill_ids.len() - self.garbage);
        let mut years = Vec::with_capacity(ids.capacity());
        for slot in 0..self.ids.len() {
            let at = self.skill_at[slot] as usize;
            let end = at + usize::from(self.skill_len[slot]);
            self.skill_at[slot] = ids.len() as u32;
            ids.extend_from_slice(&self.skill_ids[at..end]);
            years.extend_from_slice(&self.skill_years[at..end]);
        }
        (self.skill_ids, self.skill_years, self.garbage) = (ids, years, 0);
    }

    /// The indexed facts of an expert (lists in the index's order).
    pub fn get(&self, id: ExpertId) -> Option<ExpertFacts> {
        self.slot_of.get(&id).map(|s| self.facts(*s as usize))
    }

    fn facts(&self, slot: usize) -> ExpertFacts {
        let at = self.skill_at[slot] as usize;
        let skill_range = at..at + usize::from(self.skill_len[slot]);
        let mut languages: Vec<Language> = Vec::new();
        for (code, c) in &self.lang_codes {
            let level = (0..7u32)
                .rev()
                .find(|l| self.langs.get(&(c * 8 + l)).is_some_and(|b| test(b, slot)));
            if let Some(level) = level {
                languages.push(Language {
                    code: code.clone(),
                    level: LEVELS[level as usize],
                });
            }
        }
        let home = usize::from(self.home[slot]);
        ExpertFacts {
            id: self.ids[slot],
            published: true,
            attestation_issued_on: date(self.issued[slot]),
            domains: self.domains.keys_of(slot).map(|(_, d)| *d).collect(),
            skills: skill_range
                .map(|i| ExpertSkill {
                    skill_id: self.skill_ids[i],
                    years: Some(self.skill_years[i]).filter(|y| *y != NO_YEARS),
                })
                .collect(),
            languages,
            years_experience: self.years[slot],
            departement: self.deps.keys[home].clone(),
            mobility: self
                .deps
                .keys_of(slot)
                .filter(|(i, _)| *i != home)
                .map(|(_, d)| d.clone())
                .collect(),
            remote_ok: test(&self.remote, slot),
            available_from: date(self.available[slot]),
            daily_rate: Some(self.rate_cents[slot])
                .filter(|c| *c > 0)
                .map(|c| Euros::from_cents(i64::from(c))),
        }
    }
}
