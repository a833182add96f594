//! The second signature: the final document (the contract's text and a page with the
//! evidence of both signatures) is drawn, stored, hashed, and mailed to both.

use sha2::{Digest, Sha256};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::domain::id::ContractId;

use crate::domain::contract::{ContractChange, ContractState, EvidenceKind, SignatureEvidence};
use crate::domain::selection::Party;
use crate::error::AppError;
use crate::server::pdf::{render_bounded, Meta};
use crate::server::state::AppState;
use crate::server::storage::{Key, Storage};

use super::news::{self, Moved};
use super::sign::Locked;

/// The signatures' evidence of a contract, expert first, as recorded.
pub async fn signatures(
    conn: &mut PgConnection,
    contract: ContractId,
) -> Result<Vec<SignatureEvidence>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT signer AS "signer: Party", record, hash FROM signature_evidence
           WHERE contract_id = $1 AND kind = $2 ORDER BY signer DESC, id"#,
        contract as ContractId,
        EvidenceKind::Signed as EvidenceKind,
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            let v: serde_json::Value =
                serde_json::from_str(&r.record).map_err(|_| AppError::Internal)?;
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            Ok(SignatureEvidence {
                party: r.signer,
                signer: s("signer"),
                company: s("company"),
                email: s("email"),
                at: s("at"),
                ip: s("ip"),
                user_agent: s("user_agent"),
                consent: s("consent"),
                document_sha256: s("document_sha256"),
                template_version: s("template_version"),
                evidence_hash: hex::encode(&r.hash),
            })
        })
        .collect()
}

pub(super) async fn finish(
    state: &AppState,
    conn: &mut PgConnection,
    c: &Locked,
) -> Result<Key, AppError> {
    let evidence = signatures(conn, c.id).await?;
    let meta = Meta {
        title: tr_in!(c.lang, contract.title, reference = &c.snapshot.reference).to_string(),
        language: c.lang.code().to_string(),
        footer: c.snapshot.reference.clone(),
        created: state.clock.now(),
    };
    let blocks = super::template::signed(c.lang, &c.snapshot, &c.sha256, &evidence);
    let pdf = render_bounded(blocks, meta).await?;
    let sha256 = Sha256::digest(&pdf).to_vec();
    let key = Key::new("contracts", Uuid::new_v4()).map_err(|_| AppError::Internal)?;
    state.storage.put(&key, pdf.clone()).await.map_err(|err| {
        tracing::error!(error = %err, "storing a signed contract failed");
        AppError::Unavailable
    })?;
    sqlx::query!(
        "UPDATE contracts SET state = $2, signed_at = now(), final_key = $3, final_sha256 = $4
         WHERE id = $1",
        c.id as ContractId,
        ContractState::Signed as ContractState,
        key.as_str(),
        sha256,
    )
    .execute(&mut *conn)
    .await?;
    let moved = Moved {
        contract: c.id,
        change: ContractChange::Signed,
        by: Party::Platform,
    };
    let attachment = Some((format!("{}.pdf", c.snapshot.reference), pdf));
    news::record_with(state, conn, &c.sides, c.path, moved, attachment).await?;
    // Signed by both: the commission is invoiced in advance, in the same transaction.
    let billed = crate::server::billing::issue::Billed {
        contract: c.id,
        path: c.path,
        snapshot: &c.snapshot,
        sides: &c.sides,
    };
    crate::server::billing::issue::advance(state, conn, &billed).await?;
    Ok(key)
}

/// A stored document whose transaction did not commit.
pub(super) async fn forget(state: &AppState, key: &Key) {
    if let Err(err) = state.storage.delete(key).await {
        tracing::warn!(error = %err, "removing an unrecorded contract failed");
    }
}
