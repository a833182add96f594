//! A published profile as those allowed see it: the approved snapshot, or for profiles
//! published without the editor (demo data, imports) a dossier rebuilt from its columns.

use chrono::NaiveDate;
use sqlx::PgPool;

use crate::domain::id::{AccountId, ExpertId};
use crate::domain::profile::{DraftFiles, FullDossier, LanguageLevel, ProfileDraft};
use crate::domain::reference::ReferenceData;
use crate::error::AppError;
use crate::server::profile::repo as profiles;

/// The published dossier of an expert, as proposed clients and admins see it.
pub async fn published_dossier(
    pool: &PgPool,
    expert: ExpertId,
    refs: &ReferenceData,
    today: NaiveDate,
) -> Result<(FullDossier, AccountId), AppError> {
    #[derive(sqlx::FromRow)]
    struct Published {
        account_id: AccountId,
        dossier: Option<sqlx::types::Json<ProfileDraft>>,
        email: String,
        photo_key: Option<String>,
        cv_key: Option<String>,
        attestation_key: Option<String>,
    }
    let row: Option<Published> = sqlx::query_as(concat!(
        "SELECT e.account_id, e.dossier, coalesce(e.email, '') AS email, e.photo_key, e.cv_key,
                e.attestation_key
         FROM experts e WHERE e.id = $1 AND ",
        crate::visible_expert!("$2")
    ))
    .bind(expert)
    .bind(today)
    .fetch_optional(pool)
    .await?;
    let Published {
        account_id: account,
        dossier: snapshot,
        email,
        photo_key: photo,
        cv_key: cv,
        attestation_key: attestation,
    } = row.ok_or(AppError::NotFound)?;
    let draft = match snapshot {
        Some(s) => s.0,
        None => draft_from_columns(pool, expert).await?,
    };
    let mut conn = pool.acquire().await?;
    let files: DraftFiles = profiles::files_info(&mut conn, &[photo, cv, attestation]).await?;
    let mut full = draft.dossier(Some(expert), &email, refs, &files);
    if files.photo.is_some() {
        full.card.photo_url = Some(format!("/photos/{expert}"));
    }
    Ok((full, account))
}

/// A dossier rebuilt from the published columns, for profiles published without the
/// editor (demo data, imports).
async fn draft_from_columns(pool: &PgPool, expert: ExpertId) -> Result<ProfileDraft, AppError> {
    use crate::domain::profile::{LanguageEntry, SkillEntry};
    let row = sqlx::query!(
        r#"SELECT first_name, last_name, departement_code, years_experience, education, phone,
                  postal_address, legal_form, siret, vat_number, daily_rate,
                  available_from AS "available_from: chrono::NaiveDate", remote_ok,
                  attestation_issued_on AS "attestation_issued_on: chrono::NaiveDate"
           FROM experts WHERE id = $1"#,
        expert as ExpertId
    )
    .fetch_one(pool)
    .await?;
    let domains: Vec<String> = sqlx::query_scalar!(
        "SELECT d.slug FROM expert_domains ed JOIN domains d ON d.id = ed.domain_id
         WHERE ed.expert_id = $1 ORDER BY d.position",
        expert as ExpertId,
    )
    .fetch_all(pool)
    .await?;
    let languages = sqlx::query!(
        r#"SELECT code, level AS "level: LanguageLevel"
           FROM expert_languages WHERE expert_id = $1 ORDER BY code"#,
        expert as ExpertId
    )
    .fetch_all(pool)
    .await?;
    let skills = sqlx::query!(
        "SELECT s.slug, es.years FROM expert_skills es JOIN skills s ON s.id = es.skill_id
         WHERE es.expert_id = $1 ORDER BY s.id",
        expert as ExpertId
    )
    .fetch_all(pool)
    .await?;
    let text = |v: Option<String>| v.unwrap_or_default();
    Ok(ProfileDraft {
        first_name: row.first_name,
        last_name: text(row.last_name),
        departement: row.departement_code,
        years_experience: row.years_experience.to_string(),
        education: row.education.join("\n"),
        phone: text(row.phone),
        postal_address: text(row.postal_address),
        legal_form: text(row.legal_form),
        siret: text(row.siret),
        vat_number: text(row.vat_number),
        daily_rate: row.daily_rate.map(|r| r.to_string()).unwrap_or_default(),
        available_from: row
            .available_from
            .map(|d| d.to_string())
            .unwrap_or_default(),
        remote_ok: row.remote_ok,
        attestation_issued_on: row
            .attestation_issued_on
            .map(|d| d.to_string())
            .unwrap_or_default(),
        domains,
        languages: languages
            .into_iter()
            .map(|l| LanguageEntry {
                code: l.code,
                level: l.level.as_str().to_string(),
            })
            .collect(),
        skills: skills
            .into_iter()
            .map(|s| SkillEntry {
                slug: s.slug,
                years: s.years.to_string(),
            })
            .collect(),
        ..Default::default()
    })
}
