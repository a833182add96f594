use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sqlx::PgPool;
use std::sync::{Arc, RwLock};

use crate::domain::id::ExpertId;
use crate::domain::matching::{ExpertFacts, ProjectCriteria, Ranked};
use crate::server::matching::MatchIndex;

use crate::error::AppError;
use crate::server::clock::Clock;
use crate::server::config::Config;
use crate::server::storage::{FileStore, LocalStorage, ObjectStorage};

/// Everything a request handler or server function may need. Cheap to clone.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: PgPool,
    pub config: Arc<Config>,
    /// Uploaded files, outside the web root.
    pub storage: FileStore,
    /// The in-memory matching index, kept in sync by [`crate::server::match_sync`].
    pub matching: Arc<RwLock<MatchIndex>>,
    /// "Now" and "today" in France; tests replace it with a fixed clock.
    pub clock: Clock,
    /// The live events of this process, fanned out to its open streams.
    pub live: crate::server::live::LiveHub,
}

impl AppState {
    pub fn new(config: Config, pool: PgPool) -> Self {
        Self {
            leptos_options: config.leptos.clone(),
            storage: match &config.storage_url {
                None => FileStore::Local(LocalStorage::new(config.data_dir.join("uploads"))),
                // Checked when the configuration was read.
                Some(url) => FileStore::Object(
                    ObjectStorage::from_url(url, config.storage_options.clone())
                        .expect("STORAGE_URL validated by Config"),
                ),
            },
            matching: Arc::new(RwLock::new(MatchIndex::new())),
            clock: Clock::system(),
            live: crate::server::live::LiveHub::new(crate::server::live::hub::MAX_STREAMS),
            pool,
            config: Arc::new(config),
        }
    }
}

impl AppState {
    /// The `k` best experts for `criteria` today, from the index.
    pub fn matching_top(&self, criteria: &ProjectCriteria, k: usize) -> Vec<Ranked> {
        let today = self.clock.today();
        match self.matching.read() {
            Ok(index) => index.top_k(criteria, k, today),
            Err(poisoned) => poisoned.into_inner().top_k(criteria, k, today),
        }
    }

    /// The matching facts of an indexed (published, attested) expert.
    pub fn matching_facts(&self, expert: ExpertId) -> Option<ExpertFacts> {
        match self.matching.read() {
            Ok(index) => index.get(expert),
            Err(poisoned) => poisoned.into_inner().get(expert),
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
