//! The client ends a published project: its status follows the reason, every expert
//! still in the running is told kindly, in the same transaction (as the outbox is).

use sqlx::PgPool;

use crate::domain::id::{AccountId, ExpertId, ProjectId};
use crate::domain::lang::Lang;
use crate::domain::notification::Notice;
use crate::domain::project::{
    ProjectEndReason, ProjectEnding, ProjectEvent, ProjectStatus, END_COMMENT_MAX_CHARS,
};
use crate::domain::selection::{Party, ProposalEndReason, ProposalEvent, ProposalState};
use crate::domain::session::CurrentUser;
use crate::error::{AppError, Problem};
use crate::server::mail::{outbox, templates};
use crate::server::repo::notification;
use crate::server::selection::{record, Change};
use crate::server::state::AppState;

/// The reason and comment of a client's form, checked.
pub fn parse_ending(reason: &str, comment: &str) -> Result<(ProjectEndReason, String), Problem> {
    let reason = ProjectEndReason::parse(reason.trim()).ok_or(Problem::ProjectEndReasonRequired)?;
    let comment = comment.trim();
    if comment.chars().count() > END_COMMENT_MAX_CHARS {
        return Err(Problem::ProjectEndCommentTooLong {
            max: END_COMMENT_MAX_CHARS,
        });
    }
    Ok((reason, comment.to_string()))
}

/// Ends the client's open project; returns how many experts' paths it ended.
pub async fn end(
    state: &AppState,
    client: &CurrentUser,
    project: ProjectId,
    reason: ProjectEndReason,
    comment: &str,
) -> Result<usize, AppError> {
    let mut tx = state.pool.begin().await?;
    let row = sqlx::query!(
        r#"SELECT title, status AS "status: ProjectStatus" FROM projects
           WHERE id = $1 AND client_account_id = $2 FOR UPDATE"#,
        project as ProjectId,
        client.id as AccountId,
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let status = row
        .status
        .apply(ProjectEvent::End(reason))
        .map_err(AppError::Validation)?;
    sqlx::query!(
        "UPDATE projects SET status = $2, end_reason = $3, end_comment = nullif($4, ''),
                ended_at = now()
         WHERE id = $1",
        project as ProjectId,
        status as ProjectStatus,
        reason as ProjectEndReason,
        comment,
    )
    .execute(&mut *tx)
    .await?;
    // An edit under way has nothing left to replace.
    sqlx::query!(
        "DELETE FROM project_drafts WHERE edits_project = $1",
        project as ProjectId
    )
    .execute(&mut *tx)
    .await?;
    let path_reason = ProposalEndReason::of_project(status);
    let open: Vec<(ExpertId, ProposalState)> = sqlx::query!(
        r#"SELECT expert_id AS "expert_id: ExpertId", state AS "state: ProposalState"
           FROM proposals WHERE project_id = $1 FOR UPDATE"#,
        project as ProjectId,
    )
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(|r| (r.expert_id, r.state))
    .collect();
    let link = format!("{}/projets", state.config.public_url.trim_end_matches('/'));
    let mut ended = 0;
    for (expert, from) in open {
        // Paths already over (declined, withdrawn) keep their own end.
        let Ok(to) = from.apply(ProposalEvent::ProjectEnded) else {
            continue;
        };
        let ended_path = Change {
            project,
            expert,
            event: ProposalEvent::ProjectEnded,
            party: Party::Platform,
            to,
            reason: Some(path_reason),
            comment: "",
            actor: Some(client.id),
        };
        record(&mut tx, &ended_path).await?;
        crate::server::selection::end_open_steps(state, &mut tx, project, expert).await?;
        let who = sqlx::query!(
            r#"SELECT a.id AS "id: AccountId", a.email, e.first_name,
                      a.language AS "language: Lang"
               FROM experts e JOIN accounts a ON a.id = e.account_id WHERE e.id = $1"#,
            expert as ExpertId,
        )
        .fetch_one(&mut *tx)
        .await?;
        let notice = Notice::ProjectEnded {
            title: row.title.clone(),
            reason: path_reason,
        };
        notification::notify(&mut tx, who.id, &notice, Some("/projets")).await?;
        let mail = templates::project_ended(
            who.language,
            &who.email,
            &who.first_name,
            &row.title,
            path_reason,
            &link,
        );
        outbox::enqueue(&mut tx, &mail).await?;
        ended += 1;
    }
    tx.commit().await?;
    tracing::info!(%project, ?status, experts = ended, "project ended by its client");
    Ok(ended)
}

/// How the project ended, for its client's page; `None` while it is open.
pub async fn ending(pool: &PgPool, project: ProjectId) -> Result<Option<ProjectEnding>, AppError> {
    let row = sqlx::query!(
        r#"SELECT end_reason AS "reason: ProjectEndReason", end_comment,
                  ended_at::date AS "on: chrono::NaiveDate"
           FROM projects WHERE id = $1"#,
        project as ProjectId,
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(|r| {
        Some(ProjectEnding {
            reason: r.reason?,
            comment: r.end_comment.unwrap_or_default(),
            on: r.on?,
        })
    }))
}

/// Whether an edit of the project is under way (a draft that will replace it).
pub async fn edit_under_way(pool: &PgPool, project: ProjectId) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM project_drafts WHERE edits_project = $1) AS "editing!""#,
        project as ProjectId,
    )
    .fetch_one(pool)
    .await?)
}
