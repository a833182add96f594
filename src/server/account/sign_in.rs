//! Signing in, held back the way `rate_limit` describes: failures only are counted, per
//! address (a ceiling across accounts) and per account and address, where each failure
//! beyond a few makes the next attempt wait longer.

use std::net::IpAddr;

use sqlx::PgPool;

use crate::domain::account::{Email, PASSWORD_MAX_CHARS};
use crate::domain::id::AccountId;
use crate::error::AppError;
use crate::server::auth::rate_limit::{self, Outcome};

/// The account and its session version, if the credentials are right and the caller may
/// try now. Every refusal for wrong credentials is the same [`AppError::BadCredentials`].
pub async fn sign_in(
    pool: &PgPool,
    ip: IpAddr,
    email: &str,
    password: String,
) -> Result<(AccountId, i32), AppError> {
    let ip = rate_limit::ip_key(ip);
    let ip_key = format!("signin:ip:{ip}");
    let per_ip = rate_limit::SIGN_IN_FAILURES_PER_IP;
    rate_limit::hit(pool, &ip_key, per_ip).await?;
    let email = Email::parse(email).map_err(|_| AppError::BadCredentials)?;
    let pair = format!("signin:acct:{email}:{ip}");
    if let Err(waiting) = rate_limit::take_sign_in_turn(pool, &pair).await {
        // Refused before any check: not a failure of this address.
        rate_limit::give_back(pool, &ip_key, per_ip).await?;
        return Err(waiting);
    }
    let checked = if password.chars().count() > PASSWORD_MAX_CHARS {
        Err(AppError::BadCredentials)
    } else {
        super::authenticate(pool, &email, password).await
    };
    let outcome = match &checked {
        Ok(_) => Outcome::SignedIn,
        Err(AppError::BadCredentials) => Outcome::Failed,
        Err(_) => Outcome::Undecided,
    };
    rate_limit::sign_in_settled(pool, &pair, outcome).await?;
    if outcome != Outcome::Failed {
        rate_limit::give_back(pool, &ip_key, per_ip).await?;
    }
    checked
}
