//! Drawing the contract when the client accepts a quote, in the acceptance's
//! transaction: the parties and the quote frozen in a snapshot, the PDF rendered and
//! stored, its SHA-256 kept, both parties told it waits for their signature.

use sha2::{Digest, Sha256};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::domain::id::ContractId;

use crate::domain::contract::{
    reference, ContractChange, ContractParty, ContractSnapshot, ContractState, TEMPLATE_VERSION,
};
use crate::domain::id::{ExpertId, ProjectId};
use crate::domain::lang::Lang;
use crate::domain::money::Euros;
use crate::domain::selection::Party;
use crate::error::AppError;
use crate::server::pdf::{render_bounded, Meta};
use crate::server::selection::sides::Sides;
use crate::server::state::AppState;
use crate::server::storage::{Key, Storage};

/// What the caller removes from storage if its transaction does not commit.
pub struct Drawn {
    pub key: Key,
}

/// One language for the one document both sign: English only when both read English.
fn language(sides: &Sides) -> Lang {
    if sides.client.lang == Lang::En && sides.expert.lang == Lang::En {
        Lang::En
    } else {
        Lang::Fr
    }
}

pub(crate) async fn draw(
    state: &AppState,
    conn: &mut PgConnection,
    sides: &Sides,
    (project, expert): (ProjectId, ExpertId),
    quote_version: i32,
    client: ContractParty,
) -> Result<Drawn, AppError> {
    let e = sqlx::query!(
        r#"SELECT e.first_name, coalesce(e.last_name, '') AS "last_name!", e.legal_form, e.siret,
                  e.postal_address, q.number, v.total_ht, v.total_vat, v.total_ttc, v.start_date AS "start_date: chrono::NaiveDate",
                  v.duration_days
           FROM experts e
           JOIN quotes q ON q.expert_id = e.id AND q.project_id = $1
           JOIN quote_versions v ON v.project_id = q.project_id AND v.expert_id = q.expert_id
                                AND v.version = $3
           WHERE e.id = $2"#,
        project as ProjectId,
        expert as ExpertId,
        quote_version,
    )
    .fetch_one(&mut *conn)
    .await?;
    // Nothing signed survives a new version.
    sqlx::query!(
        "UPDATE contracts SET state = $3 WHERE project_id = $1 AND expert_id = $2 AND state = $4",
        project as ProjectId,
        expert as ExpertId,
        ContractState::Void as ContractState,
        ContractState::AwaitingSignatures as ContractState,
    )
    .execute(&mut *conn)
    .await?;
    let version = sqlx::query_scalar!(
        r#"SELECT coalesce(max(version), 0) + 1 AS "next!" FROM contracts
           WHERE project_id = $1 AND expert_id = $2"#,
        project as ProjectId,
        expert as ExpertId,
    )
    .fetch_one(&mut *conn)
    .await?;
    let money = |d| Euros::new(d).map_err(|_| AppError::Internal);
    let dash = || "—".to_string();
    let expert_name = format!("{} {}", e.first_name, e.last_name)
        .trim()
        .to_string();
    let snapshot = ContractSnapshot {
        reference: reference(e.number, version),
        template_version: TEMPLATE_VERSION.to_string(),
        platform: state.config.platform.clone(),
        expert: ContractParty {
            name: expert_name.clone(),
            legal_form: e.legal_form.unwrap_or_else(dash),
            registration: e.siret.unwrap_or_else(dash),
            address: e.postal_address.unwrap_or_else(dash),
            signatory: expert_name,
            signatory_role: tr_in!(language(sides), contract.expert).to_string(),
        },
        client,
        project_title: sides.title.clone(),
        quote_reference: crate::domain::quote::reference(e.number, quote_version),
        total_ht: money(e.total_ht)?,
        total_vat: money(e.total_vat)?,
        total_ttc: money(e.total_ttc)?,
        start_date: e.start_date,
        duration_days: u32::try_from(e.duration_days).map_err(|_| AppError::Internal)?,
        drawn_on: state.clock.today(),
    };
    let lang = language(sides);
    let meta = Meta {
        title: tr_in!(lang, contract.title, reference = &snapshot.reference).to_string(),
        language: lang.code().to_string(),
        footer: snapshot.reference.clone(),
        created: state.clock.now(),
    };
    let pdf = render_bounded(super::template::contract(lang, &snapshot), meta).await?;
    let sha256 = Sha256::digest(&pdf).to_vec();
    let id = ContractId::new(Uuid::new_v4());
    let key = Key::new("contracts", id.get()).map_err(|_| AppError::Internal)?;
    state.storage.put(&key, pdf).await.map_err(|err| {
        tracing::error!(error = %err, "storing a contract failed");
        AppError::Unavailable
    })?;
    let snapshot_json = serde_json::to_value(&snapshot).map_err(|_| AppError::Internal)?;
    sqlx::query!(
        "INSERT INTO contracts (id, project_id, expert_id, version, state, template_version,
                                language, quote_version, snapshot, document_key, document_sha256,
                                commission_schedule)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
                 (SELECT version FROM commission_schedules ORDER BY created_at DESC LIMIT 1))",
        id as ContractId,
        project as ProjectId,
        expert as ExpertId,
        version,
        ContractState::AwaitingSignatures as ContractState,
        TEMPLATE_VERSION,
        lang as Lang,
        quote_version,
        snapshot_json,
        key.as_str(),
        sha256,
    )
    .execute(&mut *conn)
    .await?;
    let moved = super::news::Moved {
        contract: id,
        change: ContractChange::Drawn,
        by: Party::Platform,
    };
    super::news::record(state, conn, sides, (project, expert), moved).await?;
    Ok(Drawn { key })
}
