//! Keeps the matching index in step with PostgreSQL: built at start-up, then every
//! publication or profile change (`pg_notify('experts_changed', id)`, sent in the
//! writing transaction) is applied within moments, in every server process. After a lost
//! connection the whole index is rebuilt, so no change is missed.

use sqlx::postgres::PgListener;
use sqlx::PgPool;
use std::sync::{Arc, RwLock};
use std::time::Duration;
use uuid::Uuid;

use crate::server::matching::{load_from_db, load_one, MatchIndex};
use crate::server::state::AppState;

pub const CHANNEL: &str = "experts_changed";

fn write(shared: &RwLock<MatchIndex>) -> std::sync::RwLockWriteGuard<'_, MatchIndex> {
    shared
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

async fn rebuild(pool: &PgPool, shared: &RwLock<MatchIndex>) -> Result<(), sqlx::Error> {
    let started = std::time::Instant::now();
    let index = load_from_db(pool).await?;
    tracing::info!(
        experts = index.len(),
        bytes = index.memory_bytes(),
        ms = started.elapsed().as_millis() as u64,
        "matching index built"
    );
    *write(shared) = index;
    Ok(())
}

async fn refresh(pool: &PgPool, shared: &RwLock<MatchIndex>, id: Uuid) -> Result<(), sqlx::Error> {
    match load_one(pool, id).await? {
        Some(facts) => write(shared).upsert(&facts),
        None => {
            write(shared).remove(id);
        }
    }
    Ok(())
}

/// Listens first (so nothing published meanwhile is missed), then builds the index, then
/// applies changes; the returned future resolves once the index is ready.
pub async fn start(state: &AppState) -> Result<(), sqlx::Error> {
    let mut listener = PgListener::connect_with(&state.pool).await?;
    listener.listen(CHANNEL).await?;
    rebuild(&state.pool, &state.matching).await?;
    tokio::spawn(follow(state.pool.clone(), state.matching.clone(), listener));
    Ok(())
}

async fn follow(pool: PgPool, shared: Arc<RwLock<MatchIndex>>, mut listener: PgListener) {
    loop {
        match listener.try_recv().await {
            Ok(Some(note)) => match Uuid::parse_str(note.payload()) {
                Ok(id) => {
                    if let Err(err) = refresh(&pool, &shared, id).await {
                        tracing::warn!(error = %err, "matching index: refresh failed");
                    }
                }
                Err(_) => tracing::warn!(payload = note.payload(), "matching index: bad id"),
            },
            // The connection was lost and re-established: notifications may be missing.
            Ok(None) => {
                if let Err(err) = rebuild(&pool, &shared).await {
                    tracing::warn!(error = %err, "matching index: rebuild failed");
                }
            }
            // Shutting down: give the connection back so that the pool can close.
            Err(sqlx::Error::PoolClosed) => return,
            Err(err) => {
                tracing::warn!(error = %err, "matching index: listener error");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}
