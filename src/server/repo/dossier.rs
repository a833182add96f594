//! Expert dossiers: the draft being edited, its files, and reference data.

use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::dossier::{DomainRef, DraftFiles, FileInfo, ProfileDraft, ReferenceData};
use crate::domain::selection::ProposalState;
use crate::domain::upload::{quota_reached, UploadSlot, PENDING_FILES_QUOTA};
use crate::error::AppError;

/// Domains (active ones) with their skills, and départements.
pub async fn reference_data(pool: &PgPool) -> Result<ReferenceData, AppError> {
    let domains: Vec<(String, String, Vec<String>, Vec<String>)> = sqlx::query_as(
        "SELECT d.slug, d.label_fr,
                ARRAY(SELECT s.slug FROM skills s WHERE s.domain_id = d.id ORDER BY s.id),
                ARRAY(SELECT s.label_fr FROM skills s WHERE s.domain_id = d.id ORDER BY s.id)
         FROM domains d WHERE d.active ORDER BY d.position",
    )
    .fetch_all(pool)
    .await?;
    let departements =
        sqlx::query_as("SELECT code, code || ' – ' || name FROM departements ORDER BY code")
            .fetch_all(pool)
            .await?;
    Ok(ReferenceData {
        domains: domains
            .into_iter()
            .map(|(slug, label, skill_slugs, skill_labels)| DomainRef {
                slug,
                label,
                skills: skill_slugs.into_iter().zip(skill_labels).collect(),
            })
            .collect(),
        departements,
    })
}

/// Where a stored file is served.
pub fn file_url(key: &str) -> String {
    format!("/fichiers/{key}")
}

/// The current draft, its revision and files. A first visit starts from the names given
/// at sign-up.
pub struct DraftRow {
    pub draft: ProfileDraft,
    pub revision: i64,
    pub files: DraftFiles,
    pub keys: [Option<String>; 3],
}

pub async fn load_draft(conn: &mut PgConnection, account: Uuid) -> Result<DraftRow, AppError> {
    type Row = (
        sqlx::types::Json<ProfileDraft>,
        i64,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let row: Option<Row> = sqlx::query_as(
        "SELECT data, revision, photo_key, cv_key, attestation_key
         FROM expert_drafts WHERE account_id = $1",
    )
    .bind(account)
    .fetch_optional(&mut *conn)
    .await?;
    let (draft, revision, photo, cv, attestation) = match row {
        Some((draft, revision, p, c, a)) => (draft.0, revision, p, c, a),
        None => {
            let names: Option<(String, String)> =
                sqlx::query_as("SELECT first_name, last_name FROM providers WHERE account_id = $1")
                    .bind(account)
                    .fetch_optional(&mut *conn)
                    .await?;
            let (first_name, last_name) = names.unwrap_or_default();
            let draft = ProfileDraft {
                first_name,
                last_name,
                ..Default::default()
            };
            (draft, 0, None, None, None)
        }
    };
    let keys = [photo, cv, attestation];
    let files = files_info(&mut *conn, &keys).await?;
    Ok(DraftRow {
        draft,
        revision,
        files,
        keys,
    })
}

/// Sizes and URLs of the files behind `[photo, cv, attestation]` keys.
pub async fn files_info(
    conn: &mut PgConnection,
    keys: &[Option<String>; 3],
) -> Result<DraftFiles, AppError> {
    let wanted: Vec<String> = keys.iter().flatten().cloned().collect();
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT key, bytes FROM stored_files WHERE key = ANY($1)")
            .bind(&wanted)
            .fetch_all(&mut *conn)
            .await?;
    let info = |key: &Option<String>| {
        let key = key.as_ref()?;
        let bytes = rows.iter().find(|(k, _)| k == key)?.1;
        Some(FileInfo {
            url: file_url(key),
            bytes: u64::try_from(bytes).unwrap_or(0),
        })
    };
    Ok(DraftFiles {
        photo: info(&keys[0]),
        cv: info(&keys[1]),
        attestation: info(&keys[2]),
    })
}

/// Stores the draft and returns its revision, which only moves when the draft changed
/// (a late autosave of what was just submitted leaves the submission current).
pub async fn save_draft(
    pool: &PgPool,
    account: Uuid,
    draft: &ProfileDraft,
) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(
        "WITH saved AS (
            INSERT INTO expert_drafts (account_id, data, revision) VALUES ($1, $2, 1)
            ON CONFLICT (account_id) DO UPDATE
               SET data = EXCLUDED.data, revision = expert_drafts.revision + 1, updated_at = now()
               WHERE expert_drafts.data IS DISTINCT FROM EXCLUDED.data
            RETURNING revision)
         SELECT revision FROM saved
         UNION ALL
         SELECT revision FROM expert_drafts
         WHERE account_id = $1 AND NOT EXISTS (SELECT 1 FROM saved)",
    )
    .bind(account)
    .bind(sqlx::types::Json(draft))
    .fetch_one(pool)
    .await?)
}

