//! Admin review of submitted dossiers.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::domain::review::{QueueItem, ReviewDossier};
use crate::error::AppError;

/// Admins: the dossiers waiting for a decision, oldest first.
#[server(prefix = "/api", endpoint = "review_queue", input = GetUrl)]
pub async fn review_queue() -> Result<Vec<QueueItem>, AppError> {
    use crate::server::{auth::access, review, state::app_state};
    super::respond(
        async {
            access::user::<ReviewQueue>().await?;
            let state = app_state()?;
            review::queue(&state.pool, state.clock.today()).await
        }
        .await,
    )
}

/// Admins: one submitted dossier in full. Each opening is logged for the expert to see.
/// POST: it writes to the access log.
#[server(prefix = "/api", endpoint = "review_open")]
pub async fn review_open(id: crate::domain::id::SubmissionId) -> Result<ReviewDossier, AppError> {
    use crate::server::{auth::access, review, state::app_state};
    super::respond(
        async {
            let admin = access::user::<ReviewOpen>().await?;
            let state = app_state()?;
            review::open(&state.pool, &admin, id, state.clock.today()).await
        }
        .await,
    )
}

/// Admins: approve, request changes or reject, with a message for the expert.
#[server(prefix = "/api", endpoint = "review_decide")]
pub async fn review_decide(
    id: crate::domain::id::SubmissionId,
    decision: String,
    message: String,
) -> Result<(), AppError> {
    use crate::server::{auth::access, review, state::app_state};
    super::respond(
        async {
            let admin = access::user::<ReviewDecide>().await?;
            let decision = crate::domain::review::Decision::parse(&decision)
                .ok_or(AppError::Validation(crate::error::Problem::DecisionUnknown))?;
            let state = app_state()?;
            review::decide(
                &state.pool,
                &state.config.public_url,
                &admin,
                id,
                decision,
                &message,
                state.clock.today(),
            )
            .await
        }
        .await,
    )
}
