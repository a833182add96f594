//! Reading the pipeline: a path's log, and an expert's paths with their next step.

use chrono::NaiveDate;
use sqlx::PgPool;

use crate::domain::id::{AccountId, ExpertId, ProjectId};
use crate::domain::selection::{
    due, ExpertPath, Party, ProposalEndReason, ProposalEvent, ProposalState, TimelineEntry,
};
use crate::error::AppError;
use crate::server::project::{summary, summary_sql, SummaryRow};

/// Who reads a log: the expert never gets the client's or the team's comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Expert,
    ClientOrAdmin,
}

/// The log of every path of `project` (of one expert if given), oldest first.
pub async fn timelines(
    pool: &PgPool,
    project: ProjectId,
    expert: Option<ExpertId>,
    reader: Reader,
) -> Result<Vec<(ExpertId, TimelineEntry)>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT id, expert_id AS "expert: ExpertId", event AS "event: ProposalEvent",
                  party AS "party: Party", to_state AS "to: ProposalState",
                  reason AS "reason: ProposalEndReason", comment,
                  created_at AS "created_at: chrono::DateTime<chrono::Utc>"
           FROM selection_events
           WHERE project_id = $1 AND ($2::uuid IS NULL OR expert_id = $2)
           ORDER BY id"#,
        project as ProjectId,
        expert as Option<ExpertId>,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
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
    account: AccountId,
) -> Result<Vec<ExpertPath>, AppError> {
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
    let mut out = Vec::with_capacity(paths.len());
    for path in paths {
        // Proposed to its client: the company is named even for a confidential project.
        let row: SummaryRow = sqlx::query_as(&format!("{} WHERE p.id = $1", summary_sql("true")))
            .bind(path.project)
            .fetch_one(pool)
            .await?;
        let next = due(path.state, path.since);
        let timeline = timelines(pool, path.project, Some(path.expert), Reader::Expert)
            .await?
            .into_iter()
            .map(|(_, entry)| entry)
            .collect();
        out.push(ExpertPath {
            project: summary(row),
            state: path.state,
            reason: path.reason,
            next,
            timeline,
        });
    }
    Ok(out)
}
