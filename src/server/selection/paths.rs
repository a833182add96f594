//! Reading the pipeline: a path's log, and an expert's paths with their next step.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgPool;

use crate::domain::id::{AccountId, ExpertId, ProjectId};
use crate::domain::project::ContactFormat;
use crate::domain::selection::step::{paris_wall_clock, StepChange};
use crate::domain::selection::{
    add_working_days, contract_deadline, due, quote_deadline, ExpertPath, Party, ProposalEndReason,
    ProposalEvent, ProposalState, TimelineEntry, TimelineWhat,
};
use crate::domain::session::CurrentUser;
use crate::error::AppError;
use crate::server::clock::paris_date;
use crate::server::project::{summary, summary_sql, SummaryRow};

/// Who acts on the contract next, and by when; nothing once the mission is declared.
fn contract_due(
    c: &crate::domain::contract::ContractView,
    reader: Party,
) -> Option<(Party, NaiveDate)> {
    if c.mission != crate::domain::contract::MissionView::Awaited {
        return None;
    }
    let since = DateTime::parse_from_rfc3339(&c.since)
        .ok()?
        .with_timezone(&Utc);
    contract_deadline(c.state, c.signer_waiting(reader))
        .map(|d| (d.who, add_working_days(paris_date(since), d.working_days)))
}

/// Who acts on the quote's latest version, and by when (from the day it entered its
/// state).
fn quote_due(state: crate::domain::quote::QuoteState, since: &str) -> Option<(Party, NaiveDate)> {
    let since = DateTime::parse_from_rfc3339(since)
        .ok()?
        .with_timezone(&Utc);
    quote_deadline(state).map(|d| (d.who, add_working_days(paris_date(since), d.working_days)))
}

/// Who reads a log: the expert never gets the client's or the team's comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Expert,
    ClientOrAdmin,
}

/// The log of every path of these projects (of one expert if given), oldest first: the
/// path's events, its steps', its quote's and its contract's moves, in four queries.
pub async fn timelines(
    pool: &PgPool,
    projects: &[ProjectId],
    expert: Option<ExpertId>,
    reader: Reader,
) -> Result<Vec<(ProjectId, ExpertId, TimelineEntry)>, AppError> {
    let path_events = sqlx::query!(
        r#"SELECT id, project_id AS "project: ProjectId", expert_id AS "expert: ExpertId", event AS "event: ProposalEvent",
                  party AS "party: Party", to_state AS "to: ProposalState",
                  reason AS "reason: ProposalEndReason", comment,
                  created_at AS "created_at: DateTime<Utc>"
           FROM selection_events
           WHERE project_id = ANY($1) AND ($2::uuid IS NULL OR expert_id = $2)
           ORDER BY id"#,
        projects as &[ProjectId],
        expert as Option<ExpertId>,
    )
    .fetch_all(pool)
    .await?;
    let step_moves = sqlx::query!(
        r#"SELECT id, project_id AS "project: ProjectId", expert_id AS "expert: ExpertId",
                  change AS "change: StepChange", party AS "party: Party",
                  format AS "format: ContactFormat", starts_at AS "starts_at: DateTime<Utc>",
                  created_at AS "created_at: DateTime<Utc>"
           FROM selection_step_events
           WHERE project_id = ANY($1) AND ($2::uuid IS NULL OR expert_id = $2)
           ORDER BY id"#,
        projects as &[ProjectId],
        expert as Option<ExpertId>,
    )
    .fetch_all(pool)
    .await?;
    let quote_moves = crate::server::quote::timeline_entries(pool, projects, expert).await?;
    let contract_moves = crate::server::contract::timeline_entries(pool, projects, expert).await?;
    let billing_moves = crate::server::billing::read::timeline_entries(
        pool,
        projects,
        expert,
        reader == Reader::Expert,
    )
    .await?;
    let mut entries: Vec<(DateTime<Utc>, ProjectId, ExpertId, TimelineEntry)> = path_events
        .into_iter()
        .map(|r| {
            let what = TimelineWhat::Path {
                event: r.event,
                to: r.to,
                reason: r.reason,
                comment: r.comment.filter(|_| reader == Reader::ClientOrAdmin),
            };
            (
                r.created_at,
                r.project,
                r.expert,
                TimelineEntry::new(r.id, r.party, r.created_at, what),
            )
        })
        .chain(step_moves.into_iter().map(|r| {
            let what = TimelineWhat::Step {
                change: r.change,
                format: r.format,
                starts_at: r.starts_at.map(paris_wall_clock),
            };
            (
                r.created_at,
                r.project,
                r.expert,
                TimelineEntry::new(r.id, r.party, r.created_at, what),
            )
        }))
        .chain(quote_moves)
        .chain(contract_moves)
        .chain(billing_moves)
        .collect();
    // Each entry bears the time it was written (`clock_timestamp()`): one order for both
    // logs, that of the moves, even within one change.
    entries.sort_by_key(|(at, ..)| *at);
    Ok(entries
        .into_iter()
        .map(|(_, project, expert, entry)| (project, expert, entry))
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
    let mut quotes = crate::server::quote::quotes_of(pool, &keys, paris_date(now))
        .await?
        .into_iter();
    let mut contracts = crate::server::contract::contracts_of(pool, &keys, Party::Expert)
        .await?
        .into_iter();
    Ok(paths
        .into_iter()
        .filter_map(|path| {
            let conversation = conversations.next().flatten();
            let steps = steps.next().unwrap_or_default();
            // Shown from the client's choice on, and kept once written.
            let contract = contracts.next().flatten();
            let quote = quotes
                .next()
                .filter(|q| path.state == ProposalState::Selected || !q.versions.is_empty());
            // Once chosen, the quote's latest version says who acts next.
            let next = match (&contract, quote.as_ref().and_then(|q| q.latest())) {
                (Some(c), _) if path.state == ProposalState::Selected => {
                    contract_due(c, Party::Expert)
                }
                (None, Some(latest)) if path.state == ProposalState::Selected => {
                    quote_due(latest.state, latest.since())
                }
                _ => due(path.state, path.since),
            };
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
                next,
                timeline,
                quote,
                contract,
            })
        })
        .collect())
}
