//! The in-app notification centre.

use leptos::prelude::*;

use crate::domain::live::LiveStatus;
use crate::domain::notification::Notification;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::server::{auth::access, repo::notification, state::app_state};

#[server(prefix = "/api", endpoint = "notifications_list")]
pub async fn list_notifications() -> Result<Vec<Notification>, AppError> {
    super::respond(
        async {
            let user = access::user::<ListNotifications>().await?;
            notification::list(&app_state()?.pool, user.id).await
        }
        .await,
    )
}

/// What the header shows of the caller's inbox, and the live cursor the page was
/// rendered at (its stream resumes from there).
#[server(prefix = "/api", endpoint = "live_status")]
pub async fn header_status() -> Result<LiveStatus, AppError> {
    super::respond(
        async {
            let user = access::user::<HeaderStatus>().await?;
            let pool = app_state()?.pool;
            // The cursor first: an event after it is replayed, so a count read a moment
            // later is never older than what the stream will bring.
            let cursor = crate::server::live::cursor(&pool).await?;
            Ok(LiveStatus {
                cursor,
                unread_notices: notification::unread_count(&pool, user.id).await?,
                unread_messages: crate::server::chat::unread_count(&pool, user.id).await?,
            })
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "notifications_mark_read")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    super::respond(
        async {
            let user = access::user::<MarkNotificationsRead>().await?;
            notification::mark_all_read(&app_state()?.pool, user.id).await
        }
        .await,
    )
}
