//! The straightforward SQL ranking: hard filters in `WHERE`, the score as an
//! expression, `ORDER BY score DESC LIMIT 50`.

use anyhow::Result;
use b2bizen::domain::id::ExpertId;
use b2bizen::domain::matching::{to_cents, ProjectCriteria, WEIGHTS};
use chrono::NaiveDate;
use sqlx::PgPool;

use crate::data::LEVELS;

/// The same filters and score as `domain::matching`, in plain SQL.
const SQL_TOP: &str = "
SELECT e.id, ((
      $10[1] * COALESCE(sk.pts, 50)
    + $10[2] * (ARRAY[0, 10, 40, 100, 80, 60, 40])[(CASE WHEN e.years_experience >= 15 THEN 3
          WHEN e.years_experience >= 8 THEN 2 WHEN e.years_experience >= 3 THEN 1 ELSE 0 END) - $11 + 4]
    + $10[3] * COALESCE(lg.pts, 50)
    + $10[4] * CASE
          WHEN $7 THEN CASE WHEN e.remote_ok THEN 100 ELSE 0 END
          WHEN e.departement_code = ANY($6) THEN 100
          WHEN EXISTS (SELECT 1 FROM expert_mobility m
                       WHERE m.expert_id = e.id AND m.departement_code = ANY($6)) THEN 80
          ELSE 0 END
    + $10[5] * CASE WHEN e.available_from IS NULL THEN 50 ELSE 100 END
    + $10[6] * CASE WHEN e.daily_rate IS NULL THEN 50
          WHEN round(e.daily_rate * 100) <= $12 THEN 100
          ELSE GREATEST(0, 100 - ((round(e.daily_rate * 100)::int8 - $12) * 1000 / $12) / 4) END
    ) * 10 + $13 / 2) / $13 AS total
FROM experts e
LEFT JOIN LATERAL (
    SELECT CASE WHEN count(*) = 0 THEN NULL
           ELSE (200 * count(*) FILTER (WHERE s.skill_id = ANY($2))
                 + 100 * count(*) FILTER (WHERE s.skill_id = ANY($3)) + $14 / 2) / $14 END AS pts
    FROM expert_skills s WHERE s.expert_id = e.id) sk ON true
LEFT JOIN LATERAL (
    SELECT (sum(LEAST(100, 70 + 15 * (array_position($15, l.level) - r.minr))) + count(*) / 2)
           / NULLIF(count(*), 0) AS pts
    FROM unnest($4::text[], $5::int[]) AS r(code, minr)
    JOIN expert_languages l ON l.expert_id = e.id AND l.code = r.code) lg ON true
WHERE e.status = 'published'
  AND e.attestation_issued_on <= $9
  AND (e.attestation_issued_on + interval '6 months')::date - 1 >= $9
  AND EXISTS (SELECT 1 FROM expert_domains d WHERE d.expert_id = e.id AND d.domain_id = $1)
  AND (e.available_from IS NULL OR e.available_from <= $8)
  AND NOT EXISTS (SELECT 1 FROM unnest($4::text[], $5::int[]) AS r(code, minr)
                  WHERE NOT EXISTS (SELECT 1 FROM expert_languages l WHERE l.expert_id = e.id
                                    AND l.code = r.code AND array_position($15, l.level) >= r.minr))
  AND ($7 OR e.departement_code = ANY($6)
       OR EXISTS (SELECT 1 FROM expert_mobility m
                  WHERE m.expert_id = e.id AND m.departement_code = ANY($6)))
ORDER BY total DESC
LIMIT 50";

pub async fn sql_top(
    pool: &PgPool,
    c: &ProjectCriteria,
    today: NaiveDate,
) -> Result<Vec<(ExpertId, i64)>> {
    let c = c.normalized();
    let max_cents = c.max_daily_rate.and_then(to_cents).map_or(0, i64::from);
    let skills = |s: &[u16]| s.iter().map(|x| *x as i16).collect::<Vec<_>>();
    let stated = [
        !(c.required_skills.is_empty() && c.optional_skills.is_empty()),
        c.level.is_some(),
        !c.languages.is_empty(),
        true,
        true,
        max_cents > 0,
    ];
    let weights: Vec<i32> = WEIGHTS
        .iter()
        .zip(stated)
        .map(|((_, w), s)| if s { i32::from(*w) } else { 0 })
        .collect();
    let units = 2 * c.required_skills.len() + c.optional_skills.len();
    Ok(sqlx::query_as(SQL_TOP)
        .bind(c.domain_id as i16)
        .bind(skills(&c.required_skills))
        .bind(skills(&c.optional_skills))
        .bind(
            c.languages
                .iter()
                .map(|l| l.code.clone())
                .collect::<Vec<_>>(),
        )
        .bind(
            c.languages
                .iter()
                .map(|l| l.min_level as i32 + 1)
                .collect::<Vec<_>>(),
        )
        .bind(
            c.places
                .iter()
                .map(|p| p.as_str().to_string())
                .collect::<Vec<_>>(),
        )
        .bind(c.remote)
        .bind(c.start)
        .bind(today)
        .bind(&weights)
        .bind(c.level.map_or(0, |l| l as i32))
        .bind(max_cents.max(1))
        .bind(weights.iter().sum::<i32>())
        .bind(units.max(1) as i32)
        .bind(LEVELS.map(String::from).to_vec())
        .fetch_all(pool)
        .await?)
}
