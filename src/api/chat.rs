//! The conversation of a path. Who the caller is to the path is decided on the server;
//! a stranger to it is answered as if it did not exist.

use leptos::prelude::*;

use crate::domain::chat::Conversation;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::server::{auth::access, chat, state::app_state};

/// The client, the expert or an admin: the latest messages.
#[server(prefix = "/api", endpoint = "chat_conversation", input = leptos::server_fn::codec::GetUrl)]
pub async fn chat_conversation(project: String, expert: String) -> Result<Conversation, AppError> {
    super::respond(
        async {
            let user = access::user::<ChatConversation>().await?;
            chat::conversation(
                &app_state()?.pool,
                &user,
                super::entity_id(&project)?,
                super::entity_id(&expert)?,
            )
            .await
        }
        .await,
    )
}

/// The client or the expert writes. A plain form works: without JavaScript the browser
/// is sent back to the page, which shows the message.
#[server(prefix = "/api", endpoint = "chat_post")]
pub async fn chat_post(project: String, expert: String, body: String) -> Result<i64, AppError> {
    super::respond(
        async {
            let user = access::user::<ChatPost>().await?;
            let state = app_state()?;
            chat::post(
                &state,
                &user,
                super::entity_id(&project)?,
                super::entity_id(&expert)?,
                &body,
            )
            .await
        }
        .await,
    )
}

/// The caller has read up to message `upto`.
#[server(prefix = "/api", endpoint = "chat_read")]
pub async fn chat_read(project: String, expert: String, upto: i64) -> Result<(), AppError> {
    super::respond(
        async {
            let user = access::user::<ChatRead>().await?;
            chat::mark_read(
                &app_state()?.pool,
                &user,
                super::entity_id(&project)?,
                super::entity_id(&expert)?,
                upto,
            )
            .await
        }
        .await,
    )
}

/// Admins: hide a message from the parties, or show it again.
#[server(prefix = "/api", endpoint = "chat_hide")]
pub async fn chat_hide(message: i64, hidden: bool) -> Result<(), AppError> {
    super::respond(
        async {
            let user = access::user::<ChatHide>().await?;
            chat::set_hidden(&app_state()?.pool, &user, message, hidden).await
        }
        .await,
    )
}
