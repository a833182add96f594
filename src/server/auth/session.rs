//! Server-side sessions (tower-sessions, stored in PostgreSQL).
//!
//! The session holds only the account id, the account's session version and the time
//! of sign-in. Every request re-reads the account, so disabling it or changing its
//! password (both bump `session_version`) ends all its sessions at once.

use chrono::Utc;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use tower_sessions::Session;

use crate::domain::account::Role;
use crate::domain::id::AccountId;
use crate::domain::session::CurrentUser;
use crate::error::AppError;

const USER_KEY: &str = "user";
/// Sessions end after this long without a request…
pub const IDLE_MINUTES: i64 = 120;
/// …and in any case this long after sign-in.
pub const ABSOLUTE_HOURS: i64 = 12;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct SessionUser {
    account_id: AccountId,
    version: i32,
    signed_in_at: i64,
}

fn session_error(err: tower_sessions::session::Error) -> AppError {
    tracing::error!(error = %err, "session store error");
    AppError::Unavailable
}

/// Binds the session to the account, under a new session id (no fixation).
pub async fn sign_in(
    session: &Session,
    account_id: AccountId,
    version: i32,
) -> Result<(), AppError> {
    session.cycle_id().await.map_err(session_error)?;
    let user = SessionUser {
        account_id,
        version,
        signed_in_at: Utc::now().timestamp(),
    };
    session.insert(USER_KEY, user).await.map_err(session_error)
}

/// Ends the session and deletes it from the store.
pub async fn sign_out(session: &Session) -> Result<(), AppError> {
    session.flush().await.map_err(session_error)
}

/// The signed-in account, if the session still holds one that may act.
pub async fn current_user(
    session: &Session,
    pool: &PgPool,
) -> Result<Option<CurrentUser>, AppError> {
    let Some(user) = session
        .get::<SessionUser>(USER_KEY)
        .await
        .map_err(session_error)?
    else {
        return Ok(None);
    };
    if Utc::now().timestamp() - user.signed_in_at > ABSOLUTE_HOURS * 3600 {
        sign_out(session).await?;
        return Ok(None);
    }
    let row = sqlx::query!(
        r#"SELECT role AS "role: Role", display_name, email,
                  email_verified_at IS NOT NULL AS "verified!",
                  disabled_at IS NOT NULL AS "disabled!", session_version
           FROM accounts WHERE id = $1"#,
        user.account_id as AccountId
    )
    .fetch_optional(pool)
    .await?
    .map(|r| {
        (
            r.role,
            r.display_name,
            r.email,
            r.verified,
            r.disabled,
            r.session_version,
        )
    });
    match row {
        Some((role, display_name, email, verified, false, version)) if version == user.version => {
            Ok(Some(CurrentUser {
                id: user.account_id,
                role,
                display_name,
                email,
                email_verified: verified,
            }))
        }
        _ => {
            sign_out(session).await?;
            Ok(None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use tower_sessions::MemoryStore;
    use uuid::Uuid;

    #[tokio::test]
    async fn sessions_end_twelve_hours_after_sign_in_whatever_the_activity() {
        let session = Session::new(None, Arc::new(MemoryStore::default()), None);
        let old = SessionUser {
            account_id: AccountId::new(Uuid::new_v4()),
            version: 1,
            signed_in_at: Utc::now().timestamp() - ABSOLUTE_HOURS * 3600 - 1,
        };
        session.insert(USER_KEY, old).await.unwrap();
        // Never connected: an expired session is refused before any query.
        let pool = sqlx::PgPool::connect_lazy("postgres://nobody@127.0.0.1:1/none").unwrap();
        assert_eq!(current_user(&session, &pool).await.unwrap(), None);
        assert!(
            session
                .get::<SessionUser>(USER_KEY)
                .await
                .unwrap()
                .is_none(),
            "session not flushed"
        );
    }
}
