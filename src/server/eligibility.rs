//! The attestation reminder job:
//! [`REMINDER_DAYS`](crate::domain::eligibility::REMINDER_DAYS) days before an expert's
//! URSSAF attestation expires, one e-mail and one in-app notification, once per
//! attestation.

use chrono::NaiveDate;
use sqlx::PgPool;

use crate::domain::eligibility::{attestation_valid_until, reminder_due_on};
use crate::domain::id::AccountId;
use crate::domain::lang::Lang;
use crate::domain::notification::Notice;
use crate::domain::review::ExpertStatus;
use crate::error::AppError;
use crate::server::mail::{outbox, templates};
use crate::server::repo::notification;

/// Sends the reminders due on `today`; returns how many were sent.
pub async fn send_reminders(
    pool: &PgPool,
    public_url: &str,
    today: NaiveDate,
) -> Result<usize, AppError> {
    // Candidates broadly in SQL (issued at least 5 months ago), exactly in Rust.
    let candidates = sqlx::query!(
        r#"SELECT e.account_id AS "account!: AccountId", a.email, a.display_name, a.language AS "lang: Lang",
                  e.attestation_issued_on AS "issued_on!: NaiveDate"
         FROM experts e JOIN accounts a ON a.id = e.account_id
         WHERE e.status = $2 AND a.disabled_at IS NULL
           AND e.attestation_issued_on <= $1::date - interval '5 months'
           AND e.attestation_issued_on >= $1::date - interval '7 months'
           AND NOT EXISTS (SELECT 1 FROM attestation_reminders r
                           WHERE r.account_id = e.account_id
                             AND r.issued_on = e.attestation_issued_on)"#,
        today as NaiveDate,
        ExpertStatus::Published as ExpertStatus
    )
    .fetch_all(pool)
    .await?;
    let link = format!("{}/profil", public_url.trim_end_matches('/'));
    let mut sent = 0;
    for candidate in candidates {
        let (account, email, name, lang, issued_on) = (
            candidate.account,
            candidate.email,
            candidate.display_name,
            candidate.lang,
            candidate.issued_on,
        );
        let until = attestation_valid_until(issued_on);
        if today < reminder_due_on(issued_on) || today > until {
            continue;
        }
        let mut tx = pool.begin().await?;
        let fresh = sqlx::query!(
            "INSERT INTO attestation_reminders (account_id, issued_on) VALUES ($1, $2)
             ON CONFLICT DO NOTHING",
            account as AccountId,
            issued_on as chrono::NaiveDate,
        )
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !fresh {
            continue;
        }
        outbox::enqueue(
            &mut tx,
            &templates::attestation_reminder(lang, &email, &name, until, &link),
        )
        .await?;
        let notice = Notice::AttestationExpiring { until };
        notification::notify(&mut tx, account, &notice, Some("/profil")).await?;
        tx.commit().await?;
        sent += 1;
    }
    Ok(sent)
}

/// Runs the job every hour, for ever.
pub async fn run(pool: PgPool, public_url: String, clock: crate::server::clock::Clock) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        tick.tick().await;
        match send_reminders(&pool, &public_url, clock.today()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(sent = n, "attestation reminders queued"),
            Err(err) => tracing::warn!(error = ?err, "attestation reminders failed"),
        }
    }
}
