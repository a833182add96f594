//! Expert dossiers: the draft being edited, its files, and reference data.

use chrono::NaiveDate;
use sqlx::{PgConnection, PgPool};

use crate::domain::id::{AccountId, ExpertId};
use crate::domain::profile::{DraftFiles, FileInfo, ProfileDraft};
use crate::domain::review::ExpertStatus;
use crate::domain::selection::ProposalState;
use crate::domain::upload::{quota_reached, UploadSlot, PENDING_FILES_QUOTA};
use crate::error::AppError;

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

pub async fn load_draft(conn: &mut PgConnection, account: AccountId) -> Result<DraftRow, AppError> {
    let row = sqlx::query!(
        r#"SELECT data AS "data: sqlx::types::Json<ProfileDraft>", revision,
                  photo_key, cv_key, attestation_key
           FROM expert_drafts WHERE account_id = $1"#,
        account as AccountId
    )
    .fetch_optional(&mut *conn)
    .await?;
    let (draft, revision, photo, cv, attestation) = match row {
        Some(r) => (
            r.data.0,
            r.revision,
            r.photo_key,
            r.cv_key,
            r.attestation_key,
        ),
        None => {
            let names = sqlx::query!(
                "SELECT first_name, last_name FROM providers WHERE account_id = $1",
                account as AccountId
            )
            .fetch_optional(&mut *conn)
            .await?;
            let draft = ProfileDraft {
                first_name: names
                    .as_ref()
                    .map(|n| n.first_name.clone())
                    .unwrap_or_default(),
                last_name: names.map(|n| n.last_name).unwrap_or_default(),
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
    let rows = sqlx::query!(
        "SELECT key, bytes FROM stored_files WHERE key = ANY($1)",
        &wanted
    )
    .fetch_all(&mut *conn)
    .await?;
    let info = |key: &Option<String>| {
        let key = key.as_ref()?;
        let bytes = rows.iter().find(|row| &row.key == key)?.bytes;
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

/// Whether `skills` holds a skill admins hid that the stored draft did not hold: the
/// editor never offers one, a hidden skill is only kept by whoever had it.
pub async fn adds_hidden_skill(
    pool: &PgPool,
    account: AccountId,
    skills: &[String],
) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (
             SELECT 1 FROM skills s WHERE NOT s.active AND s.slug = ANY($2)
               AND NOT EXISTS (SELECT 1 FROM expert_drafts d WHERE d.account_id = $1
                   AND d.data->'skills' @> jsonb_build_array(jsonb_build_object('slug', s.slug))))
           AS "adds!""#,
        account as AccountId,
        skills,
    )
    .fetch_one(pool)
    .await?)
}

/// Stores the draft and returns its revision, which only moves when the draft changed
/// (a late autosave of what was just submitted leaves the submission current).
pub async fn save_draft(
    pool: &PgPool,
    account: AccountId,
    draft: &ProfileDraft,
) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"WITH saved AS (
            INSERT INTO expert_drafts (account_id, data, revision) VALUES ($1, $2, 1)
            ON CONFLICT (account_id) DO UPDATE
               SET data = EXCLUDED.data, revision = expert_drafts.revision + 1, updated_at = now()
               WHERE expert_drafts.data IS DISTINCT FROM EXCLUDED.data
            RETURNING revision)
         SELECT revision AS "revision!" FROM saved
         UNION ALL
         SELECT revision FROM expert_drafts
         WHERE account_id = $1 AND NOT EXISTS (SELECT 1 FROM saved)"#,
        account as AccountId,
        sqlx::types::Json(draft) as _,
    )
    .fetch_one(pool)
    .await?)
}

