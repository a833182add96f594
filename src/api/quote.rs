//! The quote: the selected expert sends a version, the client answers the latest one.
//! Who the caller is to the path is decided on the server.

use leptos::prelude::*;

use crate::domain::quote::{QuoteForm, QuoteState};
use crate::error::AppError;

/// The selected expert sends a version of their quote (`form[lines][0][description]`…,
/// as the page's form names them). Returns the version's number.
#[server(prefix = "/api", endpoint = "quote_send")]
pub async fn quote_send(project: String, expert: String, form: QuoteForm) -> Result<i32, AppError> {
    use crate::server::{auth::access, quote, state::app_state};
    super::respond(
        async {
            let user = access::user::<QuoteSend>().await?;
            let state = app_state()?;
            let path = (super::entity_id(&project)?, super::entity_id(&expert)?);
            quote::send(&state, &user, path, &form).await
        }
        .await,
    )
}

/// The client answers version `version`: `answer` is `accept` (with the company's
/// signatory in `details[…]`, for the contract) or `revise`, with what should change in
/// `comment`.
#[server(prefix = "/api", endpoint = "quote_answer")]
pub async fn quote_answer(
    project: String,
    expert: String,
    version: String,
    answer: String,
    #[server(default)] comment: String,
    #[server(default)] details: crate::domain::contract::ClientSignatoryForm,
) -> Result<QuoteState, AppError> {
    use crate::domain::quote::QuoteAnswer as Answer;
    use crate::error::Problem;
    use crate::server::{auth::access, quote, state::app_state};
    super::respond(
        async {
            let user = access::user::<QuoteAnswer>().await?;
            let answer = match answer.trim() {
                "accept" => Answer::Accept,
                "revise" => Answer::AskRevision(comment),
                _ => return Err(AppError::Validation(Problem::RequestMalformed)),
            };
            let version = version.trim().parse().map_err(|_| AppError::NotFound)?;
            let state = app_state()?;
            let path = (super::entity_id(&project)?, super::entity_id(&expert)?);
            quote::answer(&state, &user, path, version, &answer, &details).await
        }
        .await,
    )
}
