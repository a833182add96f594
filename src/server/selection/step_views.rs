//! Reading the selection steps of paths, for whichever side reads them, in one query.

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use crate::domain::id::{ExpertId, ProjectId, StepId};
use crate::domain::project::ContactFormat;
use crate::domain::selection::step::{paris_wall_clock, Slot, StepPlace, StepState, StepView};
use crate::domain::selection::Party;
use crate::error::AppError;

fn slot(at: DateTime<Utc>) -> Slot {
    Slot {
        at,
        paris: paris_wall_clock(at),
    }
}

/// The steps of each path of `keys` (in that order), oldest first, as `reader` sees them.
pub async fn steps_of(
    pool: &PgPool,
    reader: Party,
    now: DateTime<Utc>,
    keys: &[(ProjectId, ExpertId)],
) -> Result<Vec<Vec<StepView>>, AppError> {
    let (projects, experts): (Vec<ProjectId>, Vec<ExpertId>) = keys.iter().copied().unzip();
    let rows = sqlx::query!(
        r#"SELECT s.id AS "id: StepId", s.project_id AS "project: ProjectId",
                  s.expert_id AS "expert: ExpertId", s.format AS "format: ContactFormat",
                  s.meeting_link, s.address, s.duration_minutes, s.state AS "state: StepState",
                  s.slots AS "slots: Vec<DateTime<Utc>>", s.slots_by AS "slots_by: Party",
                  s.starts_at AS "starts_at: DateTime<Utc>"
           FROM selection_steps s
           JOIN unnest($1::uuid[], $2::uuid[]) AS k(project_id, expert_id)
             ON k.project_id = s.project_id AND k.expert_id = s.expert_id
           ORDER BY s.created_at, s.id"#,
        &projects as &[ProjectId],
        &experts as &[ExpertId],
    )
    .fetch_all(pool)
    .await?;
    let mut out: Vec<Vec<StepView>> = vec![Vec::new(); keys.len()];
    for r in rows {
        let Some(i) = keys.iter().position(|k| *k == (r.project, r.expert)) else {
            continue;
        };
        out[i].push(StepView {
            id: r.id,
            place: StepPlace {
                format: r.format,
                link: r.meeting_link,
                address: r.address,
            },
            duration_minutes: r.duration_minutes,
            state: r.state,
            slots: r.slots.into_iter().map(slot).collect(),
            slots_by: r.slots_by,
            at: r.starts_at.map(slot),
            held: r.state == StepState::Confirmed && r.starts_at.is_some_and(|at| at <= now),
            awaits_reader: r.state.awaits() == Some(reader),
        });
    }
    Ok(out)
}
