//! The signature evidence log: append-only (a trigger refuses any change) and
//! hash-chained across the whole platform, so that altering or removing any past record
//! breaks every hash after it — which [`verify_chain`] detects.

use crate::domain::id::ContractId;
use serde_json::Value;
use sha2::{Digest, Sha256};
use sqlx::{PgConnection, PgPool};

use crate::domain::contract::EvidenceKind;
use crate::domain::selection::Party;

/// The chain's writers take turns on this lock, so that each record follows the last.
const CHAIN_LOCK: i64 = 0x5349_474e; // "SIGN"
const GENESIS: [u8; 32] = [0; 32];

fn link(prev: &[u8], record: &str) -> Vec<u8> {
    let mut hasher = Sha256::new();
    hasher.update(prev);
    hasher.update(record.as_bytes());
    hasher.finalize().to_vec()
}

/// Appends `record` (serialised with sorted keys, the exact text hashed) and returns its
/// hash, in the caller's transaction.
pub(super) async fn append(
    conn: &mut PgConnection,
    contract: ContractId,
    signer: Party,
    kind: EvidenceKind,
    record: &Value,
) -> Result<Vec<u8>, sqlx::Error> {
    sqlx::query!("SELECT pg_advisory_xact_lock($1)", CHAIN_LOCK)
        .execute(&mut *conn)
        .await?;
    let prev = sqlx::query_scalar!("SELECT hash FROM signature_evidence ORDER BY id DESC LIMIT 1")
        .fetch_optional(&mut *conn)
        .await?
        .unwrap_or_else(|| GENESIS.to_vec());
    let text = record.to_string();
    let hash = link(&prev, &text);
    sqlx::query!(
        "INSERT INTO signature_evidence (contract_id, signer, kind, record, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6)",
        contract as ContractId,
        signer as Party,
        kind as EvidenceKind,
        text,
        prev,
        hash,
    )
    .execute(&mut *conn)
    .await?;
    Ok(hash)
}

/// The first record whose hash does not follow from the one before (an altered,
/// inserted or removed record), or `None` when the whole chain holds.
pub async fn verify_chain(pool: &PgPool) -> Result<Option<i64>, sqlx::Error> {
    let rows =
        sqlx::query!("SELECT id, record, prev_hash, hash FROM signature_evidence ORDER BY id")
            .fetch_all(pool)
            .await?;
    let mut prev = GENESIS.to_vec();
    for row in rows {
        if row.prev_hash != prev || link(&prev, &row.record) != row.hash {
            return Ok(Some(row.id));
        }
        prev = row.hash;
    }
    Ok(None)
}
