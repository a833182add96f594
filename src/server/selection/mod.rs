//! From matching to proposals: experts see matching projects and apply; admins rank the
//! candidates and propose some ([`admin`]); clients see the proposed dossiers in full.

mod admin;
mod calendar;
mod paths;
mod pipeline;
mod reminders;
pub(crate) mod sides;
mod step_log;
mod step_news;
mod step_reminders;
mod step_views;
mod steps;

pub use admin::{admin_projects, candidates, propose, CANDIDATES};
pub use paths::{paths_of_expert, timelines, Reader};
pub use pipeline::{fire, record, Change};
pub use reminders::{remind_late, run as run_reminders};
pub use step_reminders::{remind_late_answers, remind_upcoming_steps};
pub use step_views::steps_of;
pub use steps::{
    act as act_on_step, add as add_step, end_open as end_open_steps, NewStep, StepRequest,
};

use sqlx::PgPool;

use crate::domain::id::{AccountId, ExpertId, ProjectId};
use crate::domain::matching::score;
use crate::domain::project::ProjectStatus;
use crate::domain::project::{
    ClientProjectView, ExpertProjectView, ProjectSummary, ProposedDossier,
};
use crate::domain::review::{ExpertStatus, ViewKind};
use crate::domain::selection::{Party, ProposalState};
use crate::domain::session::CurrentUser;
use crate::error::{AppError, Problem};
use crate::server::project::{self, summary, summary_sql, SummaryRow};
use crate::server::review::publish::published_dossier;
use crate::server::review::repo as reviews;
use crate::server::state::AppState;

async fn expert_of(pool: &PgPool, account: AccountId) -> Result<ExpertId, AppError> {
    sqlx::query_scalar!(
        r#"SELECT id AS "id: ExpertId" FROM experts WHERE account_id = $1 AND status = $2"#,
        account as AccountId,
        ExpertStatus::Published as ExpertStatus,
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::Validation(Problem::ProfileNotPublished))
}

/// Open projects of the expert's domains, each with the expert's own match explained;
/// `None` while the expert's profile is not published.
pub async fn for_expert(
    state: &AppState,
    user: &CurrentUser,
) -> Result<Option<Vec<ExpertProjectView>>, AppError> {
    let expert = match expert_of(&state.pool, user.id).await {
        Ok(expert) => expert,
        Err(AppError::Validation(_)) => return Ok(None),
        Err(err) => return Err(err),
    };
    // The company is revealed only to experts already proposed for the project.
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "{} WHERE p.status = $2
           AND p.domain_id IN (SELECT domain_id FROM expert_domains WHERE expert_id = $1)
         ORDER BY p.created_at DESC LIMIT 100",
        summary_sql(
            "EXISTS (SELECT 1 FROM proposals pr WHERE pr.project_id = p.id AND pr.expert_id = $1)"
        )
    ))
    .bind(expert)
    .bind(ProjectStatus::Open)
    .fetch_all(&state.pool)
    .await?;
    let applied = sqlx::query_scalar!(
        r#"SELECT project_id AS "project_id: ProjectId" FROM applications WHERE expert_id = $1"#,
        expert as ExpertId,
    )
    .fetch_all(&state.pool)
    .await?;
    let proposed: Vec<(ProjectId, ProposalState)> = sqlx::query!(
        r#"SELECT project_id AS "project_id: ProjectId", state AS "state: ProposalState"
           FROM proposals WHERE expert_id = $1"#,
        expert as ExpertId,
    )
    .fetch_all(&state.pool)
    .await?
    .into_iter()
    .map(|row| (row.project_id, row.state))
    .collect();
    let facts = state.matching_facts(expert);
    let ids: Vec<ProjectId> = rows.iter().map(|r| r.id).collect();
    let today = state.clock.today();
    let criteria = project::criteria_of(&state.pool, &ids, today).await?;
    Ok(Some(
        rows.into_iter()
            .map(summary)
            .map(|project| ExpertProjectView {
                applied: applied.contains(&project.id),
                proposal: proposed
                    .iter()
                    .find(|(id, _)| *id == project.id)
                    .map(|(_, state)| *state),
                score: facts.as_ref().and_then(|f| {
                    let c = criteria.iter().find(|c| c.project_id == project.id)?;
                    Some(score(f, c, today))
                }),
                project,
            })
            .collect(),
    ))
}

/// The expert applies to an open project of their domains, once.
pub async fn apply(
    pool: &PgPool,
    user: &CurrentUser,
    project: ProjectId,
    message: &str,
) -> Result<(), AppError> {
    let message = message.trim();
    if message.is_empty() || message.chars().count() > 2000 {
        return Err(AppError::Validation(Problem::ApplicationLength));
    }
    let expert = expert_of(pool, user.id).await?;
    let open: bool = sqlx::query_scalar!(
r#"SELECT EXISTS (SELECT 1 FROM projects p WHERE p.id = $1 AND p.status = $3
                        AND p.domain_id IN (SELECT domain_id FROM expert_domains WHERE expert_id = $2)) AS "open!""#,
project as ProjectId,
expert as ExpertId,
ProjectStatus::Open as ProjectStatus,
)
    .fetch_one(pool)
    .await?;
    if !open {
        return Err(AppError::NotFound);
    }
    let inserted = sqlx::query!(
        "INSERT INTO applications (project_id, expert_id, message) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING",
        project as ProjectId,
        expert as ExpertId,
        message,
    )
    .execute(pool)
    .await?
    .rows_affected();
    if inserted == 0 {
        return Err(AppError::Validation(Problem::AlreadyApplied));
    }
    Ok(())
}

