//! Nobody is left waiting in silence: a path past its deadline reminds whoever must act
//! (the client, or the expert for the quote), once per state it enters, and tells the
//! admins. The deadlines themselves are the domain's (`domain::selection::deadline`).

use chrono::NaiveDate;
use std::time::Duration;

use crate::domain::account::Role;
use crate::domain::id::{AccountId, ExpertId, ProjectId};
use crate::domain::lang::Lang;
use crate::domain::notification::Notice;
use crate::domain::project::ProjectStatus;
use crate::domain::selection::{due, is_overdue, Party, ProposalState};
use crate::error::AppError;
use crate::server::mail::{outbox, templates};
use crate::server::repo::notification;
use crate::server::state::AppState;

/// Sends the reminders due today; returns how many paths were overdue and reminded.
pub async fn remind_late(state: &AppState) -> Result<usize, AppError> {
    let today = state.clock.today();
    let waiting = sqlx::query!(
        r#"SELECT p.project_id AS "project: ProjectId", p.expert_id AS "expert: ExpertId",
                  p.state AS "state: ProposalState", p.state_since::date AS "since!: NaiveDate",
                  pr.title, pr.client_account_id AS "client!: AccountId",
                  e.account_id AS "expert_account!: AccountId"
           FROM proposals p JOIN projects pr ON pr.id = p.project_id
           JOIN experts e ON e.id = p.expert_id
           WHERE p.state = ANY($1) AND pr.status = $2
             AND (p.reminded_at IS NULL OR p.reminded_at < p.state_since)
             -- A chosen expert who sent a quote waits no more on the path's deadline:
             -- the quote and the contract carry their own.
             AND NOT EXISTS (SELECT 1 FROM quotes q
                             WHERE q.project_id = p.project_id AND q.expert_id = p.expert_id)
           ORDER BY p.state_since LIMIT 500"#,
        &ProposalState::OPEN_TO_CLIENT as &[ProposalState],
        ProjectStatus::Open as ProjectStatus,
    )
    .fetch_all(&state.pool)
    .await?;
    let admins = active_admins(&state.pool).await?;
    let mut reminded = 0;
    for path in waiting
        .into_iter()
        .filter(|p| is_overdue(p.state, p.since, today))
    {
        let Some((who, _)) = due(path.state, path.since) else {
            continue;
        };
        let (account, link) = match who {
            Party::Expert => (path.expert_account, "/mes-propositions".to_string()),
            _ => (path.client, format!("/mes-projets/{}", path.project)),
        };
        let mut tx = state.pool.begin().await?;
        let marked = sqlx::query!(
            "UPDATE proposals SET reminded_at = now()
             WHERE project_id = $1 AND expert_id = $2
               AND (reminded_at IS NULL OR reminded_at < state_since)",
            path.project as ProjectId,
            path.expert as ExpertId,
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // Another process reminded it first.
        if marked == 0 {
            continue;
        }
        let notice = Notice::DecisionOverdue {
            title: path.title.clone(),
        };
        notification::notify(&mut tx, account, &notice, Some(&link)).await?;
        for admin in &admins {
            let admin_link = format!("/admin/projets/{}", path.project);
            notification::notify(&mut tx, *admin, &notice, Some(&admin_link)).await?;
        }
        let to = sqlx::query!(
            r#"SELECT a.email, a.language AS "language: Lang", a.display_name
               FROM accounts a WHERE a.id = $1"#,
            account as AccountId,
        )
        .fetch_one(&mut *tx)
        .await?;
        let public = state.config.public_url.trim_end_matches('/');
        let mail = templates::decision_overdue(
            to.language,
            &to.email,
            &to.display_name,
            &path.title,
            &format!("{public}{link}"),
        );
        outbox::enqueue(&mut tx, &mail).await?;
        tx.commit().await?;
        reminded += 1;
    }
    Ok(reminded)
}

/// The admins told of what is overdue.
pub(super) async fn active_admins(pool: &sqlx::PgPool) -> Result<Vec<AccountId>, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT id AS "id: AccountId" FROM accounts WHERE role = $1 AND disabled_at IS NULL"#,
        Role::Admin as Role,
    )
    .fetch_all(pool)
    .await?)
}

/// Runs [`remind_late`] and the steps' reminders every hour.
pub async fn run(state: AppState) {
    loop {
        match remind_late(&state).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(paths = n, "late parties reminded"),
            Err(err) => tracing::warn!(error = ?err, "selection reminders failed, will retry"),
        }
        match super::step_reminders::remind_late_answers(&state).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(steps = n, "late answers to slots reminded"),
            Err(err) => tracing::warn!(error = ?err, "step answer reminders failed, will retry"),
        }
        match super::step_reminders::remind_upcoming_steps(&state).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(steps = n, "parties reminded of tomorrow's steps"),
            Err(err) => tracing::warn!(error = ?err, "step reminders failed, will retry"),
        }
        tokio::time::sleep(Duration::from_secs(3600)).await;
    }
}
