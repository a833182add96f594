//! Account use cases: sign-up, e-mail verification, sign-in check, password reset.
//! Each state change and the mail it causes commit in one transaction (outbox).

use chrono::{Duration, Utc};
use sqlx::{PgConnection, PgPool};

use crate::domain::account::{Email, ProviderKind, Role, Siret, TokenPurpose};
use crate::domain::id::AccountId;
use crate::domain::lang::Lang;
use crate::domain::notification::Notice;
use crate::error::{AppError, Problem};
use crate::server::auth::{password, tokens};
use crate::server::mail::{outbox, templates};
use crate::server::repo::notification;

mod admin;
mod settings;
mod sign_in;
pub use admin::{disable, enable, search, set_access};
pub use settings::{change_password, company, update_company};
pub use sign_in::sign_in;

pub const VERIFY_LINK_HOURS: i64 = 48;
pub const RESET_LINK_MINUTES: i64 = 60;

#[derive(Debug, Clone)]
pub enum NewAccount {
    Provider {
        kind: ProviderKind,
        first_name: String,
        last_name: String,
    },
    Client {
        company_name: String,
        siret: Siret,
        contact_first_name: String,
        contact_last_name: String,
    },
}

impl NewAccount {
    fn role(&self) -> Role {
        match self {
            NewAccount::Provider { .. } => Role::Provider,
            NewAccount::Client { .. } => Role::Client,
        }
    }

    fn display_name(&self) -> String {
        match self {
            NewAccount::Provider { first_name, .. } => first_name.clone(),
            NewAccount::Client { company_name, .. } => company_name.clone(),
        }
    }
}

/// Creates the account and queues the verification mail; for a known address, queues a
/// notice to its owner instead. The caller sees the same outcome either way. `lang`: the
/// visitor's, kept for the account's mails.
pub async fn sign_up(
    pool: &PgPool,
    public_url: &str,
    email: &Email,
    password_plain: String,
    account: NewAccount,
    lang: Lang,
) -> Result<(), AppError> {
    let hash = password::hash(password_plain).await?;
    let mut tx = pool.begin().await?;
    let inserted: Option<AccountId> = sqlx::query_scalar!(
        r#"INSERT INTO accounts (email, password_hash, role, display_name, language)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING RETURNING id AS "id: AccountId""#,
        email.as_str(),
        &hash,
        account.role() as Role,
        account.display_name(),
        lang as Lang,
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = inserted else {
        // The stored name, and only once the address confirmed it: the name just typed,
        // or one typed by whoever created an unconfirmed account, is anyone's words.
        // In the owner's language, not the visitor's.
        let (name, language) = sqlx::query!(
            r#"SELECT CASE WHEN email_verified_at IS NOT NULL THEN display_name END AS name,
                      language AS "language: Lang"
               FROM accounts WHERE email = $1"#,
            email.as_str()
        )
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| (row.name, row.language))
        .unwrap_or_default();
        let mail = templates::already_registered(
            language,
            email.as_str(),
            name.as_deref(),
            &format!("{public_url}/connexion"),
        );
        outbox::enqueue(&mut tx, &mail).await?;
        tx.commit().await?;
        return Ok(());
    };
    match &account {
        NewAccount::Provider {
            kind,
            first_name,
            last_name,
        } => {
            sqlx::query!(
"INSERT INTO providers (account_id, kind, first_name, last_name) VALUES ($1, $2, $3, $4)",
id as AccountId,
*kind as ProviderKind,
first_name,
last_name,
)
            .execute(&mut *tx)
            .await?;
        }
        NewAccount::Client {
            company_name,
            siret,
            contact_first_name,
            contact_last_name,
        } => {
            sqlx::query!(
"INSERT INTO clients (account_id, company_name, siret, contact_first_name, contact_last_name)
                 VALUES ($1, $2, $3, $4, $5)",
id as AccountId,
company_name,
siret.as_str(),
contact_first_name,
contact_last_name,
)
            .execute(&mut *tx)
            .await?;
        }
    }
    send_verification(&mut tx, public_url, id, email.as_str(), lang).await?;
    tx.commit().await?;
    Ok(())
}

async fn issue_token(
    conn: &mut PgConnection,
    account: AccountId,
    purpose: TokenPurpose,
    valid: Duration,
) -> Result<String, AppError> {
    let (token, digest) = tokens::generate();
    sqlx::query!(
"INSERT INTO email_tokens (token_hash, account_id, purpose, expires_at) VALUES ($1, $2, $3, $4)",
digest,
account as AccountId,
purpose as TokenPurpose,
(Utc::now() + valid) as chrono::DateTime<chrono::Utc>,
)
    .execute(&mut *conn)
    .await?;
    Ok(token)
}

async fn send_verification(
    conn: &mut PgConnection,
    public_url: &str,
    id: AccountId,
    email: &str,
    lang: Lang,
) -> Result<(), AppError> {
    let token = issue_token(
        conn,
        id,
        TokenPurpose::VerifyEmail,
        Duration::hours(VERIFY_LINK_HOURS),
    )
    .await?;
    let link = format!("{public_url}/verifier-email?jeton={token}");
    outbox::enqueue(conn, &templates::verify_email(lang, email, &link)).await?;
    Ok(())
}

