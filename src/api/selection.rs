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
            let state = app_state()?;
            selection::paths_of_expert(&state.pool, &user, state.clock.now()).await
        }
        .await,
    )
}

#[cfg(feature = "ssr")]
fn step_id(step: &str) -> Result<crate::domain::id::StepId, AppError> {
    super::entity_id(step)
}

/// The client sets up a selection step with a shortlisted expert: a format, a duration,
/// the link or address it needs, and 2 to 5 slots (`slots[0]`…, as typed in France).
#[server(prefix = "/api", endpoint = "step_add")]
pub async fn step_add(
    project: String,
    expert: String,
    format: String,
    duration: String,
    link: String,
    address: String,
    slots: Vec<String>,
) -> Result<String, AppError> {
    use crate::domain::project::ContactFormat;
    use crate::error::Problem;
    use crate::server::{auth::access, selection, state::app_state};
    super::respond(
        async {
            let user = access::user::<StepAdd>().await?;
            let format = ContactFormat::ALL
                .into_iter()
                .find(|f| f.as_str() == format.trim())
                .ok_or(AppError::Validation(Problem::RequestMalformed))?;
            let duration_minutes = duration.trim().parse().map_err(|_| {
                AppError::Validation(Problem::StepDurationOutOfRange {
                    min: crate::domain::selection::step::DURATION_MIN_MINUTES,
                    max: crate::domain::selection::step::DURATION_MAX_MINUTES,
                })
            })?;
            let step = selection::NewStep {
                format,
                duration_minutes,
                link,
                address,
                slots,
            };
            let state = app_state()?;
            let id = selection::add_step(
                &state,
                &user,
                super::entity_id(&project)?,
                super::entity_id(&expert)?,
                step,
            )
            .await?;
            Ok(id.to_string())
        }
        .await,
    )
}

/// The side the step waits for offers other slots; the client also reschedules a
/// confirmed step this way.
#[server(prefix = "/api", endpoint = "step_offer")]
pub async fn step_offer(step: String, slots: Vec<String>) -> Result<(), AppError> {
    use crate::server::{auth::access, selection, state::app_state};
    super::respond(
        async {
            let user = access::user::<StepOffer>().await?;
            let request = selection::StepRequest::Offer(slots);
            selection::act_on_step(&app_state()?, &user, step_id(&step)?, request).await?;
            Ok(())
        }
        .await,
    )
}

/// The side the step waits for picks one of the slots offered (`at`, RFC 3339).
#[server(prefix = "/api", endpoint = "step_pick")]
pub async fn step_pick(step: String, at: String) -> Result<(), AppError> {
    use crate::server::{auth::access, selection, state::app_state};
    super::respond(
        async {
            let user = access::user::<StepPick>().await?;
            let request = selection::StepRequest::Pick(at);
            selection::act_on_step(&app_state()?, &user, step_id(&step)?, request).await?;
            Ok(())
        }
        .await,
    )
}

/// Either side (or an admin) cancels a step; calendars that hold it are told.
#[server(prefix = "/api", endpoint = "step_cancel")]
pub async fn step_cancel(step: String) -> Result<(), AppError> {
    use crate::server::{auth::access, selection, state::app_state};
    super::respond(
        async {
            let user = access::user::<StepCancel>().await?;
            let request = selection::StepRequest::Cancel;
            selection::act_on_step(&app_state()?, &user, step_id(&step)?, request).await?;
            Ok(())
        }
        .await,
    )
}

/// After a held step, the client records what follows: `continue`, `select`, or
/// `not_keep` with a reason.
#[server(prefix = "/api", endpoint = "step_record")]
pub async fn step_record(
    step: String,
    outcome: String,
    reason: String,
    comment: String,
) -> Result<(), AppError> {
    use crate::domain::selection::step::StepOutcome;
    use crate::domain::selection::ProposalEndReason;
    use crate::error::Problem;
    use crate::server::{auth::access, selection, state::app_state};
    super::respond(
        async {
            let user = access::user::<StepRecord>().await?;
            let outcome = StepOutcome::parse(outcome.trim())
                .ok_or(AppError::Validation(Problem::RequestMalformed))?;
            let reason = match (outcome, reason.trim()) {
                (StepOutcome::NotKeep, "") => {
                    return Err(AppError::Validation(Problem::EndReasonRequired))
                }
                (StepOutcome::NotKeep, r) => Some(
                    ProposalEndReason::parse(r)
                        .ok_or(AppError::Validation(Problem::EndReasonRequired))?,
                ),
                _ => None,
            };
            let request = selection::StepRequest::Record {
                outcome,
                reason,
                comment,
            };
            selection::act_on_step(&app_state()?, &user, step_id(&step)?, request).await?;
            Ok(())
        }
        .await,
    )
}
