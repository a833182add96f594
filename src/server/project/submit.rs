//! Submission of a checked draft: a new open project, or new answers for an open one.

use chrono::NaiveDate;

use super::send_notices;
use crate::domain::id::{AccountId, ProjectDraftId, ProjectId};
use crate::domain::money::Euros;
use crate::domain::parse::{mobility_codes, parse_date, parse_days};
use crate::domain::profile::ProfileLevel;
use crate::domain::project::{ContactFormat, ProjectDraft, ProjectEvent, ProjectStatus, Step};
use crate::domain::session::CurrentUser;
use crate::error::{AppError, Problem};
use crate::server::auth::rate_limit::{self, Limit};
use crate::server::reference;
use crate::server::state::AppState;

/// Projects a client may submit per day: each one is published at once and may reach
/// matching experts.
const SUBMISSIONS_PER_CLIENT: Limit = Limit {
    max: 5,
    window_secs: 24 * 3600,
};

/// Validates every step, records the project as open, matches and notifies experts.
/// Only from a confirmed address, and within [`SUBMISSIONS_PER_CLIENT`].
pub async fn submit(
    state: &AppState,
    client: &CurrentUser,
    id: ProjectDraftId,
) -> Result<ProjectId, AppError> {
    if !client.email_verified {
        return Err(AppError::Validation(Problem::EmailUnverifiedForProject));
    }
    let pool = &state.pool;
    let refs = reference::reference_data(pool).await?;
    let mut tx = pool.begin().await?;
    let row = sqlx::query!(
        r#"SELECT data AS "data: sqlx::types::Json<ProjectDraft>",
                  edits_project AS "edits: ProjectId"
           FROM project_drafts WHERE id = $1 AND client_account_id = $2 FOR UPDATE"#,
        id as ProjectDraftId,
        client.id as AccountId,
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let (draft, edits) = (row.data.0, row.edits);
    for step in Step::ALL {
        if let Some(p) = draft
            .problems(step, &refs, state.clock.today(), true)
            .first()
        {
            return Err(AppError::Validation(Problem::ProjectIncomplete {
                step,
                problem: Box::new(p.problem.clone()),
            }));
        }
    }
    // Counted once the project is complete: a refused draft costs the client nothing.
    rate_limit::hit(
        pool,
        &format!("project_submit:{}", client.id),
        SUBMISSIONS_PER_CLIENT,
    )
    .await?;
    let project = match edits {
        Some(project) => {
            replace(&mut tx, client, project, &draft).await?;
            project
        }
        None => insert(&mut tx, client, id, &draft).await?,
    };
    sqlx::query!(
        "DELETE FROM project_drafts WHERE id = $1",
        id as ProjectDraftId,
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    // The project is stored: a failure to notify is retried by `retry_notices`, it does
    // not fail the client's submission. An edited project reaches only the experts it
    // newly matches: each is told once per project.
    match send_notices(state, project).await {
        Ok(sent) => {
            tracing::info!(%project, notices = sent, edited = edits.is_some(), "project submitted")
        }
        Err(err) => tracing::warn!(%project, error = ?err, "project notices failed, will retry"),
    }
    Ok(project)
}

/// The départements of a draft, as stored.
fn stored_places(draft: &ProjectDraft) -> Vec<String> {
    mobility_codes(&draft.places)
        .into_iter()
        .filter_map(Result::ok)
        .map(|d| d.to_string())
        .collect()
}

/// Records a checked draft as a new open project, under the draft's id.
async fn insert(
    tx: &mut sqlx::PgConnection,
    client: &CurrentUser,
    id: ProjectDraftId,
    draft: &ProjectDraft,
) -> Result<ProjectId, AppError> {
    let places = stored_places(draft);
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO projects (id, title, domain_id, status, client_account_id, description,
             data, required_skills, optional_skills, level, remote, places, start_date,
             duration_days, budget, max_daily_rate, contact_formats, confidential, submitted_at)
         SELECT $17, $1, d.id, $18, $2, $3, $4,
                ARRAY(SELECT id FROM skills WHERE slug = ANY($5)),
                ARRAY(SELECT id FROM skills WHERE slug = ANY($6)),
                $7, $8, $9, $10, $11, $12, $13, $14, $15, now()
         FROM domains d WHERE d.slug = $16
         RETURNING id AS "id: ProjectId""#,
        draft.title.trim(),
        client.id as AccountId,
        draft.description.trim(),
        sqlx::types::Json(draft) as _,
        &draft.required_skills,
        &draft.optional_skills,
        // Checked by the wizard: empty (any level) or a known level.
        ProfileLevel::parse(draft.level.trim()) as Option<ProfileLevel>,
        draft.remote,
        &places,
        parse_date(&draft.start_date).ok() as Option<NaiveDate>,
        parse_days(&draft.duration_days)
            .ok()
            .and_then(|d| i32::try_from(d).ok()),
        draft.total_budget() as Option<Euros>,
        draft.max_daily_rate() as Option<Euros>,
        &draft.contact_formats as &[ContactFormat],
        draft.confidential,
        &draft.domain,
        id as ProjectDraftId,
        ProjectStatus::Open as ProjectStatus,
    )
    .fetch_one(tx)
    .await?)
}

/// Gives the client's open project the answers of a checked draft; its proposals stay.
async fn replace(
    tx: &mut sqlx::PgConnection,
    client: &CurrentUser,
    project: ProjectId,
    draft: &ProjectDraft,
) -> Result<(), AppError> {
    let status: ProjectStatus = sqlx::query_scalar!(
        r#"SELECT status AS "status: ProjectStatus" FROM projects
           WHERE id = $1 AND client_account_id = $2 FOR UPDATE"#,
        project as ProjectId,
        client.id as AccountId,
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    status
        .apply(ProjectEvent::Edit)
        .map_err(AppError::Validation)?;
    let places = stored_places(draft);
    sqlx::query!(
        "UPDATE projects p SET title = $2, domain_id = d.id, description = $3, data = $4,
                required_skills = ARRAY(SELECT id FROM skills WHERE slug = ANY($5)),
                optional_skills = ARRAY(SELECT id FROM skills WHERE slug = ANY($6)),
                level = $7, remote = $8, places = $9, start_date = $10, duration_days = $11,
                budget = $12, max_daily_rate = $13, contact_formats = $14, confidential = $15,
                edited_at = now()
         FROM domains d WHERE d.slug = $16 AND p.id = $1",
        project as ProjectId,
        draft.title.trim(),
        draft.description.trim(),
        sqlx::types::Json(draft) as _,
        &draft.required_skills,
        &draft.optional_skills,
        ProfileLevel::parse(draft.level.trim()) as Option<ProfileLevel>,
        draft.remote,
        &places,
        parse_date(&draft.start_date).ok() as Option<NaiveDate>,
        parse_days(&draft.duration_days)
            .ok()
            .and_then(|d| i32::try_from(d).ok()),
        draft.total_budget() as Option<Euros>,
        draft.max_daily_rate() as Option<Euros>,
        &draft.contact_formats as &[ContactFormat],
        draft.confidential,
        &draft.domain,
    )
    .execute(tx)
    .await?;
    Ok(())
}
