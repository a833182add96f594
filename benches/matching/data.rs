//! Synthetic experts and projects, from a seeded generator.

use anyhow::Result;
use b2bizen::domain::departement::DepartementCode;
use b2bizen::domain::id::ProjectId;
use b2bizen::domain::matching::{LanguageRequirement, ProjectCriteria};
use b2bizen::domain::money::Euros;
use b2bizen::domain::profile::{LanguageLevel, ProfileLevel};
use chrono::{Duration as Days, NaiveDate};
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

pub const BATCH: usize = 20_000;
pub const LEVELS: [&str; 7] = ["A1", "A2", "B1", "B2", "C1", "C2", "Native"];
const BIG_CITIES: [&str; 10] = ["75", "69", "13", "31", "33", "59", "44", "67", "92", "35"];
const OTHER_LANGUAGES: [&str; 7] = ["en", "de", "es", "it", "pt", "ar", "zh"];

/// splitmix64: the same data on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// `min + below(span)` distinct draws (fewer if `draw` keeps repeating itself).
    fn distinct<T: PartialEq>(
        &mut self,
        min: usize,
        span: usize,
        mut draw: impl FnMut(&mut Self) -> T,
    ) -> Vec<T> {
        let n = min + self.below(span);
        let mut out = Vec::new();
        for _ in 0..n * 4 {
            let x = draw(self);
            if !out.contains(&x) {
                out.push(x);
            }
            if out.len() == n {
                break;
            }
        }
        out
    }
}

/// The migrations' reference data.
pub struct Reference {
    pub deps: Vec<String>,
    pub domains: Vec<i16>,
    /// (skill, domain)
    pub skills: Vec<(i16, i16)>,
}

impl Reference {
    fn skill_of(&self, rng: &mut Rng, domain: i16) -> i16 {
        let of: Vec<i16> = self
            .skills
            .iter()
            .filter(|s| s.1 == domain)
            .map(|s| s.0)
            .collect();
        *rng.pick(&of)
    }
    fn dep(&self, rng: &mut Rng, big_percent: usize) -> String {
        if rng.chance(big_percent) {
            rng.pick(&BIG_CITIES).to_string()
        } else {
            rng.pick(&self.deps).clone()
        }
    }
}

#[derive(Default)]
pub struct Batch {
    pub id: Vec<Uuid>,
    dep: Vec<String>,
    years: Vec<i16>,
    rate: Vec<Option<Decimal>>,
    available: Vec<Option<NaiveDate>>,
    remote: Vec<bool>,
    attestation: Vec<Option<NaiveDate>>,
    domain: (Vec<Uuid>, Vec<i16>),
    language: (Vec<Uuid>, Vec<String>, Vec<String>),
    skill: (Vec<Uuid>, Vec<i16>, Vec<i16>),
    mobility: (Vec<Uuid>, Vec<String>),
}

impl Batch {
    pub fn push_expert(&mut self, rng: &mut Rng, r: &Reference, today: NaiveDate) {
        let id = Uuid::from_u64_pair(rng.next(), rng.next());
        let day = |rng: &mut Rng, from: i64, span: usize| {
            today + Days::days(from + rng.below(span) as i64)
        };
        self.id.push(id);
        self.dep.push(r.dep(rng, 40));
        self.years.push(rng.below(36) as i16);
        let rate = rng
            .chance(85)
            .then(|| Decimal::from(300 + 10 * rng.below(90)));
        self.rate.push(rate);
        self.available
            .push(rng.chance(80).then(|| day(rng, -60, 180)));
        self.remote.push(rng.chance(40));
        self.attestation
            .push(rng.chance(95).then(|| day(rng, -240, 240)));
        let domains = rng.distinct(1, 3, |g| *g.pick(&r.domains));
        let skills = match rng.chance(15) {
            true => Vec::new(),
            false => rng.distinct(2, 6, |g| {
                let d = if g.chance(80) {
                    *g.pick(&domains)
                } else {
                    *g.pick(&r.domains)
                };
                r.skill_of(g, d)
            }),
        };
        for d in domains {
            self.domain.0.push(id);
            self.domain.1.push(d);
        }
        for s in skills {
            self.skill.0.push(id);
            self.skill.1.push(s);
            self.skill.2.push(rng.below(21) as i16);
        }
        let others = rng.distinct(0, 3, |g| *g.pick(&OTHER_LANGUAGES));
        let french = if rng.chance(95) { "Native" } else { "C2" };
        for (code, level) in [("fr", french)]
            .into_iter()
            .chain(others.into_iter().map(|c| (c, *rng.pick(&LEVELS))))
        {
            self.language.0.push(id);
            self.language.1.push(code.to_string());
            self.language.2.push(level.to_string());
        }
        let mobility = if rng.chance(50) {
            Vec::new()
        } else {
            rng.distinct(1, 5, |g| g.pick(&r.deps).clone())
        };
        for m in mobility {
            self.mobility.0.push(id);
            self.mobility.1.push(m);
        }
    }

