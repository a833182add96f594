//! Fixed-window rate limits kept in PostgreSQL, so that every server process shares them.

use sqlx::PgPool;

use crate::error::AppError;

#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max: i32,
    pub window_secs: i32,
}

/// Sign-in: per client address, and per (account, address) pair. There is no limit per
/// account alone, so an attacker elsewhere cannot lock the owner out.
pub const SIGN_IN_PER_IP: Limit = Limit {
    max: 30,
    window_secs: 900,
};
pub const SIGN_IN_PER_ACCOUNT_AND_IP: Limit = Limit {
    max: 5,
    window_secs: 900,
};
pub const SIGN_UP_PER_IP: Limit = Limit {
    max: 10,
    window_secs: 3600,
};
pub const RESET_PER_IP: Limit = Limit {
    max: 10,
    window_secs: 3600,
};
pub const RESET_PER_ACCOUNT: Limit = Limit {
    max: 3,
    window_secs: 3600,
};
/// Setting a new password from a link: each try with a good link costs a hash.
pub const NEW_PASSWORD_PER_IP: Limit = Limit {
    max: 20,
    window_secs: 3600,
};

/// Counts one hit on `key`; refuses once the window's maximum is passed.
pub async fn hit(pool: &PgPool, key: &str, limit: Limit) -> Result<(), AppError> {
    let hits: i32 = sqlx::query_scalar(
        "INSERT INTO rate_limits (key, window_start, hits)
         VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1)
         ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
         RETURNING hits",
    )
    .bind(key)
    .bind(f64::from(limit.window_secs))
    .fetch_one(pool)
    .await?;
    if hits > limit.max {
        tracing::warn!(key, hits, "rate limit reached");
        return Err(AppError::RateLimited);
    }
    Ok(())
}

/// Forgets windows older than a day.
pub async fn purge(pool: &PgPool) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'")
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}
