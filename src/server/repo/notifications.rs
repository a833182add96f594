use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::session::Notification;
use crate::error::AppError;

/// Records an in-app notification, in the caller's transaction.
pub async fn notify(
    conn: &mut PgConnection,
    account: Uuid,
    title: &str,
    body: &str,
    link: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO notifications (account_id, title, body, link) VALUES ($1, $2, $3, $4)",
    )
    .bind(account)
    .bind(title)
    .bind(body)
    .bind(link)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn list(pool: &PgPool, account: Uuid) -> Result<Vec<Notification>, AppError> {
    type Row = (
        i64,
        String,
        String,
        Option<String>,
        chrono::DateTime<chrono::Utc>,
        bool,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, title, body, link, created_at, read_at IS NOT NULL
         FROM notifications WHERE account_id = $1 ORDER BY id DESC LIMIT 100",
    )
    .bind(account)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, body, link, created_at, read)| Notification {
            id,
            title,
            body,
            link,
            created_at: created_at.to_rfc3339(),
            read,
        })
        .collect())
}

pub async fn unread_count(pool: &PgPool, account: Uuid) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT count(*) FROM notifications WHERE account_id = $1 AND read_at IS NULL",
    )
    .bind(account)
    .fetch_one(pool)
    .await?)
}

pub async fn mark_all_read(pool: &PgPool, account: Uuid) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE notifications SET read_at = now() WHERE account_id = $1 AND read_at IS NULL",
    )
    .bind(account)
    .execute(pool)
    .await?;
    Ok(())
}