/// Bytes of the account's files that neither a submission nor the published profile
/// keeps (see [`PENDING_FILES_QUOTA`]).
pub async fn pending_file_bytes(
    conn: impl sqlx::PgExecutor<'_>,
    account: Uuid,
) -> Result<u64, AppError> {
    let bytes: i64 = sqlx::query_scalar(
        "SELECT coalesce(sum(f.bytes), 0)::bigint FROM stored_files f
         WHERE f.account_id = $1
           AND NOT EXISTS (SELECT 1 FROM profile_submissions s WHERE s.account_id = $1
                             AND f.key IN (s.photo_key, s.cv_key, s.attestation_key))
           AND NOT EXISTS (SELECT 1 FROM experts e WHERE e.account_id = $1
                             AND f.key IN (e.photo_key, e.cv_key, e.attestation_key))",
    )
    .bind(account)
    .fetch_one(conn)
    .await?;
    Ok(u64::try_from(bytes).unwrap_or(0))
}

/// Records an uploaded file and attaches it to the draft (replacing the previous one of
/// that slot, which stays stored while a submission or the published profile uses it).
/// Refused past the account's [`PENDING_FILES_QUOTA`].
pub async fn attach_file(
    pool: &PgPool,
    account: Uuid,
    slot: UploadSlot,
    key: &str,
    mime: &str,
    bytes: usize,
) -> Result<(), AppError> {
    let column = match slot {
        UploadSlot::Photo => "photo_key",
        UploadSlot::Cv => "cv_key",
        UploadSlot::Attestation => "attestation_key",
    };
    let mut tx = pool.begin().await?;
    // The account's uploads are recorded one at a time, so that parallel ones cannot
    // all pass the quota.
    sqlx::query("SELECT pg_advisory_xact_lock(hashtext('uploads:' || $1::text))")
        .bind(account)
        .execute(&mut *tx)
        .await?;
    let used = pending_file_bytes(&mut *tx, account).await?;
    if used.saturating_add(u64::try_from(bytes).unwrap_or(u64::MAX)) > PENDING_FILES_QUOTA {
        return Err(quota_reached());
    }
    sqlx::query(
        "INSERT INTO stored_files (key, account_id, slot, mime, bytes) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(key)
    .bind(account)
    .bind(slot)
    .bind(mime)
    .bind(i64::try_from(bytes).unwrap_or(i64::MAX))
    .execute(&mut *tx)
    .await?;
    sqlx::query(&format!(
        "INSERT INTO expert_drafts (account_id, {column}) VALUES ($1, $2)
         ON CONFLICT (account_id) DO UPDATE
            SET {column} = EXCLUDED.{column}, revision = expert_drafts.revision + 1,
                updated_at = now()"
    ))
    .bind(account)
    .bind(key)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A stored file's type, owner and slot.
pub struct StoredFile {
    pub mime: String,
    pub owner: Uuid,
    pub slot: UploadSlot,
}

pub async fn stored_file(pool: &PgPool, key: &str) -> Result<Option<StoredFile>, AppError> {
    let row: Option<(String, Uuid, UploadSlot)> =
        sqlx::query_as("SELECT mime, account_id, slot FROM stored_files WHERE key = $1")
            .bind(key)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(mime, owner, slot)| StoredFile { mime, owner, slot }))
}