/// The names the expert typed become the account's: admin lists, notices and mails say
/// who the expert is now, not who signed up.
pub async fn rename(
    pool: &PgPool,
    account: AccountId,
    first_name: &str,
    last_name: &str,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    sqlx::query!(
        "UPDATE accounts SET display_name = $2 WHERE id = $1 AND display_name <> $2",
        account as AccountId,
        first_name,
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE providers SET first_name = $2, last_name = $3
         WHERE account_id = $1 AND (first_name, last_name) <> ($2, $3)",
        account as AccountId,
        first_name,
        last_name,
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Bytes of the account's files that neither a submission nor the published profile
/// keeps (see [`PENDING_FILES_QUOTA`]).
pub async fn pending_file_bytes(
    conn: impl sqlx::PgExecutor<'_>,
    account: AccountId,
) -> Result<u64, AppError> {
    let bytes: i64 = sqlx::query_scalar!(
        r#"SELECT coalesce(sum(f.bytes), 0)::bigint AS "bytes!" FROM stored_files f
         WHERE f.account_id = $1
           AND NOT EXISTS (SELECT 1 FROM profile_submissions s WHERE s.account_id = $1
                             AND f.key IN (s.photo_key, s.cv_key, s.attestation_key))
           AND NOT EXISTS (SELECT 1 FROM experts e WHERE e.account_id = $1
                             AND f.key IN (e.photo_key, e.cv_key, e.attestation_key))"#,
        account as AccountId,
    )
    .fetch_one(conn)
    .await?;
    Ok(u64::try_from(bytes).unwrap_or(0))
}

/// Records an uploaded file and attaches it to the draft (replacing the previous one of
/// that slot, which stays stored while a submission or the published profile uses it).
/// Refused past the account's [`PENDING_FILES_QUOTA`].
pub async fn attach_file(
    pool: &PgPool,
    account: AccountId,
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
    sqlx::query!(
        "SELECT pg_advisory_xact_lock(hashtext('uploads:' || $1::uuid::text))",
        account as AccountId,
    )
    .execute(&mut *tx)
    .await?;
    let used = pending_file_bytes(&mut *tx, account).await?;
    if used.saturating_add(u64::try_from(bytes).unwrap_or(u64::MAX)) > PENDING_FILES_QUOTA {
        return Err(quota_reached());
    }
    sqlx::query!(
        "INSERT INTO stored_files (key, account_id, slot, mime, bytes) VALUES ($1, $2, $3, $4, $5)",
        key,
        account as AccountId,
        slot as UploadSlot,
        mime,
        i64::try_from(bytes).unwrap_or(i64::MAX),
    )
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
    pub owner: AccountId,
    pub slot: UploadSlot,
}

pub async fn stored_file(pool: &PgPool, key: &str) -> Result<Option<StoredFile>, AppError> {
    Ok(sqlx::query_as!(
        StoredFile,
        r#"SELECT mime, account_id AS "owner: AccountId", slot AS "slot: UploadSlot"
           FROM stored_files WHERE key = $1"#,
        key
    )
    .fetch_optional(pool)
    .await?)
}

/// Whether `key` is a file of the published version (not a draft's, nor a replaced
/// one) of a visible expert proposed to `client` by a proposal still open to them.
pub async fn proposed_file(
    pool: &PgPool,
    key: &str,
    client: AccountId,
    today: NaiveDate,
) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar(concat!(
        "SELECT EXISTS (SELECT 1 FROM proposals pr
                        JOIN projects p ON p.id = pr.project_id
                        JOIN experts e ON e.id = pr.expert_id
                        WHERE p.client_account_id = $2 AND pr.state = ANY($3)
                          AND $1 IN (e.photo_key, e.cv_key, e.attestation_key)
                          AND ",
        crate::visible_expert!("$4"),
        ")"
    ))
    .bind(key)
    .bind(client)
    .bind(ProposalState::OPEN_TO_CLIENT)
    .bind(today)
    .fetch_one(pool)
    .await?)
}

/// Whether `key` is the photo of a published profile (public).
pub async fn is_published_photo(
    pool: &PgPool,
    key: &str,
    today: NaiveDate,
) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar(concat!(
        "SELECT EXISTS (SELECT 1 FROM experts e WHERE e.photo_key = $1 AND ",
        crate::visible_expert!("$2"),
        ")"
    ))
    .bind(key)
    .bind(today)
    .fetch_one(pool)
    .await?)
}

/// The published photo's key of an expert.
pub async fn published_photo(
    pool: &PgPool,
    expert: ExpertId,
    today: NaiveDate,
) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar(concat!(
        "SELECT e.photo_key FROM experts e WHERE e.id = $1 AND ",
        crate::visible_expert!("$2")
    ))
    .bind(expert)
    .bind(today)
    .fetch_optional(pool)
    .await?
    .flatten())
}

/// The published version of the account's profile: its id and attestation date.
pub struct PublishedVersion {
    pub id: ExpertId,
    pub issued: Option<NaiveDate>,
}

pub async fn published_version(
    pool: &PgPool,
    account: AccountId,
) -> Result<Option<PublishedVersion>, AppError> {
    Ok(sqlx::query_as!(
        PublishedVersion,
        r#"SELECT id AS "id: ExpertId", attestation_issued_on AS "issued: NaiveDate"
           FROM experts WHERE account_id = $1 AND status = $2"#,
        account as AccountId,
        ExpertStatus::Published as ExpertStatus
    )
    .fetch_optional(pool)
    .await?)
}
