//! The public directory of experts: partial cards only.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::domain::profile::{DirectoryPage, DirectoryQuery, FilterChoices, PublicCard};
use crate::error::AppError;

/// Public: one page of published cards matching the filters.
#[server(prefix = "/api", endpoint = "directory_search", input = GetUrl)]
pub async fn directory_search(query: DirectoryQuery) -> Result<DirectoryPage, AppError> {
    use crate::server::{auth::access, directory, lang, state::app_state};
    super::respond(
        async {
            access::allow::<DirectorySearch>().await?;
            let state = app_state()?;
            let today = state.clock.today();
            directory::search(&state.pool, &query, lang::of_request(), today).await
        }
        .await,
    )
}

/// Public: one published card.
#[server(prefix = "/api", endpoint = "directory_card", input = GetUrl)]
pub async fn directory_card(id: String) -> Result<PublicCard, AppError> {
    use crate::server::{auth::access, directory, lang, state::app_state};
    super::respond(
        async {
            access::allow::<DirectoryCard>().await?;
            let id = super::entity_id(&id)?;
            let state = app_state()?;
            let today = state.clock.today();
            directory::card_by_id(&state.pool, id, lang::of_request(), today).await
        }
        .await,
    )
}

/// Public: the domains and départements offered as filters.
#[server(prefix = "/api", endpoint = "directory_filters", input = GetUrl)]
pub async fn directory_filters() -> Result<FilterChoices, AppError> {
    use crate::server::{auth::access, directory, lang, state::app_state};
    super::respond(
        async {
            access::allow::<DirectoryFilters>().await?;
            directory::filter_choices(&app_state()?.pool, lang::of_request()).await
        }
        .await,
    )
}
