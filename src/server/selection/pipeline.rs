//! Moves a path along the selection pipeline: the state, the event in the append-only log
//! (`selection_events`) and its live event, and the notices to the other side, all in the
//! transaction of the change (as the outbox is), so a page that follows the log never
//! sees a change without its event, nor an event of a change rolled back.

use sqlx::PgConnection;

use crate::domain::account::Role;
use crate::domain::id::{AccountId, ExpertId, ProjectId};
use crate::domain::lang::Lang;
use crate::domain::live::LiveKind;
use crate::domain::notification::Notice;
use crate::domain::project::ProjectStatus;
use crate::domain::selection::{Party, ProposalEndReason, ProposalEvent, ProposalState};
use crate::domain::session::CurrentUser;
use crate::error::{AppError, Problem};
use crate::server::mail::{outbox, templates};
use crate::server::repo::notification;
use crate::server::state::AppState;

/// One change of a path, as the log keeps it.
pub struct Change<'a> {
    pub project: ProjectId,
    pub expert: ExpertId,
    pub event: ProposalEvent,
    pub party: Party,
    pub to: ProposalState,
    pub reason: Option<ProposalEndReason>,
    pub comment: &'a str,
    pub actor: Option<AccountId>,
}

/// Writes the path's new state and its event, and announces the event at commit.
pub async fn record(conn: &mut PgConnection, change: &Change<'_>) -> Result<i64, sqlx::Error> {
    let comment = Some(change.comment.trim()).filter(|c| !c.is_empty());
    if change.event != ProposalEvent::Propose {
        sqlx::query!(
            "UPDATE proposals SET state = $3, state_since = now(),
                    end_reason = coalesce($4, end_reason), end_comment = coalesce($5, end_comment),
                    ended_at = CASE WHEN $4::text IS NULL THEN ended_at ELSE now() END
             WHERE project_id = $1 AND expert_id = $2",
            change.project as ProjectId,
            change.expert as ExpertId,
            change.to as ProposalState,
            change.reason as Option<ProposalEndReason>,
            comment,
        )
        .execute(&mut *conn)
        .await?;
    }
    let id = sqlx::query_scalar!(
        "INSERT INTO selection_events
             (project_id, expert_id, event, party, to_state, reason, comment, actor_account_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        change.project as ProjectId,
        change.expert as ExpertId,
        change.event as ProposalEvent,
        change.party as Party,
        change.to as ProposalState,
        change.reason as Option<ProposalEndReason>,
        comment,
        change.actor as Option<AccountId>,
    )
    .fetch_one(&mut *conn)
    .await?;
    crate::server::live::publish_path(conn, LiveKind::Path, change.project, change.expert).await?;
    Ok(id)
}

/// The client's (or the expert's, or an admin's) decision on one path. Who the caller
/// is to the path decides the party; a caller who is none of them finds nothing.
pub async fn fire(
    state: &AppState,
    caller: &CurrentUser,
    project: ProjectId,
    expert: ExpertId,
    event: ProposalEvent,
    reason: Option<ProposalEndReason>,
    comment: &str,
) -> Result<ProposalState, AppError> {
    let mut tx = state.pool.begin().await?;
    let to = fire_in(
        state,
        &mut tx,
        caller,
        (project, expert),
        event,
        reason,
        comment,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(%project, %expert, ?event, ?to, "selection path moved");
    Ok(to)
}

/// [`fire`] in the caller's transaction (a step's outcome moves its path with it).
pub async fn fire_in(
    state: &AppState,
    tx: &mut PgConnection,
    caller: &CurrentUser,
    (project, expert): (ProjectId, ExpertId),
    event: ProposalEvent,
    reason: Option<ProposalEndReason>,
    comment: &str,
) -> Result<ProposalState, AppError> {
    if comment.trim().chars().count() > crate::domain::project::END_COMMENT_MAX_CHARS {
        return Err(AppError::Validation(Problem::ProjectEndCommentTooLong {
            max: crate::domain::project::END_COMMENT_MAX_CHARS,
        }));
    }
    let path = sqlx::query!(
        r#"SELECT p.state AS "state: ProposalState", pr.title,
                  pr.status AS "status: ProjectStatus",
                  pr.client_account_id AS "client: AccountId",
                  e.account_id AS "expert_account!: AccountId", e.first_name,
                  a.email, a.language AS "language: Lang"
           FROM proposals p JOIN projects pr ON pr.id = p.project_id
           JOIN experts e ON e.id = p.expert_id JOIN accounts a ON a.id = e.account_id
           WHERE p.project_id = $1 AND p.expert_id = $2 FOR UPDATE OF p"#,
        project as ProjectId,
        expert as ExpertId,
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let party = match caller.role {
        Role::Client if path.client == Some(caller.id) => Party::Client,
        Role::Provider if path.expert_account == caller.id => Party::Expert,
        Role::Admin => Party::Admin,
        _ => return Err(AppError::NotFound),
    };
    if path.status != ProjectStatus::Open {
        return Err(AppError::Validation(Problem::ProjectNotOpen {
            status: path.status,
        }));
    }
    let to = path.state.fire(event, party, reason).map_err(|p| match p {
        Problem::EventNotForParty { .. } => AppError::Forbidden,
        p => AppError::Validation(p),
    })?;
    let change = Change {
        project,
        expert,
        event,
        party,
        to,
        reason,
        comment,
        actor: Some(caller.id),
    };
    record(tx, &change).await?;
    // A path over, or its expert chosen: its open steps end with it.
    if !to.is_open() || to == ProposalState::Selected {
        super::steps::end_open(state, tx, project, expert).await?;
    }
    // The expert hears of every step but their own withdrawal.
    if party != Party::Expert {
        let notice = Notice::PathChanged {
            title: path.title.clone(),
            state: to,
            reason,
        };
        notification::notify(tx, path.expert_account, &notice, Some("/mes-propositions")).await?;
        let link = format!(
            "{}/mes-propositions",
            state.config.public_url.trim_end_matches('/')
        );
        let mail = templates::path_changed(
            path.language,
            &path.email,
            &path.first_name,
            &path.title,
            to,
            reason,
            &link,
        );
        outbox::enqueue(tx, &mail).await?;
    }
    tracing::debug!(%project, %expert, ?event, ?party, ?to, "selection event");
    Ok(to)
}
