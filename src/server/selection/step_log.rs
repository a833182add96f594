//! The steps' entries in the path's log (`selection_step_events`), written in the
//! transaction of each move, as the path's own events are.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use crate::domain::id::{ExpertId, ProjectId, StepId};
use crate::domain::project::ContactFormat;
use crate::domain::selection::step::StepChange;
use crate::domain::selection::Party;

/// One move of a step, by `party`; `starts_at` for a time agreed or held.
pub(super) struct StepMove {
    pub step: StepId,
    pub path: (ProjectId, ExpertId),
    pub change: StepChange,
    pub party: Party,
    pub format: ContactFormat,
    pub starts_at: Option<DateTime<Utc>>,
}

pub(super) async fn record(conn: &mut PgConnection, m: StepMove) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO selection_step_events
             (step_id, project_id, expert_id, change, party, format, starts_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        m.step as StepId,
        m.path.0 as ProjectId,
        m.path.1 as ExpertId,
        m.change as StepChange,
        m.party as Party,
        m.format as ContactFormat,
        m.starts_at as Option<DateTime<Utc>>,
    )
    .execute(conn)
    .await?;
    Ok(())
}
