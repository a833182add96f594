//! Administration.

use leptos::prelude::*;

use crate::domain::session::OutboxMail;
use crate::error::AppError;

/// Admins: the latest mails of the outbox, with their links (for local set-ups without SMTP).
#[server(prefix = "/api", endpoint = "admin_mailbox")]
pub async fn admin_mailbox() -> Result<Vec<OutboxMail>, AppError> {
    use crate::domain::account::Role;
    use crate::server::{auth::access, mail::outbox, state::app_state};
    super::respond(
        async {
            access::require_role(Role::Admin).await?;
            let mut conn = app_state()?.pool.acquire().await?;
            Ok(outbox::latest(&mut conn, 100).await?)
        }
        .await,
    )
}
