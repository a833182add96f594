//! The transactional outbox: mails are rows written in the business transaction.
//!
//! A mail carrying a single-use link is stored with a copy that leaves it out; the worker
//! puts that copy in place once the mail is sent or given up on (see [`super::worker`]),
//! and mails are deleted [`KEEP`] after they were written.

use sqlx::{PgConnection, PgPool};
use std::time::Duration;

/// How long a mail stays in the outbox: enough to follow up a delivery problem.
pub const KEEP: Duration = Duration::from_secs(30 * 24 * 3600);

use super::Mail;
use crate::domain::id::MailId;
use crate::domain::session::{MailStatus, OutboxMail};

/// Queues `mail` in the caller's transaction and wakes the delivery worker on commit.
pub async fn enqueue(conn: &mut PgConnection, mail: &Mail) -> Result<MailId, sqlx::Error> {
    let id = sqlx::query_scalar!(
r#"INSERT INTO outbox (recipient, subject, body_text, body_html, redacted_text, redacted_html,
                             calendar, calendar_method, attachment_name, attachment)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id AS "id: MailId""#,
&mail.to,
&mail.subject,
&mail.text,
&mail.html,
mail.redacted.as_ref().map(|(text, _)| text),
mail.redacted.as_ref().map(|(_, html)| html),
mail.calendar.as_ref().map(|c| &c.ics),
mail.calendar.as_ref().map(|c| c.method),
mail.attachment.as_ref().map(|(name, _)| name),
mail.attachment.as_ref().map(|(_, bytes)| bytes),
)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query!("SELECT pg_notify('outbox', '')")
        .execute(&mut *conn)
        .await?;
    Ok(id)
}

/// The latest mails, newest first, for the admin mailbox.
pub async fn latest(conn: &mut PgConnection, limit: i64) -> Result<Vec<OutboxMail>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"SELECT id AS "id: MailId", recipient, subject, body_text,
                  created_at AS "created_at: chrono::DateTime<chrono::Utc>",
                  sent_at IS NOT NULL AS "sent!", failed_at IS NOT NULL AS "failed!"
           FROM outbox ORDER BY id DESC LIMIT $1"#,
        limit
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| OutboxMail {
            id: row.id,
            links: super::templates::links(&row.body_text),
            recipient: row.recipient,
            subject: row.subject,
            body_text: row.body_text,
            created_at: row.created_at.to_rfc3339(),
            status: match (row.sent, row.failed) {
                (true, _) => MailStatus::Sent,
                (false, true) => MailStatus::Failed,
                (false, false) => MailStatus::Pending,
            },
        })
        .collect())
}

/// Deletes the mails written more than `keep` ago, except one being sent right now.
/// A mail still pending by then (no SMTP server configured) is deleted too: its links
/// expired long ago. Returns how many were deleted.
pub async fn purge(pool: &PgPool, keep: Duration) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!(
        "DELETE FROM outbox
          WHERE created_at < now() - make_interval(secs => $1)
            AND (locked_until IS NULL OR locked_until < now())",
        keep.as_secs_f64(),
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}
