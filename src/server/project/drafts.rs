//! The client's drafts: the wizard opens one (the latest, a given one, or a new one) and
//! "Mes projets" lists them, each resumable at the step it reached.

use chrono::NaiveDate;
use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::id::{AccountId, ProjectDraftId, ProjectId};
use crate::domain::project::{
    DraftSummary, ProjectDraft, ProjectEvent, ProjectStatus, Step, WizardData,
};
use crate::domain::session::CurrentUser;
use crate::error::AppError;
use crate::server::reference;

/// Which draft the wizard opens.
#[derive(Debug, Clone, Copy)]
pub enum Opening {
    /// The one saved last (the wizard picks up where the client left, on any device).
    Latest,
    /// One of the client's drafts; another's is not found.
    Draft(ProjectDraftId),
    /// A new project: only an id until its first save.
    Fresh,
    /// New answers for one of the client's open projects: the edit under way, or a new
    /// one holding the project's answers (only an id until its first save, too).
    Edit(ProjectId),
}

/// The draft `opening` names, or a new one that is only an id until its first save:
/// opening the wizard writes nothing.
pub async fn wizard(
    pool: &PgPool,
    client: &CurrentUser,
    opening: Opening,
    today: NaiveDate,
) -> Result<WizardData, AppError> {
    if let Opening::Edit(project) = opening {
        return edit(pool, client, project, today).await;
    }
    let wanted = match opening {
        Opening::Draft(id) => Some(id),
        Opening::Latest | Opening::Fresh | Opening::Edit(_) => None,
    };
    let row = match opening {
        Opening::Fresh | Opening::Edit(_) => None,
        // Edits are resumed from their project's page, not as new projects.
        Opening::Latest | Opening::Draft(_) => sqlx::query!(
            r#"SELECT id AS "id: ProjectDraftId", data AS "data: sqlx::types::Json<ProjectDraft>", step
               FROM project_drafts WHERE client_account_id = $1 AND ($2::uuid IS NULL OR id = $2)
                 AND edits_project IS NULL
               ORDER BY updated_at DESC LIMIT 1"#,
            client.id as AccountId,
            wanted as Option<ProjectDraftId>
        )
        .fetch_optional(pool)
        .await?
        .map(|row| (row.id, row.data.0, row.step)),
    };
    let (id, draft, step) = match (row, wanted) {
        (Some(found), _) => found,
        (None, Some(_)) => return Err(AppError::NotFound),
        (None, None) => (
            ProjectDraftId::new(Uuid::new_v4()),
            ProjectDraft::default(),
            0,
        ),
    };
    Ok(WizardData {
        id,
        draft,
        step: usize::try_from(step).unwrap_or(0),
        refs: reference::reference_data(pool).await?,
        today: today.to_string(),
        edits: None,
    })
}

/// The wizard on one of the client's open projects, at its recap.
async fn edit(
    pool: &PgPool,
    client: &CurrentUser,
    project: ProjectId,
    today: NaiveDate,
) -> Result<WizardData, AppError> {
    let row = sqlx::query!(
        r#"SELECT p.status AS "status: ProjectStatus",
                  p.data AS "data: sqlx::types::Json<ProjectDraft>",
                  d.id AS "draft_id?: ProjectDraftId",
                  d.data AS "draft?: sqlx::types::Json<ProjectDraft>", d.step AS "step?"
           FROM projects p LEFT JOIN project_drafts d ON d.edits_project = p.id
           WHERE p.id = $1 AND p.client_account_id = $2"#,
        project as ProjectId,
        client.id as AccountId,
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    row.status
        .apply(ProjectEvent::Edit)
        .map_err(AppError::Validation)?;
    let recap = Step::ALL.len() - 1;
    let (id, draft, step) = match (row.draft_id, row.draft, row.step) {
        (Some(id), Some(draft), Some(step)) => {
            (id, draft.0, usize::try_from(step).unwrap_or(recap))
        }
        _ => (
            ProjectDraftId::new(Uuid::new_v4()),
            row.data.map(|d| d.0).unwrap_or_default(),
            recap,
        ),
    };
    Ok(WizardData {
        id,
        draft,
        step,
        refs: reference::reference_data(pool).await?,
        today: today.to_string(),
        edits: Some(project),
    })
}

/// The client's drafts, the latest first.
pub async fn drafts(pool: &PgPool, client: &CurrentUser) -> Result<Vec<DraftSummary>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT id AS "id: ProjectDraftId", data->>'title' AS title, step,
                  updated_at::date AS "saved_on!: NaiveDate"
           FROM project_drafts WHERE client_account_id = $1 AND edits_project IS NULL
           ORDER BY updated_at DESC LIMIT 50"#,
        client.id as AccountId
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| DraftSummary {
            id: row.id,
            title: row.title.unwrap_or_default().trim().to_string(),
            step: Step::from_index(usize::try_from(row.step).unwrap_or(0)),
            saved_on: row.saved_on,
        })
        .collect())
}
