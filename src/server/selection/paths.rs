//! Reading the pipeline: a path's log, and an expert's paths with their next step.

use chrono::NaiveDate;
use sqlx::PgPool;

use crate::domain::id::{AccountId, ExpertId, ProjectId};
use crate::domain::selection::{
    due, ExpertPath, Party, ProposalEndReason, ProposalEvent, ProposalState, TimelineEntry,
};
use crate::domain::session::CurrentUser;
use crate::error::AppError;
use crate::server::project::{summary, summary_sql, SummaryRow};

/// Who reads a log: the expert never gets the client's or the team's comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Expert,
    ClientOrAdmin,
}

/// The log of every path of these projects (of one expert if given), oldest first, in
/// one query.
pub async fn timelines(
    pool: &PgPool,
    projects: &[ProjectId],
    expert: Option<ExpertId>,
    reader: Reader,
) -> Result<Vec<(ProjectId, ExpertId, TimelineEntry)>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT id, project_id AS "project: ProjectId", expert_id AS "expert: ExpertId", event AS "event: ProposalEvent",
                  party AS "party: Party", to_state AS "to: ProposalState",
                  reason AS "reason: ProposalEndReason", comment,
                  created_at AS "created_at: chrono::DateTime<chrono::Utc>"
           FROM selection_events
           WHERE project_id = ANY($1) AND ($2::uuid IS NULL OR expert_id = $2)
           ORDER BY id"#,
        projects as &[ProjectId],
        expert as Option<ExpertId>,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.project,
                r.expert,
                TimelineEntry {
                    id: r.id,
                    event: r.event,
                    party: r.party,
                    to: r.to,
                    reason: r.reason,
                    comment: r.comment.filter(|_| reader == Reader::ClientOrAdmin),
                    at: r.created_at.to_rfc3339(),
                },
            )
        })
        .collect())
}

/// The expert's paths, the open ones first, each with its next step and its log.
pub async fn paths_of_expert(
    pool: &PgPool,
    reader: &CurrentUser,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<ExpertPath>, AppError> {
    let account = reader.id;
    let paths = sqlx::query!(
        r#"SELECT p.project_id AS "project: ProjectId", p.expert_id AS "expert: ExpertId",
                  p.state AS "state: ProposalState", p.end_reason AS "reason: ProposalEndReason",
                  p.state_since::date AS "since!: NaiveDate"
           FROM proposals p JOIN experts e ON e.id = p.expert_id
           WHERE e.account_id = $1
           ORDER BY p.ended_at IS NOT NULL, p.state_since DESC LIMIT 100"#,
        account as AccountId,
    )
    .fetch_all(pool)
    .await?;
    let Some(expert) = paths.first().map(|p| p.expert) else {
        return Ok(Vec::new());
    };
    let ids: Vec<ProjectId> = paths.iter().map(|p| p.project).collect();
    // Proposed to their client: the company is named even for a confidential project.
    let rows: Vec<SummaryRow> =
        sqlx::query_as(&format!("{} WHERE p.id = ANY($1)", summary_sql("true")))
            .bind(&ids)
            .fetch_all(pool)
            .await?;
    let mut summaries: std::collections::HashMap<ProjectId, SummaryRow> =
        rows.into_iter().map(|r| (r.id, r)).collect();
    let logs = timelines(pool, &ids, Some(expert), Reader::Expert).await?;
    let keys: Vec<_> = paths.iter().map(|p| (p.project, p.expert)).collect();
    let mut conversations = crate::server::chat::conversations(pool, reader, &keys)
        .await?
        .into_iter();
    let mut steps = super::steps_of(pool, Party::Expert, now, &keys)
        .await?
        .into_iter();
    Ok(paths
        .into_iter()
        .filter_map(|path| {
            let conversation = conversations.next().flatten();
            let steps = steps.next().unwrap_or_default();
            let project = summary(summaries.remove(&path.project)?);
            let timeline = logs
                .iter()
                .filter(|(p, _, _)| *p == path.project)
                .map(|(_, _, entry)| entry.clone())
                .collect();
            Some(ExpertPath {
                project,
                expert: path.expert,
                conversation,
                steps,
                state: path.state,
                reason: path.reason,
                next: due(path.state, path.since),
                timeline,
            })
        })
        .collect())
}
