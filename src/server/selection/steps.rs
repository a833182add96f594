//! Selection steps, from the client's offer of slots to the outcome: each change in one
//! transaction with its live event, the other side's notice and mail, and, once a time
//! is agreed, the calendar invitation to both (see [`super::calendar`]).

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use crate::domain::id::{AccountId, ExpertId, ProjectId, StepId};
use crate::domain::live::LiveKind;
use crate::domain::project::ContactFormat;
use crate::domain::selection::step::{
    offered_slots, step_duration, step_place, StepAction, StepChange, StepNews, StepOutcome,
    StepPlace, StepState,
};
use crate::domain::selection::{Party, ProposalEndReason, ProposalEvent, ProposalState};
use crate::domain::session::CurrentUser;
use crate::error::{AppError, Problem};
use crate::server::state::AppState;

use super::pipeline::{self, Change};
use super::sides::{open_project, party, sides, Sides};
use super::step_log::{self, StepMove};
use super::step_news::{invite_both, tell};

/// A new step, as the client's form sends it.
pub struct NewStep {
    pub format: ContactFormat,
    pub duration_minutes: i32,
    pub link: String,
    pub address: String,
    pub slots: Vec<String>,
}

/// What a party does to an existing step.
pub enum StepRequest {
    Offer(Vec<String>),
    /// The slot picked, as the page sent it (RFC 3339).
    Pick(String),
    Cancel,
    Record {
        outcome: StepOutcome,
        reason: Option<ProposalEndReason>,
        comment: String,
    },
}

/// The client sets up a step with a shortlisted expert (or one already in selection).
pub async fn add(
    state: &AppState,
    caller: &CurrentUser,
    project: ProjectId,
    expert: ExpertId,
    step: NewStep,
) -> Result<StepId, AppError> {
    let place = step_place(step.format, &step.link, &step.address).map_err(AppError::Validation)?;
    let minutes = step_duration(step.duration_minutes).map_err(AppError::Validation)?;
    let slots = offered_slots(&step.slots, state.clock.now()).map_err(AppError::Validation)?;
    let mut tx = state.pool.begin().await?;
    let sides = sides(&mut tx, project, expert)
        .await?
        .ok_or(AppError::NotFound)?;
    match party(caller, &sides)? {
        Party::Client => {}
        _ => return Err(AppError::Forbidden),
    }
    open_project(&sides)?;
    match sides.state {
        ProposalState::Shortlisted => {
            let change = Change {
                project,
                expert,
                event: ProposalEvent::StartSelection,
                party: Party::Client,
                to: ProposalState::InSelection,
                reason: None,
                comment: "",
                actor: Some(caller.id),
            };
            pipeline::record(&mut tx, &change).await?;
        }
        ProposalState::InSelection => {
            crate::server::live::publish_path(&mut tx, LiveKind::Path, project, expert).await?;
        }
        _ => return Err(AppError::Validation(Problem::StepsClosed)),
    }
    let id = sqlx::query_scalar!(
        r#"INSERT INTO selection_steps
               (project_id, expert_id, format, duration_minutes, meeting_link, address, state,
                slots, slots_by, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id AS "id: StepId""#,
        project as ProjectId,
        expert as ExpertId,
        place.format as ContactFormat,
        minutes,
        place.link,
        place.address,
        StepState::AwaitingExpert as StepState,
        &slots as &[DateTime<Utc>],
        Party::Client as Party,
        caller.id as AccountId,
    )
    .fetch_one(&mut *tx)
    .await?;
    let offered = StepMove {
        step: id,
        path: (project, expert),
        change: StepChange::SlotsOffered,
        party: Party::Client,
        format: place.format,
        starts_at: None,
    };
    step_log::record(&mut tx, offered).await?;
    let news = StepNews::SlotsOffered {
        format: place.format,
    };
    tell(state, &mut tx, &sides, Party::Expert, news, &place, None).await?;
    tx.commit().await?;
    tracing::info!(%project, %expert, step = %id, "selection step offered");
    Ok(id)
}

struct StepRow {
    project: ProjectId,
    expert: ExpertId,
    state: StepState,
    place: StepPlace,
    minutes: i32,
    slots: Vec<DateTime<Utc>>,
    starts_at: Option<DateTime<Utc>>,
    sequence: i32,
    invited: bool,
}

async fn step_for_update(
    conn: &mut PgConnection,
    id: StepId,
) -> Result<Option<StepRow>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT project_id AS "project: ProjectId", expert_id AS "expert: ExpertId",
                  state AS "state: StepState", format AS "format: ContactFormat",
                  meeting_link, address, duration_minutes,
                  slots AS "slots: Vec<DateTime<Utc>>",
                  starts_at AS "starts_at: DateTime<Utc>", sequence, invited
           FROM selection_steps WHERE id = $1 FOR UPDATE"#,
        id as StepId,
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| StepRow {
        project: r.project,
        expert: r.expert,
        state: r.state,
        place: StepPlace {
            format: r.format,
            link: r.meeting_link,
            address: r.address,
        },
        minutes: r.duration_minutes,
        slots: r.slots,
        starts_at: r.starts_at,
        sequence: r.sequence,
        invited: r.invited,
    }))
}