    pub async fn insert(self, pool: &PgPool) -> Result<()> {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO experts (id, first_name, departement_code, status, published_at, years_experience,
                                  daily_rate, available_from, remote_ok, attestation_issued_on)
             SELECT id, 'Bench', dep, 'published', now(), years, rate, available, remote, attestation
             FROM UNNEST($1::uuid[], $2::text[], $3::int2[], $4::numeric[], $5::date[], $6::bool[], $7::date[])
                  AS t(id, dep, years, rate, available, remote, attestation)",
        )
        .bind(&self.id).bind(&self.dep).bind(&self.years).bind(&self.rate)
        .bind(&self.available).bind(&self.remote).bind(&self.attestation)
        .execute(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO expert_domains SELECT * FROM UNNEST($1::uuid[], $2::int2[])")
            .bind(&self.domain.0)
            .bind(&self.domain.1)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO expert_languages SELECT * FROM UNNEST($1::uuid[], $2::text[], $3::text[])",
        )
        .bind(&self.language.0)
        .bind(&self.language.1)
        .bind(&self.language.2)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO expert_skills SELECT * FROM UNNEST($1::uuid[], $2::int2[], $3::int2[])",
        )
        .bind(&self.skill.0)
        .bind(&self.skill.1)
        .bind(&self.skill.2)
        .execute(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO expert_mobility SELECT * FROM UNNEST($1::uuid[], $2::text[])")
            .bind(&self.mobility.0)
            .bind(&self.mobility.1)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

pub fn project(rng: &mut Rng, r: &Reference, today: NaiveDate) -> ProjectCriteria {
    let domain = *rng.pick(&r.domains);
    let remote = rng.chance(25);
    let level = |rng: &mut Rng| LanguageLevel::parse(LEVELS[2 + rng.below(3)]).unwrap();
    ProjectCriteria {
        project_id: ProjectId::new(Uuid::from_u64_pair(rng.next(), rng.next())),
        domain_id: domain as u16,
        required_skills: rng.distinct(1, 3, |g| r.skill_of(g, domain) as u16),
        optional_skills: rng.distinct(0, 3, |g| g.pick(&r.skills).0 as u16),
        level: rng.chance(70).then(|| *rng.pick(&ProfileLevel::ALL)),
        languages: match rng.below(10) {
            0..=5 => vec![],
            6..=8 => vec![LanguageRequirement {
                code: "en".into(),
                min_level: level(rng),
            }],
            _ => vec![LanguageRequirement {
                code: rng.pick(&OTHER_LANGUAGES[1..]).to_string(),
                min_level: level(rng),
            }],
        },
        places: match remote {
            true => vec![],
            false => rng.distinct(1, 3, |g| DepartementCode::parse(&r.dep(g, 60)).unwrap()),
        },
        remote,
        start: today + Days::days(7 + rng.below(80) as i64),
        duration_days: Some(20 + rng.below(100) as u32),
        max_daily_rate: rng
            .chance(60)
            .then(|| Euros::from_cents(100 * (500 + 50 * rng.below(10) as i64))),
    }
}
