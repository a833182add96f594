//! Administration.

use leptos::prelude::*;

use crate::domain::session::OutboxMail;
use crate::error::AppError;

/// Admins: the latest mails of the outbox, with their links, for local set-ups without
/// SMTP only (404 otherwise): once mail really leaves, the links are their recipients'.
#[server(prefix = "/api", endpoint = "admin_mailbox")]
pub async fn admin_mailbox() -> Result<Vec<OutboxMail>, AppError> {
    use crate::server::{auth::access, mail::outbox, state::app_state};
    super::respond(
        async {
            access::user::<AdminMailbox>().await?;
            let state = app_state()?;
            if state.config.smtp_url.is_some() {
                return Err(AppError::NotFound);
            }
            let mut conn = state.pool.acquire().await?;
            Ok(outbox::latest(&mut conn, 100).await?)
        }
        .await,
    )
}

/// Admins: whether the mailbox has anything to show (no SMTP server), so that the menu
/// offers it only then rather than a link to a 404.
#[server(prefix = "/api", endpoint = "admin_mailbox_open")]
pub async fn admin_mailbox_open() -> Result<bool, AppError> {
    use crate::server::{auth::access, state::app_state};
    super::respond(
        async {
            access::user::<AdminMailboxOpen>().await?;
            Ok(app_state()?.config.smtp_url.is_none())
        }
        .await,
    )
}

/// Admins: accounts whose e-mail or name contains `q` (the latest 100 when empty).
#[server(prefix = "/api", endpoint = "admin_accounts", input = leptos::server_fn::codec::GetUrl)]
pub async fn admin_accounts(
    q: String,
) -> Result<Vec<crate::domain::account::AccountSummary>, AppError> {
    use crate::server::{account, auth::access, state::app_state};
    super::respond(
        async {
            access::user::<AdminAccounts>().await?;
            if q.chars().count() > 100 {
                return Err(AppError::Validation(crate::error::Problem::SearchTooLong {
                    max: 100,
                }));
            }
            account::search(&app_state()?.pool, &q, 100).await
        }
        .await,
    )
}

/// Admins: disables an account (its sessions end at once) or enables it again.
#[server(prefix = "/api", endpoint = "admin_set_account_disabled")]
pub async fn admin_set_account_disabled(id: String, disabled: bool) -> Result<(), AppError> {
    use crate::server::{account, auth::access, state::app_state};
    super::respond(
        async {
            let admin = access::user::<AdminSetAccountDisabled>().await?;
            let id = super::entity_id(&id)?;
            account::set_access(&app_state()?.pool, &admin, id, disabled).await
        }
        .await,
    )
}
