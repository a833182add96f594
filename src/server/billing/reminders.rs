//! Billing's clock, once an hour: the platform's invoices past due remind the expert,
//! the mission's invoices past due remind both sides (a week apart at most), and a
//! signed intermediation contract with no mission contract declared within the
//! configured period ends its path's billing with the credit note.

use chrono::{DateTime, Utc};
use std::time::Duration;

use crate::domain::billing::events::BillingChange;
use crate::domain::billing::invoice::InvoiceKind;
use crate::domain::contract::{ContractState, NoMissionReason};
use crate::domain::id::{ContractId, ExpertId, InvoiceId, MissionInvoiceId, ProjectId};
use crate::domain::selection::Party;
use crate::error::AppError;
use crate::server::selection::sides::sides;
use crate::server::state::AppState;

use super::issue::{credit_note, Billed};
use super::news::{self, Mail, Said};

/// A reminder is sent again after a week if the invoice is still unpaid.
const AGAIN_AFTER_DAYS: f64 = 7.0;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Pass {
    pub invoices_reminded: usize,
    pub mission_invoices_reminded: usize,
    pub credited: usize,
}

pub async fn run_once(state: &AppState) -> Result<Pass, AppError> {
    let today = state.clock.today();
    let now: DateTime<Utc> = state.clock.now();
    let again = AGAIN_AFTER_DAYS * 86_400.0;
    let mut pass = Pass::default();
    let late = sqlx::query!(
        r#"SELECT i.id AS "id: InvoiceId" FROM platform_invoices i
           WHERE i.kind <> $1 AND i.payable > 0 AND i.due_on < $2
             AND (i.overdue_reminded_at IS NULL OR i.overdue_reminded_at < $3::timestamptz - make_interval(secs => $4))"#,
        InvoiceKind::CreditNote as InvoiceKind,
        today as chrono::NaiveDate,
        now as DateTime<Utc>,
        again,
    )
    .fetch_all(&state.pool)
    .await?;
    for r in late {
        let mut tx = state.pool.begin().await?;
        let l = super::payments::locked(&mut tx, r.id).await?;
        if l.outstanding.is_positive() {
            sqlx::query!(
                "UPDATE platform_invoices SET overdue_reminded_at = $2 WHERE id = $1",
                r.id as InvoiceId,
                now as DateTime<Utc>,
            )
            .execute(&mut *tx)
            .await?;
            let sides = sides(&mut tx, l.path.0, l.path.1)
                .await?
                .ok_or(AppError::Internal)?;
            let said = Said {
                contract: l.contract,
                change: BillingChange::InvoiceOverdue,
                by: Party::Platform,
                reference: l.number.clone(),
            };
            news::record(state, &mut tx, &sides, l.path, said, Mail::Yes(None)).await?;
            pass.invoices_reminded += 1;
        }
        tx.commit().await?;
    }
    let late_missions = sqlx::query!(
        r#"SELECT m.id AS "id: MissionInvoiceId", m.number, m.contract_id AS "contract: ContractId",
                  c.project_id AS "project: ProjectId", c.expert_id AS "expert: ExpertId"
           FROM mission_invoices m JOIN contracts c ON c.id = m.contract_id
           WHERE m.paid_on IS NULL AND m.due_on < $1
             AND (m.overdue_reminded_at IS NULL OR m.overdue_reminded_at < $2::timestamptz - make_interval(secs => $3))"#,
        today as chrono::NaiveDate,
        now as DateTime<Utc>,
        again,
    )
    .fetch_all(&state.pool)
    .await?;
    for r in late_missions {
        let mut tx = state.pool.begin().await?;
        let path = (r.project, r.expert);
        let Some(sides) = sides(&mut tx, path.0, path.1).await? else {
            continue;
        };
        let reminded = sqlx::query!(
            "UPDATE mission_invoices SET overdue_reminded_at = $2
             WHERE id = $1 AND paid_on IS NULL",
            r.id as MissionInvoiceId,
            now as DateTime<Utc>,
        )
        .execute(&mut *tx)
        .await?;
        if reminded.rows_affected() == 1 {
            let said = Said {
                contract: r.contract,
                change: BillingChange::MissionInvoiceOverdue,
                by: Party::Platform,
                reference: r.number,
            };
            news::record(state, &mut tx, &sides, path, said, Mail::Yes(None)).await?;
            pass.mission_invoices_reminded += 1;
        }
        tx.commit().await?;
    }
    pass.credited = credit_silent_contracts(state).await?;
    Ok(pass)
}

/// Signed contracts whose mission contract was never declared within the period: the
/// platform declares that none follows, and credits the advance.
async fn credit_silent_contracts(state: &AppState) -> Result<usize, AppError> {
    let wait = state.config.billing.mission_wait_days as f64 * 86_400.0;
    let now: DateTime<Utc> = state.clock.now();
    let silent = sqlx::query!(
        r#"SELECT id AS "id: ContractId", project_id AS "project: ProjectId",
                  expert_id AS "expert: ExpertId"
           FROM contracts
           WHERE state = $1 AND mission_declared_at IS NULL
             AND signed_at < $2::timestamptz - make_interval(secs => $3)"#,
        ContractState::Signed as ContractState,
        now as DateTime<Utc>,
        wait,
    )
    .fetch_all(&state.pool)
    .await?;
    let mut credited = 0;
    for c in silent {
        let mut tx = state.pool.begin().await?;
        // The path first, then the contract: the order every writer of both takes.
        let Some(sides) = sides(&mut tx, c.project, c.expert).await? else {
            continue;
        };
        let declared = sqlx::query_scalar!(
            "UPDATE contracts SET no_mission_reason = $2, mission_declared_at = now(),
                    mission_declared_by = $3
             WHERE id = $1 AND mission_declared_at IS NULL
             RETURNING snapshot",
            c.id as ContractId,
            NoMissionReason::Other as NoMissionReason,
            Party::Platform as Party,
        )
        .fetch_optional(&mut *tx)
        .await?;
        let Some(snapshot) = declared else {
            continue;
        };
        let snapshot = serde_json::from_value(snapshot).map_err(|_| AppError::Internal)?;
        let billed = Billed {
            contract: c.id,
            path: (c.project, c.expert),
            snapshot: &snapshot,
            sides: &sides,
        };
        credit_note(state, &mut tx, &billed).await?;
        tx.commit().await?;
        credited += 1;
    }
    Ok(credited)
}

pub async fn run(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        if let Err(err) = run_once(&state).await {
            tracing::warn!(error = %err, "billing reminders failed; retrying in an hour");
        }
    }
}
