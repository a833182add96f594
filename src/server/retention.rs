//! Uploaded files nobody refers to any more are deleted: a CV or an attestation replaced
//! in the draft before it was ever submitted is private data with no purpose left.
//!
//! A file is kept while the draft, any submission (the review history shows what the
//! admin decided on) or the published version refers to it, and for a grace period
//! after its upload (an upload is stored before it is attached to the draft).

use std::time::Duration;

use sqlx::PgPool;

use crate::error::AppError;
use crate::server::storage::{Key, Storage};

/// How long a file nobody refers to is kept after its upload.
pub const GRACE: Duration = Duration::from_secs(24 * 3600);

/// Deletes the files uploaded more than `grace` ago that nothing refers to: their rows
/// first (foreign keys make a reference appearing meanwhile fail the statement), then
/// their objects. Returns how many files were deleted.
pub async fn purge_unreferenced_files(
    pool: &PgPool,
    storage: &impl Storage,
    grace: Duration,
) -> Result<usize, AppError> {
    let keys: Vec<String> = sqlx::query_scalar!(
        "WITH used AS (
            SELECT unnest(ARRAY[photo_key, cv_key, attestation_key]) AS key FROM expert_drafts
            UNION
            SELECT unnest(ARRAY[photo_key, cv_key, attestation_key]) FROM profile_submissions
            UNION
            SELECT unnest(ARRAY[photo_key, cv_key, attestation_key]) FROM experts)
         DELETE FROM stored_files f
          WHERE f.created_at < now() - make_interval(secs => $1)
            AND NOT EXISTS (SELECT 1 FROM used WHERE used.key = f.key)
          RETURNING f.key",
        grace.as_secs_f64(),
    )
    .fetch_all(pool)
    .await?;
    for stored in &keys {
        let Some(key) = Key::parse(stored) else {
            tracing::error!(key = %stored, "unexpected stored file key");
            continue;
        };
        // The row is gone: the file can no longer be served. An object left behind by a
        // failed deletion is logged; it is unreachable.
        if let Err(err) = storage.delete(&key).await {
            tracing::warn!(key = %stored, error = %err, "deleting an unreferenced file failed");
        }
    }
    Ok(keys.len())
}

/// Runs the purge every hour, for ever.
pub async fn run(pool: PgPool, storage: impl Storage) {
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        match purge_unreferenced_files(&pool, &storage, GRACE).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(deleted = n, "unreferenced uploaded files deleted"),
            Err(err) => tracing::warn!(error = ?err, "unreferenced file purge failed"),
        }
    }
}
