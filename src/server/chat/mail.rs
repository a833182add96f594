//! Unread messages by e-mail: a message still unread [`MAIL_AFTER_MINUTES`] after it was
//! written is announced to its recipient once, one mail per conversation. The mail says
//! who wrote on which project, never what: the words stay behind the sign-in.

use chrono::Duration as Span;
use std::collections::BTreeMap;
use std::time::Duration;

use crate::domain::chat::MAIL_AFTER_MINUTES;
use crate::domain::id::{AccountId, ExpertId, ProjectId};
use crate::domain::lang::Lang;
use crate::error::AppError;
use crate::server::mail::{outbox, templates};
use crate::server::state::AppState;

/// Mails the messages due; returns how many mails were queued. Several processes may run
/// it: the messages it takes are locked, the others skip them.
pub async fn send_due(state: &AppState) -> Result<usize, AppError> {
    let cutoff = state.clock.now() - Span::minutes(MAIL_AFTER_MINUTES);
    let mut tx = state.pool.begin().await?;
    let due = sqlx::query!(
        r#"SELECT m.id, m.project_id AS "project: ProjectId", m.expert_id AS "expert: ExpertId",
                  pr.title, m.author_account_id = e.account_id AS "from_expert!",
                  e.first_name, coalesce(c.company_name, '') AS "company!",
                  coalesce(c.contact_first_name, '') AS "contact!",
                  ra.id AS "recipient: AccountId", ra.email, ra.language AS "language: Lang",
                  ra.disabled_at IS NULL AS "active!",
                  m.id <= coalesce(r.last_read_id, 0) AS "read!"
           FROM chat_messages m
           JOIN projects pr ON pr.id = m.project_id
           JOIN experts e ON e.id = m.expert_id
           LEFT JOIN clients c ON c.account_id = pr.client_account_id
           JOIN accounts ra ON ra.id = CASE WHEN m.author_account_id = e.account_id
                                            THEN pr.client_account_id ELSE e.account_id END
           LEFT JOIN chat_reads r ON r.project_id = m.project_id
                AND r.expert_id = m.expert_id AND r.account_id = ra.id
           WHERE m.mailed_at IS NULL AND m.hidden_at IS NULL AND m.created_at < $1
           ORDER BY m.id LIMIT 500
           FOR UPDATE OF m SKIP LOCKED"#,
        cutoff as _,
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut taken = Vec::with_capacity(due.len());
    let mut mails: BTreeMap<(ProjectId, ExpertId, AccountId), templates::UnreadMessages> =
        BTreeMap::new();
    let base = state.config.public_url.trim_end_matches('/');
    for m in due {
        taken.push(m.id);
        if m.read || !m.active {
            continue;
        }
        let mail = mails
            .entry((m.project, m.expert, m.recipient))
            .or_insert_with(|| templates::UnreadMessages {
                lang: m.language,
                to: m.email.clone(),
                name: if m.from_expert {
                    m.contact.clone()
                } else {
                    m.first_name.clone()
                },
                from: if m.from_expert {
                    m.first_name.clone()
                } else {
                    m.company.clone()
                },
                title: m.title.clone(),
                link: if m.from_expert {
                    format!("{base}/mes-projets/{}", m.project)
                } else {
                    format!("{base}/mes-propositions")
                },
                count: 0,
            });
        mail.count += 1;
    }
    for mail in mails.values() {
        outbox::enqueue(&mut tx, &templates::unread_messages(mail)).await?;
    }
    sqlx::query!(
        "UPDATE chat_messages SET mailed_at = now() WHERE id = ANY($1)",
        &taken
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(mails.len())
}

/// Every minute: a message is mailed between 15 and 16 minutes after it was written.
pub async fn run(state: AppState) {
    loop {
        match send_due(&state).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(mails = n, "unread messages mailed"),
            Err(err) => tracing::warn!(error = ?err, "unread message mails failed, will retry"),
        }
        tokio::time::sleep(Duration::from_secs(60)).await;
    }
}