/// Whether `key` is a file of the published version (not a draft's, nor a replaced
/// one) of a visible expert proposed to `client` by a proposal still open to them.
pub async fn proposed_file(pool: &PgPool, key: &str, client: Uuid) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar(concat!(
        "SELECT EXISTS (SELECT 1 FROM proposals pr
                        JOIN projects p ON p.id = pr.project_id
                        JOIN experts e ON e.id = pr.expert_id
                        WHERE p.client_account_id = $2 AND pr.state = ANY($3)
                          AND $1 IN (e.photo_key, e.cv_key, e.attestation_key)
                          AND ",
        crate::visible_expert!(),
        ")"
    ))
    .bind(key)
    .bind(client)
    .bind(ProposalState::OPEN_TO_CLIENT)
    .fetch_one(pool)
    .await?)
}

/// Whether `key` is the photo of a published profile (public).
pub async fn is_published_photo(pool: &PgPool, key: &str) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar(concat!(
        "SELECT EXISTS (SELECT 1 FROM experts e WHERE e.photo_key = $1 AND ",
        crate::visible_expert!(),
        ")"
    ))
    .bind(key)
    .fetch_one(pool)
    .await?)
}

/// The published photo's key of an expert.
pub async fn published_photo(pool: &PgPool, expert: Uuid) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar(concat!(
        "SELECT e.photo_key FROM experts e WHERE e.id = $1 AND ",
        crate::visible_expert!()
    ))
    .bind(expert)
    .fetch_optional(pool)
    .await?
    .flatten())
}

/// Every domain, active or not, with its skills, for the admin screen.
pub async fn reference_admin(
    pool: &PgPool,
) -> Result<Vec<crate::domain::reference::DomainAdmin>, AppError> {
    type Row = (String, String, String, bool, Vec<String>, Vec<String>);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT d.slug, d.label_fr, d.label_en, d.active,
                ARRAY(SELECT s.slug FROM skills s WHERE s.domain_id = d.id ORDER BY s.id),
                ARRAY(SELECT s.label_fr FROM skills s WHERE s.domain_id = d.id ORDER BY s.id)
         FROM domains d ORDER BY d.position, d.id",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(slug, label_fr, label_en, active, skills, labels)| {
            crate::domain::reference::DomainAdmin {
                slug,
                label_fr,
                label_en,
                active,
                skills: skills.into_iter().zip(labels).collect(),
            }
        })
        .collect())
}

fn taken(err: sqlx::Error) -> AppError {
    match &err {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            AppError::Validation("Ce libellé existe déjà.".into())
        }
        _ => err.into(),
    }
}

pub async fn add_domain(pool: &PgPool, slug: &str, fr: &str, en: &str) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO domains (slug, label_fr, label_en, position)
         SELECT $1, $2, $3, coalesce(max(position), 0) + 1 FROM domains",
    )
    .bind(slug)
    .bind(fr)
    .bind(en)
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
    let done = sqlx::query(
        "INSERT INTO skills (domain_id, slug, label_fr, label_en)
         SELECT id, $2, $3, $4 FROM domains WHERE slug = $1",
    )
    .bind(domain)
    .bind(slug)
    .bind(fr)
    .bind(en)
    .execute(pool)
    .await
    .map_err(taken)?;
    found(done.rows_affected())
}

pub async fn set_domain_active(pool: &PgPool, domain: &str, active: bool) -> Result<(), AppError> {
    let done = sqlx::query("UPDATE domains SET active = $2 WHERE slug = $1")
        .bind(domain)
        .bind(active)
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