/// A party answers, reschedules, cancels or records the outcome of a step.
pub async fn act(
    state: &AppState,
    caller: &CurrentUser,
    id: StepId,
    request: StepRequest,
) -> Result<StepState, AppError> {
    let now = state.clock.now();
    // Slots are checked before anything is locked; so is the outcome's reason.
    let new_slots = match &request {
        StepRequest::Offer(raw) => Some(offered_slots(raw, now).map_err(AppError::Validation)?),
        _ => None,
    };
    let mut tx = state.pool.begin().await?;
    // The path first, then the step: the order every writer of a path takes.
    let key = sqlx::query!(
        r#"SELECT project_id AS "project: ProjectId", expert_id AS "expert: ExpertId"
           FROM selection_steps WHERE id = $1"#,
        id as StepId,
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let sides = sides(&mut tx, key.project, key.expert)
        .await?
        .ok_or(AppError::NotFound)?;
    let party = party(caller, &sides)?;
    let step = step_for_update(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let action = match request {
        StepRequest::Offer(_) => StepAction::Offer,
        StepRequest::Pick(_) => StepAction::Pick,
        StepRequest::Cancel => StepAction::Cancel,
        StepRequest::Record { .. } => StepAction::Record,
    };
    let next = step
        .state
        .apply(action, party)
        .map_err(AppError::Validation)?;
    if action != StepAction::Cancel {
        open_project(&sides)?;
        if sides.state != ProposalState::InSelection {
            return Err(AppError::Validation(Problem::StepsClosed));
        }
    }
    let other = if party == Party::Expert {
        Party::Client
    } else {
        Party::Expert
    };
    let moved = |change, starts_at| StepMove {
        step: id,
        path: (step.project, step.expert),
        change,
        party,
        format: step.place.format,
        starts_at,
    };
    match request {
        StepRequest::Offer(_) => {
            let slots = new_slots.unwrap_or_default();
            sqlx::query!(
                "UPDATE selection_steps SET state = $2, slots = $3, slots_by = $4,
                        state_since = now()
                 WHERE id = $1",
                id as StepId,
                next as StepState,
                &slots as &[DateTime<Utc>],
                party as Party,
            )
            .execute(&mut *tx)
            .await?;
            step_log::record(&mut tx, moved(StepChange::SlotsOffered, None)).await?;
            let news = StepNews::SlotsOffered {
                format: step.place.format,
            };
            tell(state, &mut tx, &sides, other, news, &step.place, None).await?;
        }
        StepRequest::Pick(raw) => {
            let at = DateTime::parse_from_rfc3339(raw.trim())
                .map(|at| at.with_timezone(&Utc))
                .ok()
                .filter(|at| step.slots.contains(at))
                .ok_or(AppError::Validation(Problem::SlotNotOffered))?;
            // A new time for an event already in calendars updates it.
            let sequence = if step.invited {
                step.sequence + 1
            } else {
                step.sequence
            };
            sqlx::query!(
                "UPDATE selection_steps SET state = $2, starts_at = $3, slots = '{}',
                        slots_by = NULL, sequence = $4, invited = true, reminded_at = NULL,
                        state_since = now()
                 WHERE id = $1",
                id as StepId,
                next as StepState,
                at as DateTime<Utc>,
                sequence,
            )
            .execute(&mut *tx)
            .await?;
            step_log::record(&mut tx, moved(StepChange::Confirmed, Some(at))).await?;
            let meeting = (id, sequence, at, step.minutes);
            invite_both(state, &mut tx, &sides, &step.place, meeting, false).await?;
        }
        StepRequest::Cancel => {
            cancel(state, &mut tx, &sides, (id, &step, party), Some(other)).await?;
        }
        StepRequest::Record {
            outcome,
            reason,
            comment,
        } => {
            if step.starts_at.is_none_or(|at| at > now) {
                return Err(AppError::Validation(Problem::StepNotHeldYet));
            }
            sqlx::query!(
                "UPDATE selection_steps SET state = $2, state_since = now() WHERE id = $1",
                id as StepId,
                next as StepState,
            )
            .execute(&mut *tx)
            .await?;
            step_log::record(&mut tx, moved(StepChange::Held, step.starts_at)).await?;
            let event = match outcome {
                StepOutcome::Continue => None,
                StepOutcome::Select => Some(ProposalEvent::Select),
                StepOutcome::NotKeep => Some(ProposalEvent::NotKeep),
            };
            match event {
                Some(event) => {
                    pipeline::fire_in(
                        state,
                        &mut tx,
                        caller,
                        (step.project, step.expert),
                        event,
                        reason,
                        &comment,
                    )
                    .await?;
                }
                None => {
                    let (p, e) = (step.project, step.expert);
                    crate::server::live::publish_path(&mut tx, LiveKind::Path, p, e).await?;
                }
            }
        }
    }
    // Cancelling and recording announce their own change (with the path's, if it moved).
    if matches!(action, StepAction::Offer | StepAction::Pick) {
        let (p, e) = (step.project, step.expert);
        crate::server::live::publish_path(&mut tx, LiveKind::Path, p, e).await?;
    }
    tx.commit().await?;
    tracing::info!(step = %id, ?action, ?party, to = ?next, "selection step moved");
    Ok(next)
}

/// Cancels a step (by `party`): calendars that hold it get the cancellation, `told`
/// hears of it.
async fn cancel(
    state: &AppState,
    conn: &mut PgConnection,
    sides: &Sides,
    (id, step, party): (StepId, &StepRow, Party),
    told: Option<Party>,
) -> Result<(), AppError> {
    let sequence = if step.invited {
        step.sequence + 1
    } else {
        step.sequence
    };
    sqlx::query!(
        "UPDATE selection_steps SET state = $2, sequence = $3, slots = '{}', state_since = now()
         WHERE id = $1",
        id as StepId,
        StepState::Cancelled as StepState,
        sequence,
    )
    .execute(&mut *conn)
    .await?;
    let cancelled = StepMove {
        step: id,
        path: (step.project, step.expert),
        change: StepChange::Cancelled,
        party,
        format: step.place.format,
        starts_at: None,
    };
    step_log::record(conn, cancelled).await?;
    match step.starts_at.filter(|_| step.invited) {
        Some(at) => {
            let meeting = (id, sequence, at, step.minutes);
            invite_both(state, conn, sides, &step.place, meeting, true).await?;
        }
        None => {
            let news = StepNews::Cancelled {
                format: step.place.format,
            };
            if let Some(told) = told {
                tell(state, conn, sides, told, news, &step.place, None).await?;
            }
        }
    }
    crate::server::live::publish_path(conn, LiveKind::Path, step.project, step.expert).await?;
    Ok(())
}

/// A path that ends (or whose expert is chosen) ends its open steps: no one is left with
/// a meeting in their calendar for a path that is over.
pub async fn end_open(
    state: &AppState,
    conn: &mut PgConnection,
    project: ProjectId,
    expert: ExpertId,
) -> Result<(), AppError> {
    let open: Vec<StepId> = sqlx::query_scalar!(
        r#"SELECT id AS "id: StepId" FROM selection_steps
           WHERE project_id = $1 AND expert_id = $2 AND state = ANY($3)"#,
        project as ProjectId,
        expert as ExpertId,
        &[
            StepState::AwaitingExpert,
            StepState::AwaitingClient,
            StepState::Confirmed
        ] as &[StepState],
    )
    .fetch_all(&mut *conn)
    .await?;
    if open.is_empty() {
        return Ok(());
    }
    let sides = sides(conn, project, expert)
        .await?
        .ok_or(AppError::NotFound)?;
    for id in open {
        if let Some(step) = step_for_update(conn, id).await? {
            cancel(state, conn, &sides, (id, &step, Party::Platform), None).await?;
        }
    }
    Ok(())
}
