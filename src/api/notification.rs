//! The in-app notification centre.

use leptos::prelude::*;

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

#[server(prefix = "/api", endpoint = "notifications_unread")]
pub async fn unread_notifications() -> Result<i64, AppError> {
    super::respond(
        async {
            let user = access::user::<UnreadNotifications>().await?;
            notification::unread_count(&app_state()?.pool, user.id).await
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
