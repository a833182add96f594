//! What admins do to accounts: find them, disable them, enable them again.

use sqlx::PgPool;

use crate::domain::account::{AccountSummary, Role};
use crate::domain::id::AccountId;
use crate::domain::session::CurrentUser;
use crate::error::{AppError, Problem};

/// An admin disables or enables an account, never their own (they would lock themselves
/// out mid-action).
pub async fn set_access(
    pool: &PgPool,
    admin: &CurrentUser,
    id: AccountId,
    disabled: bool,
) -> Result<(), AppError> {
    if id == admin.id {
        return Err(AppError::Validation(Problem::CannotDisableSelf));
    }
    tracing::info!(admin = %admin.id, account = %id, disabled, "account access changed");
    if disabled {
        disable(pool, id).await
    } else {
        enable(pool, id).await
    }
}

/// Disables an account: its sessions end at their next request; its published card
/// leaves the directory and matching (every server's index, through the notification).
pub async fn disable(pool: &PgPool, id: AccountId) -> Result<(), AppError> {
    set_disabled(
        pool,
        id,
        "UPDATE accounts SET disabled_at = now(), session_version = session_version + 1
         WHERE id = $1 AND disabled_at IS NULL",
    )
    .await
}

/// Enables a disabled account again (its owner signs in anew; a published card returns).
pub async fn enable(pool: &PgPool, id: AccountId) -> Result<(), AppError> {
    set_disabled(
        pool,
        id,
        "UPDATE accounts SET disabled_at = NULL WHERE id = $1 AND disabled_at IS NOT NULL",
    )
    .await
}

async fn set_disabled(pool: &PgPool, id: AccountId, update: &str) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let changed = sqlx::query(update)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    // The expert's matching entry is reloaded (dropped or restored) by every server.
    sqlx::query!(
        "SELECT pg_notify('experts_changed', e.id::text) FROM experts e WHERE e.account_id = $1",
        id as AccountId,
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    found_or_unchanged(pool, id, changed).await
}

async fn found_or_unchanged(pool: &PgPool, id: AccountId, changed: u64) -> Result<(), AppError> {
    if changed > 0 {
        return Ok(());
    }
    let exists: bool = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM accounts WHERE id = $1) AS "exists!""#,
        id as AccountId
    )
    .fetch_one(pool)
    .await?;
    if exists {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Accounts whose e-mail or name contains `search` (all when empty), newest first.
pub async fn search(
    pool: &PgPool,
    search: &str,
    limit: i64,
) -> Result<Vec<AccountSummary>, AppError> {
    let pattern = format!(
        "%{}%",
        search
            .trim()
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    Ok(sqlx::query_as!(
        AccountSummary,
        r#"SELECT id AS "id: AccountId", email, display_name, role AS "role: Role",
                  created_at::date AS "created_on!: chrono::NaiveDate",
                  email_verified_at IS NOT NULL AS "verified!",
                  disabled_at IS NOT NULL AS "disabled!"
           FROM accounts
           WHERE email LIKE $1 OR lower(display_name) LIKE $1
           ORDER BY created_at DESC, id LIMIT $2"#,
        pattern,
        limit
    )
    .fetch_all(pool)
    .await?)
}
