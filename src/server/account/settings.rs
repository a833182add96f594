//! What a signed-in person changes on their account page: their password (everyone) and
//! the company's details (clients).

use sqlx::PgPool;

use crate::domain::account::CompanyDetails;
use crate::domain::id::AccountId;
use crate::error::{AppError, Problem};
use crate::server::auth::password;

/// Replaces the password once the current one is proven. Every other session of the
/// account ends (the version they carry is now stale); the new version is returned for
/// the caller's own session to carry on.
pub async fn change_password(
    pool: &PgPool,
    account: AccountId,
    current: String,
    new: String,
) -> Result<i32, AppError> {
    let stored = sqlx::query_scalar!(
        "SELECT password_hash FROM accounts WHERE id = $1",
        account as AccountId
    )
    .fetch_optional(pool)
    .await?;
    if !password::verify(current, stored).await? {
        return Err(AppError::Validation(Problem::CurrentPasswordWrong));
    }
    let hash = password::hash(new).await?;
    Ok(sqlx::query_scalar!(
        "UPDATE accounts SET password_hash = $2, session_version = session_version + 1
         WHERE id = $1 RETURNING session_version",
        account as AccountId,
        &hash,
    )
    .fetch_one(pool)
    .await?)
}

/// The client's company as stored.
pub async fn company(pool: &PgPool, account: AccountId) -> Result<CompanyDetails, AppError> {
    sqlx::query_as!(
        CompanyDetails,
        "SELECT company_name, siret, contact_first_name, contact_last_name
         FROM clients WHERE account_id = $1",
        account as AccountId
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

/// Stores the company's details (already checked); the account is named after the
/// company, as at sign-up.
pub async fn update_company(
    pool: &PgPool,
    account: AccountId,
    details: &CompanyDetails,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let updated = sqlx::query!(
        "UPDATE clients SET company_name = $2, siret = $3, contact_first_name = $4,
             contact_last_name = $5
         WHERE account_id = $1",
        account as AccountId,
        details.company_name,
        details.siret,
        details.contact_first_name,
        details.contact_last_name,
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if updated != 1 {
        return Err(AppError::NotFound);
    }
    sqlx::query!(
        "UPDATE accounts SET display_name = $2 WHERE id = $1",
        account as AccountId,
        details.company_name,
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
