//! The mission contract, signed by the client and the expert between themselves: either
//! declares it signed (with its date, and a copy if they wish), which starts the
//! mission; or declares that none will follow, with a reason (the billing's refund path).
//! Once, and only after both signed the intermediation contract.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::domain::id::ContractId;

use crate::domain::contract::{ContractChange, ContractState, NoMissionReason};
use crate::domain::parse::parse_date;
use crate::domain::selection::Party;
use crate::domain::session::CurrentUser;
use crate::error::{AppError, Problem};
use crate::server::state::AppState;
use crate::server::storage::{Key, Storage};

use super::news::{self, Moved};
use super::sign::{locked, Locked};

async fn open_for_mission(
    conn: &mut PgConnection,
    caller: &CurrentUser,
    contract: ContractId,
) -> Result<Locked, AppError> {
    let c = locked(conn, caller, contract).await?;
    if !matches!(c.party, Party::Client | Party::Expert) {
        return Err(AppError::Forbidden);
    }
    let declared = sqlx::query_scalar!(
        r#"SELECT mission_declared_at IS NOT NULL AS "declared!" FROM contracts WHERE id = $1"#,
        contract as ContractId,
    )
    .fetch_one(&mut *conn)
    .await?;
    if c.state != ContractState::Signed || declared {
        return Err(AppError::Validation(Problem::MissionNotExpected));
    }
    Ok(c)
}

/// The contract as billing needs it to issue the final invoice or the credit note.
fn billed(c: &Locked) -> crate::server::billing::issue::Billed<'_> {
    crate::server::billing::issue::Billed {
        contract: c.id,
        path: c.path,
        snapshot: &c.snapshot,
        sides: &c.sides,
    }
}

pub async fn declare_signed(
    state: &AppState,
    caller: &CurrentUser,
    contract: ContractId,
    signed_on: &str,
    copy: Option<Vec<u8>>,
) -> Result<(), AppError> {
    let on = parse_date(signed_on).map_err(AppError::Validation)?;
    if on > state.clock.today() {
        return Err(AppError::Validation(Problem::MissionDateFuture));
    }
    let mut tx = state.pool.begin().await?;
    let c = open_for_mission(&mut tx, caller, contract).await?;
    let key = match copy {
        Some(bytes) => {
            let key = Key::new("mission_copies", Uuid::new_v4()).map_err(|_| AppError::Internal)?;
            state.storage.put(&key, bytes).await.map_err(|err| {
                tracing::error!(error = %err, "storing a mission contract copy failed");
                AppError::Unavailable
            })?;
            Some(key)
        }
        None => None,
    };
    sqlx::query!(
        "UPDATE contracts SET mission_signed_on = $2, mission_copy_key = $3,
                mission_declared_at = now(), mission_declared_by = $4
         WHERE id = $1",
        contract as ContractId,
        on as chrono::NaiveDate,
        key.as_ref().map(Key::as_str),
        c.party as Party,
    )
    .execute(&mut *tx)
    .await?;
    let moved = Moved {
        contract,
        change: ContractChange::MissionSigned,
        by: c.party,
    };
    news::record(state, &mut tx, &c.sides, c.path, moved).await?;
    crate::server::billing::issue::final_invoice(state, &mut tx, &billed(&c), on).await?;
    if let Err(err) = tx.commit().await {
        if let Some(key) = &key {
            super::forget(state, key).await;
        }
        return Err(err.into());
    }
    Ok(())
}

pub async fn declare_none(
    state: &AppState,
    caller: &CurrentUser,
    contract: ContractId,
    reason: Option<NoMissionReason>,
) -> Result<(), AppError> {
    let reason = reason.ok_or(AppError::Validation(Problem::NoMissionReasonRequired))?;
    let mut tx = state.pool.begin().await?;
    let c = open_for_mission(&mut tx, caller, contract).await?;
    sqlx::query!(
        "UPDATE contracts SET no_mission_reason = $2, mission_declared_at = now(),
                mission_declared_by = $3
         WHERE id = $1",
        contract as ContractId,
        reason as NoMissionReason,
        c.party as Party,
    )
    .execute(&mut *tx)
    .await?;
    let moved = Moved {
        contract,
        change: ContractChange::MissionNone,
        by: c.party,
    };
    news::record(state, &mut tx, &c.sides, c.path, moved).await?;
    crate::server::billing::issue::credit_note(state, &mut tx, &billed(&c)).await?;
    tx.commit().await?;
    Ok(())
}
