//! Reading contracts: the live (or last) contract of each path a page shows, with its
//! signatures, what the reader has done towards theirs, and the mission; and the
//! contract's entries in the paths' log.

use std::collections::HashMap;

use crate::domain::id::ContractId;
use chrono::{DateTime, Utc};
use sqlx::PgPool;

use crate::domain::contract::{
    ContractChange, ContractSnapshot, ContractState, ContractView, EvidenceKind, MissionView,
    NoMissionReason, SignatureView,
};
use crate::domain::id::{ExpertId, ProjectId};
use crate::domain::selection::{Party, TimelineEntry, TimelineWhat};
use crate::error::AppError;

pub fn pdf_url(contract: ContractId) -> String {
    format!("/contrats/{contract}")
}

pub fn copy_url(contract: ContractId) -> String {
    format!("/contrats/{contract}/copie")
}

/// The contract of each path of `keys`, in their order, as `reader` sees it.
pub async fn contracts_of(
    pool: &PgPool,
    keys: &[(ProjectId, ExpertId)],
    reader: Party,
) -> Result<Vec<Option<ContractView>>, AppError> {
    let projects: Vec<ProjectId> = keys.iter().map(|k| k.0).collect();
    let experts: Vec<ExpertId> = keys.iter().map(|k| k.1).collect();
    let rows = sqlx::query!(
        r#"SELECT DISTINCT ON (c.project_id, c.expert_id)
                  c.id AS "id: ContractId", c.project_id AS "project: ProjectId", c.expert_id AS "expert: ExpertId",
                  c.version, c.state AS "state: ContractState", c.snapshot, c.document_sha256,
                  c.mission_signed_on AS "mission_signed_on: chrono::NaiveDate", c.mission_copy_key IS NOT NULL AS "has_copy!",
                  c.no_mission_reason AS "no_mission: NoMissionReason",
                  coalesce(c.signed_at, c.drawn_at) AS "since!: DateTime<Utc>"
           FROM contracts c
           JOIN unnest($1::uuid[], $2::uuid[]) AS k(project_id, expert_id) USING (project_id, expert_id)
           ORDER BY c.project_id, c.expert_id, c.version DESC"#,
        &projects as &[ProjectId],
        &experts as &[ExpertId],
    )
    .fetch_all(pool)
    .await?;
    let ids: Vec<ContractId> = rows.iter().map(|r| r.id).collect();
    let evidence = sqlx::query!(
        r#"SELECT contract_id AS "contract_id: ContractId", signer AS "signer: Party", kind AS "kind: EvidenceKind", record
           FROM signature_evidence WHERE contract_id = ANY($1) ORDER BY id"#,
        &ids as &[ContractId],
    )
    .fetch_all(pool)
    .await?;
    let mut views: HashMap<(ProjectId, ExpertId), ContractView> = HashMap::new();
    for r in rows {
        let snapshot: ContractSnapshot =
            serde_json::from_value(r.snapshot).map_err(|_| AppError::Internal)?;
        let mine = |kind| {
            evidence
                .iter()
                .any(|e| e.contract_id == r.id && e.signer == reader && e.kind == kind)
        };
        let signatures = evidence
            .iter()
            .filter(|e| e.contract_id == r.id && e.kind == EvidenceKind::Signed)
            .map(|e| {
                let v: serde_json::Value = serde_json::from_str(&e.record).unwrap_or_default();
                let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
                SignatureView {
                    party: e.signer,
                    name: s("signer"),
                    company: s("company"),
                    at: s("at"),
                }
            })
            .collect();
        let mission = match (r.mission_signed_on, r.no_mission) {
            (Some(on), _) => MissionView::Signed {
                on,
                copy: r.has_copy.then(|| copy_url(r.id)),
            },
            (None, Some(reason)) => MissionView::None { reason },
            (None, None) => MissionView::Awaited,
        };
        let view = ContractView {
            version: r.version,
            reference: snapshot.reference.clone(),
            state: r.state,
            quote_reference: snapshot.quote_reference.clone(),
            total_ht: snapshot.total_ht,
            pdf: pdf_url(r.id),
            sha256: hex::encode(&r.document_sha256),
            reader_company: match reader {
                Party::Client => Some(snapshot.client.name.clone()),
                Party::Expert => Some(snapshot.expert.name.clone()),
                _ => None,
            },
            opened_by_reader: mine(EvidenceKind::Opened),
            code_sent_to_reader: mine(EvidenceKind::CodeSent),
            signatures,
            mission,
            since: r.since.to_rfc3339(),
        };
        views.insert((r.project, r.expert), view);
    }
    Ok(keys.iter().map(|k| views.remove(k)).collect())
}

/// The contract's moves on these projects' paths (of one expert if given).
pub async fn timeline_entries(
    pool: &PgPool,
    projects: &[ProjectId],
    expert: Option<ExpertId>,
) -> Result<Vec<(DateTime<Utc>, ProjectId, ExpertId, TimelineEntry)>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT id, project_id AS "project: ProjectId", expert_id AS "expert: ExpertId",
                  change AS "change: ContractChange", party AS "party: Party",
                  created_at AS "created_at: DateTime<Utc>"
           FROM contract_events
           WHERE project_id = ANY($1) AND ($2::uuid IS NULL OR expert_id = $2)
           ORDER BY id"#,
        projects as &[ProjectId],
        expert as Option<ExpertId>,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let what = TimelineWhat::Contract { change: r.change };
            let entry = TimelineEntry::new(r.id, r.party, r.created_at, what);
            (r.created_at, r.project, r.expert, entry)
        })
        .collect())
}