async fn project_summary(pool: &PgPool, project: ProjectId) -> Result<ProjectSummary, AppError> {
    let row: Option<SummaryRow> =
        sqlx::query_as(&format!("{} WHERE p.id = $1", summary_sql("true")))
            .bind(project)
            .fetch_optional(pool)
            .await?;
    Ok(summary(row.ok_or(AppError::NotFound)?))
}

/// The client's project with the dossiers proposed so far, in full. Each dossier shown
/// is recorded in the expert's access log.
pub async fn for_client(
    state: &AppState,
    client: &CurrentUser,
    project: ProjectId,
) -> Result<ClientProjectView, AppError> {
    let owner: bool = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM projects WHERE id = $1 AND client_account_id = $2) AS "owner!""#,
        project as ProjectId,
        client.id as AccountId,
    )
    .fetch_one(&state.pool)
    .await?;
    if !owner {
        return Err(AppError::NotFound);
    }
    let summary = project_summary(&state.pool, project).await?;
    let refs = crate::server::reference::reference_data(&state.pool).await?;
    let criteria = project::criteria(&state.pool, project, state.clock.today()).await?;
    // Only proposals still open show a dossier (a declined or withdrawn one no longer
    // reveals anything).
    // With the expert's application message, when they applied: it is for the client.
    let proposals: Vec<(ExpertId, String, ProposalState, Option<String>)> = sqlx::query!(
        r#"SELECT p.expert_id AS "expert_id: ExpertId", p.note, p.state AS "state: ProposalState",
                  a.message AS "application?"
           FROM proposals p
           LEFT JOIN applications a ON a.project_id = p.project_id AND a.expert_id = p.expert_id
           WHERE p.project_id = $1 AND p.state = ANY($2)
           ORDER BY p.proposed_at, p.id"#,
        project as ProjectId,
        &ProposalState::OPEN_TO_CLIENT as &[ProposalState]
    )
    .fetch_all(&state.pool)
    .await?
    .into_iter()
    .map(|row| (row.expert_id, row.note, row.state, row.application))
    .collect();
    let logs = timelines(&state.pool, &[project], None, Reader::ClientOrAdmin).await?;
    let mut out = Vec::new();
    let mut conn = state.pool.acquire().await?;
    for (expert, note, proposal_state, application) in proposals {
        // An expert whose account was disabled since is no longer shown.
        let (dossier, account) =
            match published_dossier(&state.pool, expert, &refs, state.clock.today()).await {
                Ok(found) => found,
                Err(AppError::NotFound) => continue,
                Err(err) => return Err(err),
            };
        reviews::log_view(
            &mut conn,
            account,
            client.id,
            ViewKind::Project,
            Some(project),
        )
        .await?;
        let timeline = logs
            .iter()
            .filter(|(_, e, _)| *e == expert)
            .map(|(_, _, entry)| entry.clone())
            .collect();
        out.push(ProposedDossier {
            timeline,
            conversation: None,
            steps: Vec::new(),
            quote: None,
            contract: None,
            expert,
            dossier,
            note,
            application,
            state: proposal_state,
            score: state
                .matching_facts(expert)
                .map(|f| score(&f, &criteria, state.clock.today())),
        });
    }
    let keys: Vec<_> = out.iter().map(|p| (project, p.expert)).collect();
    let conversations = crate::server::chat::conversations(&state.pool, client, &keys).await?;
    let steps = steps_of(&state.pool, Party::Client, state.clock.now(), &keys).await?;
    let quotes = crate::server::quote::quotes_of(&state.pool, &keys, state.clock.today()).await?;
    let contracts =
        crate::server::contract::contracts_of(&state.pool, &keys, Party::Client).await?;
    for ((((proposal, conversation), steps), quote), contract) in out
        .iter_mut()
        .zip(conversations)
        .zip(steps)
        .zip(quotes)
        .zip(contracts)
    {
        proposal.contract = contract;
        proposal.conversation = conversation;
        proposal.steps = steps;
        // Shown from the client's choice on, and kept once written.
        proposal.quote = (proposal.state == ProposalState::Selected || !quote.versions.is_empty())
            .then_some(quote);
    }
    Ok(ClientProjectView {
        project: summary,
        proposals: out,
        ending: project::ending(&state.pool, project).await?,
        editing: project::edit_under_way(&state.pool, project).await?,
    })
}
