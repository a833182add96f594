//! Keeps the matching index in step with PostgreSQL: built at start-up, then every
//! publication or profile change (`pg_notify('experts_changed', id)`, sent in the
//! writing transaction) is applied within moments, in every server process. After a lost
//! connection the whole index is rebuilt, so no change is missed.

use sqlx::PgPool;
use std::sync::{Arc, RwLock};

use crate::domain::id::ExpertId;
use crate::server::clock::Clock;
use crate::server::jobs::listen::{Channels, Subscription, Wake};
use crate::server::matching::{load_from_db, load_one, MatchIndex};
use crate::server::state::AppState;

pub const CHANNEL: &str = "experts_changed";

fn write(shared: &RwLock<MatchIndex>) -> std::sync::RwLockWriteGuard<'_, MatchIndex> {
    shared
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

async fn rebuild(
    pool: &PgPool,
    shared: &RwLock<MatchIndex>,
    clock: &Clock,
) -> Result<(), sqlx::Error> {
    let started = std::time::Instant::now();
    let index = load_from_db(pool, clock.today()).await?;
    tracing::info!(
        experts = index.len(),
        bytes = index.memory_bytes(),
        ms = started.elapsed().as_millis() as u64,
        "matching index built"
    );
    *write(shared) = index;
    Ok(())
}

async fn refresh(
    pool: &PgPool,
    shared: &RwLock<MatchIndex>,
    id: ExpertId,
    clock: &Clock,
) -> Result<(), sqlx::Error> {
    match load_one(pool, id, clock.today()).await? {
        Some(facts) => write(shared).upsert(&facts),
        None => {
            write(shared).remove(id);
        }
    }
    Ok(())
}

/// Subscribes first (so nothing published meanwhile is missed), then builds the index,
/// then applies changes; the returned future resolves once the index is ready.
pub async fn start(state: &AppState, channels: &Channels) -> Result<(), sqlx::Error> {
    let changes = channels.subscribe(CHANNEL);
    rebuild(&state.pool, &state.matching, &state.clock).await?;
    tokio::spawn(follow(
        state.pool.clone(),
        state.matching.clone(),
        state.clock.clone(),
        changes,
    ));
    Ok(())
}

async fn follow(
    pool: PgPool,
    shared: Arc<RwLock<MatchIndex>>,
    clock: Clock,
    mut changes: Subscription,
) {
    while let Some(wake) = changes.next().await {
        match wake {
            Wake::Notified(payload) => match payload.parse::<ExpertId>() {
                Ok(id) => {
                    if let Err(err) = refresh(&pool, &shared, id, &clock).await {
                        tracing::warn!(error = %err, "matching index: refresh failed");
                    }
                }
                Err(_) => tracing::warn!(payload, "matching index: bad id"),
            },
            // Notifications may be missing: start again from the tables.
            Wake::Reconnected => {
                if let Err(err) = rebuild(&pool, &shared, &clock).await {
                    tracing::warn!(error = %err, "matching index: rebuild failed");
                }
            }
        }
    }
}
