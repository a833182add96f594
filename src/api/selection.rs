//! The selection pipeline: the client's decisions on each proposed expert, the expert's
//! or the team's withdrawal. Who the caller is to the path is decided on the server.

use leptos::prelude::*;

use crate::domain::selection::{ExpertPath, ProposalState};
use crate::error::AppError;

/// Signed in, party to the path: fires `event` (`shortlist`, `decline`, …) with a
/// reason for an end (`reason`, empty otherwise) and an optional comment for the team.
#[server(prefix = "/api", endpoint = "selection_fire")]
pub async fn selection_fire(
    project: String,
    expert: String,
    event: String,
    reason: String,
    comment: String,
) -> Result<ProposalState, AppError> {
    use crate::domain::selection::{ProposalEndReason, ProposalEvent};
    use crate::error::Problem;
    use crate::server::{auth::access, selection, state::app_state};
    super::respond(
        async {
            let user = access::user::<SelectionFire>().await?;
            let event = ProposalEvent::parse(event.trim())
                .ok_or(AppError::Validation(Problem::RequestMalformed))?;
            let reason = match reason.trim() {
                "" => None,
                r => Some(
                    ProposalEndReason::parse(r)
                        .ok_or(AppError::Validation(Problem::EndReasonRequired))?,
                ),
            };
            let state = app_state()?;
            selection::fire(
                &state,
                &user,
                super::entity_id(&project)?,
                super::entity_id(&expert)?,
                event,
                reason,
                &comment,
            )
            .await
        }
        .await,
    )
}

/// Experts: every project they were proposed for, where they stand, what comes next.
#[server(prefix = "/api", endpoint = "selection_mine", input = leptos::server_fn::codec::GetUrl)]
pub async fn selection_mine() -> Result<Vec<ExpertPath>, AppError> {
    use crate::server::{auth::access, selection, state::app_state};
    super::respond(
        async {
            let user = access::user::<SelectionMine>().await?;
            selection::paths_of_expert(&app_state()?.pool, &user).await
        }
        .await,
    )
}
