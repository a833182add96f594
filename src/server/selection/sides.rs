//! The two sides of a path, as the steps' writers and their mails need them, and which
//! side the caller is.

use sqlx::PgConnection;

use crate::domain::account::Role;
use crate::domain::id::{AccountId, ExpertId, ProjectId};
use crate::domain::lang::Lang;
use crate::domain::project::ProjectStatus;
use crate::domain::selection::{Party, ProposalState};
use crate::domain::session::CurrentUser;
use crate::error::{AppError, Problem};

/// The two sides of a path and what the mails say of it.
pub(crate) struct Sides {
    pub project: ProjectId,
    pub title: String,
    pub state: ProposalState,
    pub status: ProjectStatus,
    pub client: Side,
    pub expert: Side,
}

pub(crate) struct Side {
    pub account: AccountId,
    pub email: String,
    pub name: String,
    pub lang: Lang,
    /// For the calendar: the expert's first name, the client's contact and company.
    pub label: String,
}

pub(crate) async fn sides(
    conn: &mut PgConnection,
    project: ProjectId,
    expert: ExpertId,
) -> Result<Option<Sides>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT p.state AS "state: ProposalState", pr.title, pr.status AS "status: ProjectStatus",
                  ca.id AS "client: AccountId", ca.email AS client_email,
                  ca.language AS "client_lang: Lang", c.contact_first_name, c.company_name,
                  ea.id AS "expert: AccountId", ea.email AS expert_email,
                  ea.language AS "expert_lang: Lang", e.first_name
           FROM proposals p
           JOIN projects pr ON pr.id = p.project_id
           JOIN accounts ca ON ca.id = pr.client_account_id
           JOIN clients c ON c.account_id = ca.id
           JOIN experts e ON e.id = p.expert_id
           JOIN accounts ea ON ea.id = e.account_id
           WHERE p.project_id = $1 AND p.expert_id = $2
           FOR UPDATE OF p"#,
        project as ProjectId,
        expert as ExpertId,
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| Sides {
        project,
        title: r.title,
        state: r.state,
        status: r.status,
        client: Side {
            account: r.client,
            email: r.client_email,
            name: r.contact_first_name.clone(),
            lang: r.client_lang,
            label: format!("{} ({})", r.contact_first_name, r.company_name),
        },
        expert: Side {
            account: r.expert,
            email: r.expert_email,
            name: r.first_name.clone(),
            lang: r.expert_lang,
            label: r.first_name,
        },
    }))
}

/// The caller's side of the path; a stranger finds nothing.
pub(crate) fn party(caller: &CurrentUser, sides: &Sides) -> Result<Party, AppError> {
    match caller.role {
        Role::Client if caller.id == sides.client.account => Ok(Party::Client),
        Role::Provider if caller.id == sides.expert.account => Ok(Party::Expert),
        Role::Admin => Ok(Party::Admin),
        _ => Err(AppError::NotFound),
    }
}

pub(crate) fn open_project(sides: &Sides) -> Result<(), AppError> {
    if sides.status != ProjectStatus::Open {
        return Err(AppError::Validation(Problem::ProjectNotOpen {
            status: sides.status,
        }));
    }
    Ok(())
}
