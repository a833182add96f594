//! Projects: the client's wizard and projects, experts' matching projects and
//! applications, the admin's pre-selection.

use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json};

use crate::domain::id::{ExpertId, ProjectDraftId, ProjectId};
use crate::domain::project::{
    AdminProjectView, ClientProjectView, ExpertProjectView, MyProjects, ProjectDraft,
    ProjectSummary, WizardData,
};
use crate::error::AppError;

/// Clients: the draft being written, to resume on any device, or the id of a new one
/// (stored by its first save: a GET writes nothing).
/// `draft`: that draft; `fresh`: a new project; `edits`: new answers for that open
/// project; none: the draft saved last.
#[server(prefix = "/api", endpoint = "project_wizard", input = GetUrl)]
pub async fn project_wizard(
    draft: Option<ProjectDraftId>,
    fresh: Option<bool>,
    edits: Option<ProjectId>,
) -> Result<WizardData, AppError> {
    use crate::server::{auth::access, project, project::Opening, state::app_state};
    super::respond(
        async {
            let user = access::user::<ProjectWizard>().await?;
            let state = app_state()?;
            let opening = match (draft, fresh, edits) {
                (_, _, Some(project)) => Opening::Edit(project),
                (Some(id), _, None) => Opening::Draft(id),
                (None, Some(true), None) => Opening::Fresh,
                (None, _, None) => Opening::Latest,
            };
            project::wizard(&state.pool, &user, opening, state.clock.today()).await
        }
        .await,
    )
}

/// Clients: saves the draft and the step reached (the first save creates it); `edits`:
/// the open project the draft will replace.
#[server(prefix = "/api", endpoint = "project_save_draft", input = Json)]
pub async fn project_save_draft(
    id: ProjectDraftId,
    step: usize,
    draft: ProjectDraft,
    edits: Option<ProjectId>,
) -> Result<(), AppError> {
    use crate::server::{auth::access, project, state::app_state};
    super::respond(
        async {
            let user = access::user::<ProjectSaveDraft>().await?;
            project::save_draft(&app_state()?.pool, &user, id, step, &draft, edits).await
        }
        .await,
    )
}

/// Clients: ends their open project with a reason (closed when the need is met,
/// cancelled otherwise); every expert still in the running is told.
#[server(prefix = "/api", endpoint = "project_end")]
pub async fn project_end(id: String, reason: String, comment: String) -> Result<(), AppError> {
    use crate::server::{auth::access, project, state::app_state};
    super::respond(
        async {
            let user = access::user::<ProjectEnd>().await?;
            let (reason, comment) =
                project::parse_ending(&reason, &comment).map_err(AppError::Validation)?;
            let id = super::entity_id(&id)?;
            project::end(&app_state()?, &user, id, reason, &comment).await?;
            Ok(())
        }
        .await,
    )
}

/// Clients: submits the draft; matching experts are notified. Returns the project's id.
#[server(prefix = "/api", endpoint = "project_submit")]
pub async fn project_submit(id: String) -> Result<ProjectId, AppError> {
    use crate::server::{auth::access, project, state::app_state};
    super::respond(
        async {
            let user = access::user::<ProjectSubmit>().await?;
            project::submit(&app_state()?, &user, super::entity_id(&id)?).await
        }
        .await,
    )
}

/// Clients: their drafts and their projects.
#[server(prefix = "/api", endpoint = "projects_mine", input = GetUrl)]
pub async fn projects_mine() -> Result<MyProjects, AppError> {
    use crate::server::{auth::access, project, state::app_state};
    super::respond(
        async {
            let user = access::user::<ProjectsMine>().await?;
            let pool = &app_state()?.pool;
            Ok(MyProjects {
                drafts: project::drafts(pool, &user).await?,
                projects: project::mine(pool, &user).await?,
            })
        }
        .await,
    )
}

