//! Billing's move in the path's log, pushed live, and told to whom it concerns: the
//! platform's invoices to the expert alone, the mission's invoices to both.

use sqlx::PgConnection;

use crate::domain::billing::events::BillingChange;
use crate::domain::id::{ContractId, ExpertId, ProjectId};
use crate::domain::live::LiveKind;
use crate::domain::notification::Notice;
use crate::domain::selection::Party;
use crate::error::AppError;
use crate::server::mail::{outbox, templates};
use crate::server::repo::notification;
use crate::server::selection::sides::{Side, Sides};
use crate::server::state::AppState;

pub struct Said {
    pub contract: ContractId,
    pub change: BillingChange,
    /// Who made the change (the platform when it issues or reminds).
    pub by: Party,
    /// The document's number.
    pub reference: String,
}

/// Whether the parties hear of it by mail too, and with which document.
pub enum Mail {
    No,
    Yes(Option<(String, Vec<u8>)>),
}

/// The expert's billing page, the client's project page.
pub fn page_of(party: Party, project: ProjectId) -> String {
    match party {
        Party::Client => format!("/mes-projets/{project}"),
        _ => "/facturation".to_string(),
    }
}

pub async fn record(
    state: &AppState,
    conn: &mut PgConnection,
    sides: &Sides,
    (project, expert): (ProjectId, ExpertId),
    s: Said,
    mail: Mail,
) -> Result<(), AppError> {
    sqlx::query!(
        "INSERT INTO billing_events (contract_id, project_id, expert_id, change, party, reference)
         VALUES ($1, $2, $3, $4, $5, $6)",
        s.contract as ContractId,
        project as ProjectId,
        expert as ExpertId,
        s.change as BillingChange,
        s.by as Party,
        s.reference,
    )
    .execute(&mut *conn)
    .await?;
    crate::server::live::publish_path(conn, LiveKind::Path, project, expert).await?;
    let mut to: Vec<(Party, &Side)> = Vec::new();
    if s.by != Party::Expert {
        to.push((Party::Expert, &sides.expert));
    }
    if s.change.client_sees() && s.by != Party::Client {
        to.push((Party::Client, &sides.client));
    }
    for (party, side) in to {
        let path = page_of(party, project);
        let notice = Notice::BillingChanged {
            title: sides.title.clone(),
            change: s.change,
            reference: s.reference.clone(),
        };
        notification::notify(conn, side.account, &notice, Some(&path)).await?;
        if let Mail::Yes(attachment) = &mail {
            let link = format!("{}{path}", state.config.public_url.trim_end_matches('/'));
            let mut m = templates::billing_changed(
                side.lang,
                &side.email,
                &side.name,
                &sides.title,
                s.change,
                &s.reference,
                &link,
                attachment.is_some(),
            );
            m.attachment = attachment.clone();
            outbox::enqueue(conn, &m).await?;
        }
    }
    Ok(())
}
