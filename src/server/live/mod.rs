//! Live events: written in the transaction of the change they announce (as the outbox
//! is), announced with NOTIFY at commit, fanned out by the one listener of each process
//! ([`hub`]) and streamed to open pages over server-sent events ([`stream`]).
//!
//! Ids are handed out under a transaction advisory lock, held until commit, so events
//! become visible in id order and a reader that resumes after id N misses nothing. The
//! rule that keeps the lock free of deadlocks: a transaction takes its row locks before
//! it publishes (the use cases lock the path or the project first); after publishing it
//! only inserts rows nobody else can hold.

pub mod hub;
pub mod stream;

use serde::Deserialize;
use sqlx::PgConnection;

use crate::domain::account::Role;
use crate::domain::id::{AccountId, ExpertId, ProjectId};
use crate::domain::live::{LiveEvent, LiveKind};
use crate::domain::session::CurrentUser;

pub use hub::LiveHub;

/// The channel a committed event is announced on, the event's row as JSON payload.
pub const CHANNEL: &str = "live_events";

/// Serialises the allocation of event ids with the commits (see the module's comment).
const ORDER_LOCK: i64 = 0x6232_6269_6c69_7665;

/// An event as stored, with who may receive it.
#[derive(Debug, Clone, Deserialize)]
pub struct Published {
    pub id: i64,
    pub kind: LiveKind,
    pub audience: Vec<AccountId>,
    pub for_admins: bool,
    #[serde(rename = "project_id")]
    pub project: Option<ProjectId>,
    #[serde(rename = "expert_id")]
    pub expert: Option<ExpertId>,
}

impl Published {
    /// Only the parties named when the event was written, and admins for the events of
    /// paths and conversations they oversee.
    pub fn may_reach(&self, reader: &CurrentUser) -> bool {
        self.audience.contains(&reader.id) || (self.for_admins && reader.role == Role::Admin)
    }

    pub fn event(&self) -> LiveEvent {
        LiveEvent {
            id: self.id,
            kind: self.kind,
            project: self.project,
            expert: self.expert,
        }
    }
}

async fn take_order(conn: &mut PgConnection) -> Result<(), sqlx::Error> {
    sqlx::query!("SELECT pg_advisory_xact_lock($1)", ORDER_LOCK)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Announces a change of the path of `expert` on `project` (or of its conversation) to
/// the project's client, the expert and the admins.
pub async fn publish_path(
    conn: &mut PgConnection,
    kind: LiveKind,
    project: ProjectId,
    expert: ExpertId,
) -> Result<(), sqlx::Error> {
    take_order(conn).await?;
    sqlx::query!(
        "WITH event AS (
             INSERT INTO live_events (kind, audience, for_admins, project_id, expert_id)
             SELECT $1, array_remove(ARRAY[pr.client_account_id, e.account_id], NULL), true,
                    pr.id, e.id
             FROM projects pr, experts e WHERE pr.id = $2 AND e.id = $3
             RETURNING id, kind, audience, for_admins, project_id, expert_id)
         SELECT pg_notify($4, row_to_json(event)::text) FROM event",
        kind as LiveKind,
        project as ProjectId,
        expert as ExpertId,
        CHANNEL,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Announces to `account` alone that its notifications changed.
pub async fn publish_notice(
    conn: &mut PgConnection,
    account: AccountId,
) -> Result<(), sqlx::Error> {
    take_order(conn).await?;
    sqlx::query!(
        "WITH event AS (
             INSERT INTO live_events (kind, audience, for_admins) VALUES ($1, ARRAY[$2::uuid], false)
             RETURNING id, kind, audience, for_admins, project_id, expert_id)
         SELECT pg_notify($3, row_to_json(event)::text) FROM event",
        LiveKind::Notice as LiveKind,
        account as AccountId,
        CHANNEL,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The newest event id: where a page rendered now starts following.
pub async fn cursor(pool: &sqlx::PgPool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(r#"SELECT coalesce(max(id), 0) AS "id!" FROM live_events"#)
        .fetch_one(pool)
        .await
}

/// Events a page needs no longer: a page away for a month reloads.
pub async fn purge(pool: &sqlx::PgPool) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query!("DELETE FROM live_events WHERE created_at < now() - interval '30 days'")
            .execute(pool)
            .await?
            .rows_affected(),
    )
}

/// The events after `after`, in id order: those `reader` may receive, or all of them.
pub async fn after(
    pool: &sqlx::PgPool,
    after: i64,
    reader: Option<&CurrentUser>,
    limit: i64,
) -> Result<Vec<Published>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"SELECT id, kind AS "kind: LiveKind", audience AS "audience: Vec<AccountId>",
                  for_admins, project_id AS "project_id: ProjectId",
                  expert_id AS "expert_id: ExpertId"
           FROM live_events
           WHERE id > $1 AND ($2::uuid IS NULL OR $2 = ANY(audience) OR (for_admins AND $3))
           ORDER BY id LIMIT $4"#,
        after,
        reader.map(|r| r.id) as Option<AccountId>,
        reader.is_some_and(|r| r.role == Role::Admin),
        limit,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Published {
            id: r.id,
            kind: r.kind,
            audience: r.audience,
            for_admins: r.for_admins,
            project: r.project_id,
            expert: r.expert_id,
        })
        .collect())
}
