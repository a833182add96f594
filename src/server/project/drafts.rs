//! The client's drafts: the wizard opens one (the latest, a given one, or a new one) and
//! "Mes projets" lists them, each resumable at the step it reached.

use chrono::NaiveDate;
use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::id::{AccountId, ProjectDraftId};
use crate::domain::project::{DraftSummary, ProjectDraft, Step, WizardData};
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
}

/// The draft `opening` names, or a new one that is only an id until its first save:
/// opening the wizard writes nothing.
pub async fn wizard(
    pool: &PgPool,
    client: &CurrentUser,
    opening: Opening,
    today: NaiveDate,
) -> Result<WizardData, AppError> {
    let wanted = match opening {
        Opening::Draft(id) => Some(id),
        Opening::Latest | Opening::Fresh => None,
    };
    let row = match opening {
        Opening::Fresh => None,
        Opening::Latest | Opening::Draft(_) => sqlx::query!(
            r#"SELECT id AS "id: ProjectDraftId", data AS "data: sqlx::types::Json<ProjectDraft>", step
               FROM project_drafts WHERE client_account_id = $1 AND ($2::uuid IS NULL OR id = $2)
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
    })
}

/// The client's drafts, the latest first.
pub async fn drafts(pool: &PgPool, client: &CurrentUser) -> Result<Vec<DraftSummary>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT id AS "id: ProjectDraftId", data->>'title' AS title, step,
                  updated_at::date AS "saved_on!: NaiveDate"
           FROM project_drafts WHERE client_account_id = $1
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
