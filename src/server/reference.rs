//! Reference data: the domains of expertise with their skills, and the départements —
//! read by the editor, the wizard and the review, administered by admins.

use sqlx::PgPool;

use crate::domain::lang::Lang;
use crate::domain::reference::{DomainRef, ReferenceData};
use crate::error::{AppError, Problem};

/// Every département as (code, "code – name"), in code order.
pub async fn departements(pool: &PgPool) -> Result<Vec<(String, String)>, AppError> {
    Ok(sqlx::query!(
        r#"SELECT code, code || ' – ' || name AS "label!" FROM departements ORDER BY code"#
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| (row.code, row.label))
    .collect())
}

/// The column of `domains` and `skills` holding their label in `lang`.
pub fn label_column(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "label_fr",
        Lang::En => "label_en",
    }
}

/// Domains (active ones) with their skills, and départements, labelled in the language
/// of the request being served: the reference data is read for the page that asked.
pub async fn reference_data(pool: &PgPool) -> Result<ReferenceData, AppError> {
    reference_data_in(pool, crate::server::lang::of_request()).await
}

/// [`reference_data`] labelled in `lang`.
pub async fn reference_data_in(pool: &PgPool, lang: Lang) -> Result<ReferenceData, AppError> {
    let label = label_column(lang);
    #[derive(sqlx::FromRow)]
    struct DomainRow {
        slug: String,
        label: String,
        skill_slugs: Vec<String>,
        skill_labels: Vec<String>,
        hidden_skills: Vec<String>,
    }
    let domains: Vec<DomainRow> = sqlx::query_as(&format!(
        "SELECT d.slug, d.{label} AS label,
                ARRAY(SELECT s.slug FROM skills s WHERE s.domain_id = d.id ORDER BY s.id)
                    AS skill_slugs,
                ARRAY(SELECT s.{label} FROM skills s WHERE s.domain_id = d.id ORDER BY s.id)
                    AS skill_labels,
                ARRAY(SELECT s.slug FROM skills s WHERE s.domain_id = d.id AND NOT s.active
                      ORDER BY s.id) AS hidden_skills
         FROM domains d WHERE d.active ORDER BY d.position",
    ))
    .fetch_all(pool)
    .await?;
    let departements = departements(pool).await?;
    Ok(ReferenceData {
        domains: domains
            .into_iter()
            .map(|d| DomainRef {
                slug: d.slug,
                label: d.label,
                skills: d.skill_slugs.into_iter().zip(d.skill_labels).collect(),
                hidden_skills: d.hidden_skills,
            })
            .collect(),
        departements,
    })
}

/// Every domain, active or not, with its skills, for the admin screen.
pub async fn reference_admin(
    pool: &PgPool,
) -> Result<Vec<crate::domain::reference::DomainAdmin>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT d.slug, d.label_fr, d.label_en, d.active,
                  ARRAY(SELECT s.slug FROM skills s WHERE s.domain_id = d.id ORDER BY s.id)
                      AS "skills!",
                  ARRAY(SELECT s.label_fr FROM skills s WHERE s.domain_id = d.id ORDER BY s.id)
                      AS "labels!",
                  ARRAY(SELECT s.slug FROM skills s WHERE s.domain_id = d.id AND NOT s.active
                        ORDER BY s.id) AS "hidden!"
           FROM domains d ORDER BY d.position, d.id"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| crate::domain::reference::DomainAdmin {
            slug: row.slug,
            label_fr: row.label_fr,
            label_en: row.label_en,
            active: row.active,
            skills: row.skills.into_iter().zip(row.labels).collect(),
            hidden_skills: row.hidden,
        })
        .collect())
}

fn taken(err: sqlx::Error) -> AppError {
    match &err {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            AppError::Validation(Problem::LabelTaken)
        }
        _ => err.into(),
    }
}

pub async fn add_domain(pool: &PgPool, slug: &str, fr: &str, en: &str) -> Result<(), AppError> {
    sqlx::query!(
        "INSERT INTO domains (slug, label_fr, label_en, position)
         SELECT $1, $2, $3, coalesce(max(position), 0) + 1 FROM domains",
        slug,
        fr,
        en,
    )
    .execute(pool)
    .await
    .map_err(taken)?;
    Ok(())
}

pub async fn add_skill(
    pool: &PgPool,
    domain: &str,
    slug: &str,
    fr: &str,
    en: &str,
) -> Result<(), AppError> {
    let done = sqlx::query!(
        "INSERT INTO skills (domain_id, slug, label_fr, label_en)
         SELECT id, $2, $3, $4 FROM domains WHERE slug = $1",
        domain,
        slug,
        fr,
        en,
    )
    .execute(pool)
    .await
    .map_err(taken)?;
    found(done.rows_affected())
}

pub async fn set_domain_active(pool: &PgPool, domain: &str, active: bool) -> Result<(), AppError> {
    let done = sqlx::query!(
        "UPDATE domains SET active = $2 WHERE slug = $1",
        domain,
        active,
    )
    .execute(pool)
    .await?;
    found(done.rows_affected())
}

/// Hides a skill from new choices, or offers it again.
pub async fn set_skill_active(pool: &PgPool, skill: &str, active: bool) -> Result<(), AppError> {
    let done = sqlx::query!(
        "UPDATE skills SET active = $2 WHERE slug = $1",
        skill,
        active,
    )
    .execute(pool)
    .await?;
    found(done.rows_affected())
}

/// `NotFound` when nothing was changed.
fn found(rows: u64) -> Result<(), AppError> {
    if rows == 0 {
        Err(AppError::NotFound)
    } else {
        Ok(())
    }
}

/// New labels for a domain; its slug stays.
pub async fn rename_domain(pool: &PgPool, slug: &str, fr: &str, en: &str) -> Result<(), AppError> {
    rename(
        pool,
        "UPDATE domains SET label_fr = $2, label_en = $3 WHERE slug = $1",
        slug,
        fr,
        en,
    )
    .await
}

/// New labels for a skill; its slug stays.
pub async fn rename_skill(pool: &PgPool, slug: &str, fr: &str, en: &str) -> Result<(), AppError> {
    rename(
        pool,
        "UPDATE skills SET label_fr = $2, label_en = $3 WHERE slug = $1",
        slug,
        fr,
        en,
    )
    .await
}

async fn rename(pool: &PgPool, sql: &str, slug: &str, fr: &str, en: &str) -> Result<(), AppError> {
    let done = sqlx::query(sql)
        .bind(slug)
        .bind(fr)
        .bind(en)
        .execute(pool)
        .await
        .map_err(taken)?;
    found(done.rows_affected())
}
