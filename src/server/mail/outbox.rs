//! The transactional outbox: mails are rows written in the business transaction.

use sqlx::PgConnection;

use super::Mail;
use crate::domain::session::OutboxMail;

/// Queues `mail` in the caller's transaction and wakes the delivery worker on commit.
pub async fn enqueue(conn: &mut PgConnection, mail: &Mail) -> Result<i64, sqlx::Error> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO outbox (recipient, subject, body_text, body_html)
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(&mail.to)
    .bind(&mail.subject)
    .bind(&mail.text)
    .bind(&mail.html)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("SELECT pg_notify('outbox', '')")
        .execute(&mut *conn)
        .await?;
    Ok(id)
}

/// The latest mails, newest first, for the admin mailbox.
pub async fn latest(conn: &mut PgConnection, limit: i64) -> Result<Vec<OutboxMail>, sqlx::Error> {
    type Row = (
        i64,
        String,
        String,
        String,
        chrono::DateTime<chrono::Utc>,
        String,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, recipient, subject, body_text, created_at,
                CASE WHEN sent_at IS NOT NULL THEN 'envoyé'
                     WHEN failed_at IS NOT NULL THEN 'échec'
                     ELSE 'en attente' END
         FROM outbox ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, recipient, subject, body_text, created_at, status)| OutboxMail {
                id,
                links: super::templates::links(&body_text),
                recipient,
                subject,
                body_text,
                created_at: created_at.to_rfc3339(),
                status,
            },
        )
        .collect())
}
