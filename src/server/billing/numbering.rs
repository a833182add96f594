//! Invoice numbers: continuous and chronological per series and year. The counter row is
//! incremented in the issuing transaction, which holds its lock until it commits: a
//! concurrent issue waits for it, and a transaction that rolls back gives its number
//! back with it. A sequence would leave gaps on every rollback.

use sqlx::PgConnection;

use crate::domain::billing::invoice::Series;
use crate::error::AppError;

pub async fn next(conn: &mut PgConnection, series: Series, year: i32) -> Result<i64, AppError> {
    let n = sqlx::query_scalar!(
        "INSERT INTO invoice_counters (series, year, last) VALUES ($1, $2, 1)
         ON CONFLICT (series, year) DO UPDATE SET last = invoice_counters.last + 1
         RETURNING last",
        series as Series,
        year,
    )
    .fetch_one(conn)
    .await?;
    Ok(n)
}