/// Clients: one of their projects with the dossiers proposed, in full (each view is
/// logged for the expert). POST: it writes to the access log.
#[server(prefix = "/api", endpoint = "project_client_view")]
pub async fn project_client_view(id: String) -> Result<ClientProjectView, AppError> {
    use crate::server::{auth::access, selection, state::app_state};
    super::respond(
        async {
            let user = access::user::<ProjectClientView>().await?;
            selection::for_client(&app_state()?, &user, super::entity_id(&id)?).await
        }
        .await,
    )
}

/// Providers: open projects of their domains, with their own match explained.
#[server(prefix = "/api", endpoint = "projects_for_expert", input = GetUrl)]
pub async fn projects_for_expert() -> Result<Option<Vec<ExpertProjectView>>, AppError> {
    use crate::server::{auth::access, selection, state::app_state};
    super::respond(
        async {
            let user = access::user::<ProjectsForExpert>().await?;
            selection::for_expert(&app_state()?, &user).await
        }
        .await,
    )
}

/// Providers: applies to a project with a short message (once).
#[server(prefix = "/api", endpoint = "project_apply")]
pub async fn project_apply(id: String, message: String) -> Result<(), AppError> {
    use crate::server::{auth::access, selection, state::app_state};
    super::respond(
        async {
            let user = access::user::<ProjectApply>().await?;
            selection::apply(&app_state()?.pool, &user, super::entity_id(&id)?, &message).await
        }
        .await,
    )
}

/// Admins: open projects.
#[server(prefix = "/api", endpoint = "admin_projects", input = GetUrl)]
pub async fn admin_projects() -> Result<Vec<ProjectSummary>, AppError> {
    use crate::server::{auth::access, selection, state::app_state};
    super::respond(
        async {
            access::user::<AdminProjects>().await?;
            selection::admin_projects(&app_state()?.pool).await
        }
        .await,
    )
}

/// Admins: the ranked candidates of a project, explained.
#[server(prefix = "/api", endpoint = "admin_candidates", input = GetUrl)]
pub async fn admin_candidates(id: String) -> Result<AdminProjectView, AppError> {
    use crate::server::{auth::access, selection, state::app_state};
    super::respond(
        async {
            let admin = access::user::<AdminCandidates>().await?;
            selection::candidates(&app_state()?, &admin, super::entity_id(&id)?).await
        }
        .await,
    )
}

/// Admins: proposes experts (with a note each) to the project's client.
#[server(prefix = "/api", endpoint = "admin_propose", input = Json)]
pub async fn admin_propose(
    id: ProjectId,
    picks: Vec<(ExpertId, String)>,
) -> Result<usize, AppError> {
    use crate::server::{auth::access, selection, state::app_state};
    super::respond(
        async {
            let admin = access::user::<AdminPropose>().await?;
            selection::propose(&app_state()?, &admin, id, &picks).await
        }
        .await,
    )
}

/// Providers: receive "un projet dans votre domaine" alerts or not.
#[server(prefix = "/api", endpoint = "settings_project_alerts")]
pub async fn settings_project_alerts(enabled: bool) -> Result<(), AppError> {
    use crate::server::{auth::access, project, state::app_state};
    super::respond(
        async {
            let user = access::user::<SettingsProjectAlerts>().await?;
            project::set_alerts(&app_state()?.pool, user.id, enabled).await
        }
        .await,
    )
}

/// Whether "un projet dans votre domaine" alerts are on; `None` for accounts that are
/// not providers (the account page asks before it knows the role).
#[server(prefix = "/api", endpoint = "settings_project_alerts_get", input = GetUrl)]
pub async fn settings_project_alerts_get() -> Result<Option<bool>, AppError> {
    use crate::server::{auth::access, project, state::app_state};
    super::respond(
        async {
            let user = access::user::<SettingsProjectAlertsGet>().await?;
            project::alerts(&app_state()?.pool, &user).await
        }
        .await,
    )
}
