//! Connection pool and migrations.

use anyhow::{Context, Result};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Connection, PgConnection, PgPool};
use std::str::FromStr;
use std::time::Duration;

mod enums;
mod ids;
mod money;

/// Opens the pool and checks the database answers, failing fast with a readable error.
pub async fn connect(url: &str) -> Result<PgPool> {
    let options = PgConnectOptions::from_str(url)
        .with_context(|| format!("DATABASE_URL {} is not a valid PostgreSQL URL", redact(url)))?;
    let unreachable = || format!("cannot reach the database at {}", redact(url));
    // One direct connection first: its error says why (refused, auth, unknown database),
    // where the pool would only report a timeout.
    let probe = tokio::time::timeout(
        Duration::from_secs(10),
        PgConnection::connect_with(&options),
    )
    .await
    .map_err(|_| anyhow::anyhow!("no answer within 10 s"))
    .with_context(unreachable)?
    .with_context(unreachable)?;
    probe.close().await.ok();
    PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(5))
        .connect_with(options)
        .await
        .with_context(unreachable)
}

/// Applies the migrations embedded from `migrations/`, then the session store's table.
pub async fn migrate(pool: &PgPool) -> Result<()> {
    sqlx::migrate!("./migrations")
        .run(pool)
        .await
        .context("database migration failed")?;
    tower_sessions_sqlx_store::PostgresStore::new(pool.clone())
        .migrate()
        .await
        .context("session store migration failed")
}

/// The URL without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn redacts_passwords_only() {
        assert_eq!(
            redact("postgres://app:s3cr3t@db:5432/b2b"),
            "postgres://app:***@db:5432/b2b"
        );
        assert_eq!(redact("postgres://app@db/b2b"), "postgres://app@db/b2b");
        assert_eq!(
            redact("postgres:///b2b?host=/tmp"),
            "postgres:///b2b?host=/tmp"
        );
    }
}
