//! The matching engine, server side: the rules live in [`crate::domain::matching`];
//! here, the in-memory index ([`MatchIndex`]) and its loading from PostgreSQL.

pub mod index;
#[cfg(test)]
mod tests;

pub use index::MatchIndex;

use crate::domain::money::Euros;
use chrono::NaiveDate;
use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::departement::DepartementCode;
use crate::domain::id::ExpertId;
use crate::domain::matching::{ExpertFacts, ExpertSkill};
use crate::domain::profile::{Language, LanguageLevel};

/// Published experts of enabled accounts with an attestation (the others can never be
/// proposed), with their lists, one page at a time in id order.
const PAGE_SQL: &str = concat!(
    "SELECT e.id, e.years_experience, e.departement_code, e.remote_ok,
        e.available_from, e.daily_rate, e.attestation_issued_on,
        ARRAY(SELECT domain_id FROM expert_domains WHERE expert_id = e.id) AS domains,
        ARRAY(SELECT code FROM expert_languages WHERE expert_id = e.id ORDER BY code)
            AS language_codes,
        ARRAY(SELECT level FROM expert_languages WHERE expert_id = e.id ORDER BY code)
            AS language_levels,
        ARRAY(SELECT skill_id FROM expert_skills WHERE expert_id = e.id ORDER BY skill_id)
            AS skill_ids,
        ARRAY(SELECT years FROM expert_skills WHERE expert_id = e.id ORDER BY skill_id)
            AS skill_years,
        ARRAY(SELECT departement_code FROM expert_mobility WHERE expert_id = e.id) AS mobility
    FROM experts e
    WHERE ",
    crate::visible_expert!("$1"),
    " AND e.attestation_issued_on IS NOT NULL AND e.id > $2
    ORDER BY e.id
    LIMIT $3"
);

const PAGE: i64 = 10_000;

#[derive(sqlx::FromRow)]
struct Row {
    id: ExpertId,
    years_experience: i16,
    departement_code: String,
    remote_ok: bool,
    available_from: Option<NaiveDate>,
    daily_rate: Option<Euros>,
    attestation_issued_on: Option<NaiveDate>,
    domains: Vec<i16>,
    language_codes: Vec<String>,
    language_levels: Vec<LanguageLevel>,
    skill_ids: Vec<i16>,
    skill_years: Vec<i16>,
    mobility: Vec<String>,
}

/// The facts of one row. `expert_skills.years` defaults to 0, which is also what a
/// profile without the figure holds: 0 reads as « non renseigné ».
fn facts(row: Row) -> Option<ExpertFacts> {
    let Row {
        id,
        years_experience: years,
        departement_code: dep,
        remote_ok,
        available_from,
        daily_rate,
        attestation_issued_on: issued,
        domains,
        language_codes: lang_codes,
        language_levels: lang_levels,
        skill_ids,
        skill_years,
        mobility,
    } = row;
    let small = |v: i16| u8::try_from(v).ok();
    Some(ExpertFacts {
        id,
        published: true,
        attestation_issued_on: issued,
        domains: domains
            .into_iter()
            .filter_map(|d| u16::try_from(d).ok())
            .collect(),
        skills: skill_ids
            .into_iter()
            .zip(skill_years)
            .filter_map(|(s, y)| {
                Some(ExpertSkill {
                    skill_id: u16::try_from(s).ok()?,
                    years: small(y).filter(|y| *y > 0),
                })
            })
            .collect(),
        languages: lang_codes
            .into_iter()
            .zip(lang_levels)
            .map(|(code, level)| Language { code, level })
            .collect(),
        years_experience: small(years).unwrap_or(0),
        departement: DepartementCode::parse(&dep).ok()?,
        mobility: mobility
            .iter()
            .filter_map(|d| DepartementCode::parse(d).ok())
            .collect(),
        remote_ok,
        available_from,
        daily_rate,
    })
}

/// Builds the index of every expert who may be proposed.
pub async fn load_from_db(pool: &PgPool, today: NaiveDate) -> Result<MatchIndex, sqlx::Error> {
    let mut index = MatchIndex::new();
    let mut after = ExpertId::new(Uuid::nil());
    loop {
        let rows: Vec<Row> = sqlx::query_as(PAGE_SQL)
            .bind(today)
            .bind(after)
            .bind(PAGE)
            .fetch_all(pool)
            .await?;
        let Some(last) = rows.last() else {
            return Ok(index);
        };
        after = last.id;
        for row in rows {
            let id = row.id;
            match facts(row) {
                Some(facts) => index.upsert(&facts),
                None => tracing::warn!(%id, "expert not indexed: invalid département"),
            }
        }
    }
}

/// The facts of one expert, if they may be proposed (published, with an attestation).
pub async fn load_one(
    pool: &PgPool,
    id: ExpertId,
    today: NaiveDate,
) -> Result<Option<ExpertFacts>, sqlx::Error> {
    let sql = PAGE_SQL
        .replace("e.id > $2", "e.id = $2")
        .replace("LIMIT $3", "");
    let row: Option<Row> = sqlx::query_as(&sql)
        .bind(today)
        .bind(id)
        .fetch_optional(pool)
        .await?;
    Ok(row.and_then(facts))
}
