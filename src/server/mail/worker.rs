//! Delivers the outbox over SMTP.
//!
//! Each pass claims due mails with `FOR UPDATE SKIP LOCKED` and a lease, so several
//! server processes never send the same row; a sent mail is marked before the lease ends,
//! so a restart does not send it again. Failures are retried with exponential back-off
//! and marked failed after [`MAX_ATTEMPTS`]. The Message-ID is derived from the row, so
//! that in the one unavoidable case (crash between SMTP acceptance and marking) a
//! duplicate carries the same Message-ID and mail software can drop it.
//!
//! Once a mail is sent or given up on, its bodies are replaced by the copy without its
//! single-use link ([`super::Mail::redacted`]): the link is only ever in the recipient's
//! mailbox, not in the database, its backups or the admin pages.

use lettre::message::{header::ContentType, Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sqlx::PgPool;
use std::time::Duration;

use crate::server::jobs::listen::Subscription;

pub const MAX_ATTEMPTS: i32 = 8;
const BATCH: i64 = 20;
const LEASE_SECS: f64 = 120.0;

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    pub fn new(smtp_url: &str, from: &str) -> anyhow::Result<Self> {
        use anyhow::Context;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .context("SMTP_URL is not a valid SMTP URL")?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = from
            .parse()
            .with_context(|| format!("MAIL_FROM={from:?} is not a mailbox"))?;
        Ok(Self { transport, from })
    }
}

/// Back-off before attempt `n + 1`: 30 s, 1 min, 2 min, … capped at 1 h.
pub fn backoff_secs(attempts: i32) -> f64 {
    (30.0 * 2f64.powi(attempts.saturating_sub(1).clamp(0, 10))).min(3600.0)
}

/// One pass: sends every due mail. Returns how many were sent.
pub async fn deliver_due(pool: &PgPool, mailer: &Mailer) -> Result<usize, sqlx::Error> {
    let claimed = sqlx::query!(
        r#"UPDATE outbox SET locked_until = now() + make_interval(secs => $1), attempts = attempts + 1
         WHERE id IN (
             SELECT id FROM outbox
             WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
               AND (locked_until IS NULL OR locked_until < now())
             ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id, recipient, subject, body_text, body_html, attempts, calendar, calendar_method,
                   attachment_name, attachment,
                   created_at AS "created_at: chrono::DateTime<chrono::Utc>""#,
        LEASE_SECS,
        BATCH
    )
    .fetch_all(pool)
    .await?;
    let mut sent = 0;
    for row in claimed {
        let (id, to, subject, attempts, created_at) = (
            row.id,
            row.recipient,
            row.subject,
            row.attempts,
            row.created_at,
        );
        let content = Content {
            text: row.body_text,
            html: row.body_html,
            calendar: row.calendar.zip(row.calendar_method),
            attachment: row.attachment_name.zip(row.attachment),
        };
        let message_id = format!("<outbox-{id}-{}@b2bizen>", created_at.timestamp());
        match send(mailer, &to, &subject, content, message_id).await {
            Ok(()) => {
                sqlx::query!(
                    "UPDATE outbox SET sent_at = now(), locked_until = NULL, last_error = NULL,
                         body_text = coalesce(redacted_text, body_text),
                         body_html = coalesce(redacted_html, body_html),
                         redacted_text = NULL, redacted_html = NULL
                     WHERE id = $1",
                    id,
                )
                .execute(pool)
                .await?;
                sent += 1;
            }
            Err(err) => {
                tracing::warn!(id, attempts, error = %err, "mail delivery failed");
                sqlx::query!(
"UPDATE outbox SET locked_until = NULL, last_error = $2,
                         failed_at = CASE WHEN attempts >= $3 THEN now() END,
                         next_attempt_at = now() + make_interval(secs => $4),
                         body_text = CASE WHEN attempts >= $3
                                          THEN coalesce(redacted_text, body_text) ELSE body_text END,
                         body_html = CASE WHEN attempts >= $3
                                          THEN coalesce(redacted_html, body_html) ELSE body_html END,
                         redacted_text = CASE WHEN attempts >= $3 THEN NULL ELSE redacted_text END,
                         redacted_html = CASE WHEN attempts >= $3 THEN NULL ELSE redacted_html END
                     WHERE id = $1",
id,
err.chars().take(500).collect::<String>(),
MAX_ATTEMPTS,
backoff_secs(attempts),
)
                .execute(pool)
                .await?;
            }
        }
    }
    Ok(sent)
}

/// What a mail says: its two bodies and, for an invitation, its iCalendar object and
/// method.
struct Content {
    text: String,
    html: String,
    calendar: Option<(String, String)>,
    /// A PDF: its file name and bytes.
    attachment: Option<(String, Vec<u8>)>,
}

async fn send(
    mailer: &Mailer,
    to: &str,
    subject: &str,
    content: Content,
    message_id: String,
) -> Result<(), String> {
    let to: Mailbox = to.parse().map_err(|e| format!("bad recipient: {e}"))?;
    let mut bodies = MultiPart::alternative()
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_PLAIN)
                .body(content.text),
        )
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_HTML)
                .body(content.html),
        );
    let builder = Message::builder()
        .from(mailer.from.clone())
        .to(to)
        .subject(subject)
        .message_id(Some(message_id));
    let message = match (content.calendar, content.attachment) {
        (None, None) => builder.multipart(bodies),
        (None, Some((name, bytes))) => {
            let pdf = ContentType::parse("application/pdf")
                .map_err(|e| format!("bad attachment type: {e}"))?;
            builder.multipart(
                MultiPart::mixed()
                    .multipart(bodies)
                    .singlepart(Attachment::new(name).body(bytes, pdf)),
            )
        }
        // As the common calendar clients send it: the invitation as an alternative body
        // (where Outlook and Gmail read the method) and as an `invite.ics` attachment
        // (for the others).
        (Some((ics, method)), _) => {
            let calendar =
                ContentType::parse(&format!("text/calendar; method={method}; charset=UTF-8"))
                    .map_err(|e| format!("bad calendar type: {e}"))?;
            bodies = bodies.singlepart(SinglePart::builder().header(calendar).body(ics.clone()));
            let file = ContentType::parse("application/ics; name=\"invite.ics\"")
                .map_err(|e| format!("bad attachment type: {e}"))?;
            builder.multipart(
                MultiPart::mixed()
                    .multipart(bodies)
                    .singlepart(Attachment::new("invite.ics".into()).body(ics, file)),
            )
        }
    }
    .map_err(|e| format!("cannot build message: {e}"))?;
    mailer
        .transport
        .send(message)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// The channel `outbox::enqueue` notifies on commit.
pub const CHANNEL: &str = "outbox";

/// Runs until the pool closes: a pass at start, on every notification of [`CHANNEL`]
/// (or a reconnection of the listener), and every 5 s for retries.
pub async fn run(pool: PgPool, mailer: Mailer, mut wake: Subscription) {
    loop {
        match deliver_due(&pool, &mailer).await {
            Ok(n) if n > 0 => tracing::info!(sent = n, "mails delivered"),
            Ok(_) => {}
            Err(sqlx::Error::PoolClosed) => return,
            Err(err) => tracing::warn!(error = %err, "outbox pass failed"),
        }
        if let Ok(None) = tokio::time::timeout(Duration::from_secs(5), wake.next()).await {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::backoff_secs;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff_secs(1), 30.0);
        assert_eq!(backoff_secs(2), 60.0);
        assert_eq!(backoff_secs(20), 3600.0);
    }
}
