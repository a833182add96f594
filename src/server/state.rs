use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sqlx::PgPool;
use std::sync::Arc;

use crate::error::AppError;
use crate::server::config::Config;
use crate::server::storage::LocalStorage;

/// Everything a request handler or server function may need. Cheap to clone.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: PgPool,
    pub config: Arc<Config>,
    /// Uploaded files, outside the web root.
    pub storage: LocalStorage,
}

impl AppState {
    pub fn new(config: Config, pool: PgPool) -> Self {
        Self {
            leptos_options: config.leptos.clone(),
            storage: LocalStorage::new(config.data_dir.join("uploads")),
            pool,
            config: Arc::new(config),
        }
    }
}

/// The state, as provided to server functions by `leptos_routes_with_context`.
pub fn app_state() -> Result<AppState, AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the reactive context");
        AppError::Internal
    })
}
