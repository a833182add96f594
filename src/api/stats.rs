use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::domain::stats::PlatformStats;
use crate::error::AppError;

/// Public: the live figures of the home page. Read-only, hence GET.
#[server(prefix = "/api", endpoint = "platform_stats", input = GetUrl)]
pub async fn get_platform_stats() -> Result<PlatformStats, AppError> {
    use crate::server::{auth::access, state::app_state, stats};
    super::respond(
        async {
            access::allow::<GetPlatformStats>().await?;
            let state = app_state()?;
            stats::platform_stats(&state.pool, state.clock.today()).await
        }
        .await,
    )
}