/// Sends a fresh verification link to a signed-in, unverified account.
pub async fn resend_verification(
    pool: &PgPool,
    public_url: &str,
    id: AccountId,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let account = sqlx::query!(
        r#"SELECT email, email_verified_at IS NOT NULL AS "verified!", language AS "language: Lang"
           FROM accounts WHERE id = $1"#,
        id as AccountId
    )
    .fetch_one(&mut *tx)
    .await?;
    if !account.verified {
        send_verification(&mut tx, public_url, id, &account.email, account.language).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Uses a token once: returns its account if it is valid, unused and unexpired.
async fn consume_token(
    conn: &mut PgConnection,
    token: &str,
    purpose: TokenPurpose,
) -> Result<AccountId, AppError> {
    sqlx::query_scalar!(
        r#"UPDATE email_tokens SET used_at = now()
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
         RETURNING account_id AS "account_id: AccountId""#,
        tokens::digest(token),
        purpose as TokenPurpose,
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::InvalidLink)
}

pub async fn verify_email(pool: &PgPool, token: &str) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let id = consume_token(&mut tx, token, TokenPurpose::VerifyEmail).await?;
    sqlx::query!(
        "UPDATE accounts SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1",
        id as AccountId,
    )
    .execute(&mut *tx)
    .await?;
    notification::notify(&mut tx, id, &Notice::EmailConfirmed, Some("/compte")).await?;
    tx.commit().await?;
    Ok(())
}

/// Checks the credentials; the error is the same for an unknown address, a wrong
/// password and a disabled account.
pub async fn authenticate(
    pool: &PgPool,
    email: &Email,
    password_plain: String,
) -> Result<(AccountId, i32), AppError> {
    let row = sqlx::query!(
        r#"SELECT id AS "id: AccountId", password_hash, disabled_at IS NOT NULL AS "disabled!", session_version
           FROM accounts WHERE email = $1"#,
        email.as_str()
    )
    .fetch_optional(pool)
    .await?;
    let stored = row.as_ref().map(|r| r.password_hash.clone());
    let ok = password::verify(password_plain, stored).await?;
    match row {
        Some(r) if ok && !r.disabled => Ok((r.id, r.session_version)),
        _ => Err(AppError::BadCredentials),
    }
}

pub async fn request_reset(pool: &PgPool, public_url: &str, email: &Email) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    // The name only once the address confirmed it (see templates::already_registered).
    let row = sqlx::query!(
        r#"SELECT id AS "id: AccountId", CASE WHEN email_verified_at IS NOT NULL THEN display_name END AS name,
                  language AS "language: Lang"
           FROM accounts WHERE email = $1 AND disabled_at IS NULL"#,
        email.as_str()
    )
    .fetch_optional(&mut *tx)
    .await?
    .map(|row| (row.id, row.name, row.language));
    if let Some((id, name, language)) = row {
        let token = issue_token(
            &mut tx,
            id,
            TokenPurpose::ResetPassword,
            Duration::minutes(RESET_LINK_MINUTES),
        )
        .await?;
        let link = format!("{public_url}/reinitialiser-mot-de-passe?jeton={token}");
        outbox::enqueue(
            &mut tx,
            &templates::password_reset(language, email.as_str(), name.as_deref(), &link),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Sets the new password, ends every session of the account and voids other reset links.
///
/// The link is checked before the password is hashed: a made-up token must cost nothing
/// (a hash is 19 MiB and tens of milliseconds, and this is open to anyone). It is consumed
/// only in the transaction that sets the password, after the hash: no row is locked nor
/// connection held during the hash, and a link used meanwhile fails there.
pub async fn reset_password(
    pool: &PgPool,
    token: &str,
    password_plain: String,
) -> Result<(), AppError> {
    let usable: bool = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM email_tokens
          WHERE token_hash = $1 AND purpose = $2
            AND used_at IS NULL AND expires_at > now()) AS "usable!""#,
        tokens::digest(token),
        TokenPurpose::ResetPassword as TokenPurpose,
    )
    .fetch_one(pool)
    .await?;
    if !usable {
        return Err(AppError::InvalidLink);
    }
    let hash = password::hash(password_plain).await?;
    let mut tx = pool.begin().await?;
    let id = consume_token(&mut tx, token, TokenPurpose::ResetPassword).await?;
    sqlx::query!(
        "UPDATE accounts SET password_hash = $2, session_version = session_version + 1,
             email_verified_at = coalesce(email_verified_at, now())
         WHERE id = $1",
        id as AccountId,
        &hash,
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
"UPDATE email_tokens SET used_at = now() WHERE account_id = $1 AND purpose = $2 AND used_at IS NULL",
id as AccountId,
TokenPurpose::ResetPassword as TokenPurpose,
)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Creates an admin (command line, first start). Admins are never created by sign-up.
pub async fn create_admin(
    pool: &PgPool,
    email: &Email,
    name: &str,
    password_plain: String,
) -> Result<AccountId, AppError> {
    let hash = password::hash(password_plain).await?;
    let id = sqlx::query_scalar!(
        r#"INSERT INTO accounts (email, password_hash, role, display_name, email_verified_at)
         VALUES ($1, $2, $3, $4, now()) RETURNING id AS "id: AccountId""#,
        email.as_str(),
        hash,
        Role::Admin as Role,
        name,
    )
    .fetch_one(pool)
    .await
    .map_err(|err| match &err {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            AppError::Validation(Problem::AccountExists)
        }
        _ => err.into(),
    })?;
    Ok(id)
}

pub async fn has_admin(pool: &PgPool) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM accounts WHERE role = $1) AS "exists!""#,
        Role::Admin as Role,
    )
    .fetch_one(pool)
    .await?)
}
