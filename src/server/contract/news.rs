//! A contract's move in the path's log, pushed live, and told to whom it concerns: both
//! parties when it is drawn or signed by both (the final document attached), the other
//! side otherwise.

use crate::domain::id::ContractId;
use sqlx::PgConnection;

use crate::domain::contract::ContractChange;
use crate::domain::id::{ExpertId, ProjectId};
use crate::domain::live::LiveKind;
use crate::domain::notification::Notice;
use crate::domain::selection::Party;
use crate::error::AppError;
use crate::server::mail::{outbox, templates};
use crate::server::repo::notification;
use crate::server::selection::sides::{Side, Sides};
use crate::server::state::AppState;

pub struct Moved {
    pub contract: ContractId,
    pub change: ContractChange,
    /// Who made the change (the platform when it draws the contract).
    pub by: Party,
}

/// The final document for the mails of [`ContractChange::Signed`].
pub type Attachment = Option<(String, Vec<u8>)>;

pub async fn record(
    state: &AppState,
    conn: &mut PgConnection,
    sides: &Sides,
    path: (ProjectId, ExpertId),
    moved: Moved,
) -> Result<(), AppError> {
    record_with(state, conn, sides, path, moved, None).await
}

pub async fn record_with(
    state: &AppState,
    conn: &mut PgConnection,
    sides: &Sides,
    (project, expert): (ProjectId, ExpertId),
    m: Moved,
    attachment: Attachment,
) -> Result<(), AppError> {
    sqlx::query!(
        "INSERT INTO contract_events (contract_id, project_id, expert_id, change, party)
         VALUES ($1, $2, $3, $4, $5)",
        m.contract as ContractId,
        project as ProjectId,
        expert as ExpertId,
        m.change as ContractChange,
        m.by as Party,
    )
    .execute(&mut *conn)
    .await?;
    crate::server::live::publish_path(conn, LiveKind::Path, project, expert).await?;
    let both = matches!(m.change, ContractChange::Drawn | ContractChange::Signed);
    let mut to: Vec<(Party, &Side)> = Vec::new();
    if both || m.by != Party::Client {
        to.push((Party::Client, &sides.client));
    }
    if both || m.by != Party::Expert {
        to.push((Party::Expert, &sides.expert));
    }
    for (party, side) in to {
        let path = match party {
            Party::Client => format!("/mes-projets/{project}"),
            _ => "/mes-propositions".to_string(),
        };
        let notice = Notice::ContractChanged {
            title: sides.title.clone(),
            change: m.change,
        };
        notification::notify(conn, side.account, &notice, Some(&path)).await?;
        let link = format!("{}{path}", state.config.public_url.trim_end_matches('/'));
        let mut mail = templates::contract_changed(
            side.lang,
            &side.email,
            &side.name,
            &sides.title,
            m.change,
            &link,
        );
        mail.attachment = attachment.clone();
        outbox::enqueue(conn, &mail).await?;
    }
    Ok(())
}
