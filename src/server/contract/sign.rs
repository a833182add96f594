//! Signing: the signer opens the exact document (recorded), ticks the consent and asks
//! for a code (recorded, mailed), then types it. Every step is a record of the evidence
//! chain; the second signature draws the final document with its evidence page.

use crate::domain::id::ContractId;
use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::PgConnection;

use crate::domain::contract::{
    check_code, parse_code, CodeCheck, ContractChange, ContractSnapshot, ContractState,
    EvidenceKind,
};
use crate::domain::id::{ExpertId, ProjectId};
use crate::domain::lang::Lang;
use crate::domain::selection::Party;
use crate::domain::session::CurrentUser;
use crate::error::{AppError, Problem};
use crate::server::auth::rate_limit::{self, Limit};
use crate::server::auth::tokens;
use crate::server::mail::{outbox, templates};
use crate::server::selection::sides::{party, sides, Sides};
use crate::server::state::AppState;

use super::evidence;
use super::news::{self, Moved};

/// Codes mailed per account and hour: a few retries, never a mail bomb.
pub const CODES_PER_ACCOUNT: Limit = Limit {
    max: 5,
    window_secs: 3600,
};

/// Who is signing, from where: what the evidence records of the request.
pub struct Signer {
    pub ip: String,
    pub user_agent: String,
}

pub(super) struct Locked {
    pub id: ContractId,
    pub path: (ProjectId, ExpertId),
    pub state: ContractState,
    pub snapshot: ContractSnapshot,
    pub sha256: String,
    pub lang: Lang,
    pub sides: Sides,
    pub party: Party,
}

/// The contract locked, with the caller's side; strangers find nothing, admins do not
/// sign.
pub(super) async fn locked(
    conn: &mut PgConnection,
    caller: &CurrentUser,
    contract: ContractId,
) -> Result<Locked, AppError> {
    // The path first, then the contract: the order every writer of both takes.
    let path = sqlx::query!(
        r#"SELECT project_id AS "project: ProjectId", expert_id AS "expert: ExpertId"
           FROM contracts WHERE id = $1"#,
        contract as ContractId,
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let sides = sides(conn, path.project, path.expert)
        .await?
        .ok_or(AppError::NotFound)?;
    let row = sqlx::query!(
        r#"SELECT project_id AS "project: ProjectId", expert_id AS "expert: ExpertId",
                  state AS "state: ContractState", snapshot, document_sha256,
                  language AS "language: Lang"
           FROM contracts WHERE id = $1 FOR UPDATE"#,
        contract as ContractId,
    )
    .fetch_one(&mut *conn)
    .await?;
    let party = party(caller, &sides)?;
    let snapshot: ContractSnapshot =
        serde_json::from_value(row.snapshot).map_err(|_| AppError::Internal)?;
    Ok(Locked {
        id: contract,
        path: (row.project, row.expert),
        state: row.state,
        snapshot,
        sha256: hex::encode(row.document_sha256),
        lang: row.language,
        sides,
        party,
    })
}

async fn has(
    conn: &mut PgConnection,
    contract: ContractId,
    party: Party,
    kind: EvidenceKind,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM signature_evidence
                          WHERE contract_id = $1 AND signer = $2 AND kind = $3) AS "found!""#,
        contract as ContractId,
        party as Party,
        kind as EvidenceKind,
    )
    .fetch_one(conn)
    .await
}

fn signer_of(c: &Locked) -> Result<&crate::domain::contract::ContractParty, AppError> {
    match c.party {
        Party::Client => Ok(&c.snapshot.client),
        Party::Expert => Ok(&c.snapshot.expert),
        // The team reads contracts; it does not sign them for anyone.
        _ => Err(AppError::Forbidden),
    }
}

fn base_record(c: &Locked, email: &str, who: &Signer, now: DateTime<Utc>) -> serde_json::Value {
    let p = match c.party {
        Party::Client => &c.snapshot.client,
        _ => &c.snapshot.expert,
    };
    json!({
        "contract": c.id,
        "reference": c.snapshot.reference,
        "party": c.party.as_str(),
        "signer": p.signatory,
        "company": p.name,
        "email": email,
        "at": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "ip": who.ip,
        "user_agent": who.user_agent,
        "document_sha256": c.sha256,
        "template_version": c.snapshot.template_version,
    })
}

/// The consent the signer ticked, as their page showed it (in the page's language).
pub(super) fn consent_text(c: &Locked) -> Result<String, AppError> {
    let company = &signer_of(c)?.name;
    let lang = crate::server::lang::of_request();
    Ok(tr_in!(
        lang,
        signing.consent,
        reference = &c.snapshot.reference,
        company = company
    )
    .to_string())
}

/// The path's pages refresh: the signer's forms follow what they have done.
async fn announce(conn: &mut PgConnection, c: &Locked) -> Result<(), sqlx::Error> {
    crate::server::live::publish_path(
        conn,
        crate::domain::live::LiveKind::Path,
        c.path.0,
        c.path.1,
    )
    .await
}

/// Records that a signer opened the document to sign (once: the first opening).
pub async fn opened(
    state: &AppState,
    caller: &CurrentUser,
    contract: ContractId,
    who: &Signer,
) -> Result<(), AppError> {
    let mut tx = state.pool.begin().await?;
    let c = locked(&mut tx, caller, contract).await?;
    if c.state != ContractState::AwaitingSignatures || signer_of(&c).is_err() {
        return Ok(());
    }
    if !has(&mut tx, contract, c.party, EvidenceKind::Opened).await? {
        let record = base_record(&c, &caller.email, who, state.clock.now());
        evidence::append(&mut tx, contract, c.party, EvidenceKind::Opened, &record).await?;
        announce(&mut tx, &c).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The signer consents and receives a code by e-mail.
pub async fn request_code(
    state: &AppState,
    caller: &CurrentUser,
    contract: ContractId,
    consent: bool,
    who: &Signer,
) -> Result<(), AppError> {
    let mut tx = state.pool.begin().await?;
    let c = locked(&mut tx, caller, contract).await?;
    signer_of(&c)?;
    if c.state != ContractState::AwaitingSignatures
        || has(&mut tx, contract, c.party, EvidenceKind::Signed).await?
    {
        return Err(AppError::Validation(Problem::ContractNotToSign));
    }
    if !has(&mut tx, contract, c.party, EvidenceKind::Opened).await? {
        return Err(AppError::Validation(Problem::ContractNotOpened));
    }
    if !consent {
        return Err(AppError::Validation(Problem::SignatureConsentRequired));
    }
    rate_limit::hit(
        &state.pool,
        &format!("signature-code:{}", caller.id),
        CODES_PER_ACCOUNT,
    )
    .await?;
    let (code, salt, digest) = tokens::signature_code();
    let now = state.clock.now();
    sqlx::query!(
        "INSERT INTO signature_challenges (contract_id, signer, code_salt, code_hash, sent_at, failures)
         VALUES ($1, $2, $3, $4, $5, 0)
         ON CONFLICT (contract_id, signer) DO UPDATE
         SET code_salt = $3, code_hash = $4, sent_at = $5, failures = 0",
        contract as ContractId,
        c.party as Party,
        salt,
        digest,
        now as DateTime<Utc>,
    )
    .execute(&mut *tx)
    .await?;
    let mut record = base_record(&c, &caller.email, who, now);
    record["consent"] = json!(consent_text(&c)?);
    evidence::append(&mut tx, contract, c.party, EvidenceKind::CodeSent, &record).await?;
    let side = if c.party == Party::Client {
        &c.sides.client
    } else {
        &c.sides.expert
    };
    let mail = templates::signature_code(
        side.lang,
        &caller.email,
        &side.name,
        &c.snapshot.reference,
        &code,
    );
    outbox::enqueue(&mut tx, &mail).await?;
    announce(&mut tx, &c).await?;
    tx.commit().await?;
    Ok(())
}

/// The signer types the code: signed, or refused (each refusal recorded and counted).
pub async fn sign(
    state: &AppState,
    caller: &CurrentUser,
    contract: ContractId,
    typed: &str,
    who: &Signer,
) -> Result<ContractState, AppError> {
    let code = parse_code(typed).map_err(AppError::Validation)?;
    let mut tx = state.pool.begin().await?;
    let c = locked(&mut tx, caller, contract).await?;
    signer_of(&c)?;
    if c.state != ContractState::AwaitingSignatures {
        return Err(AppError::Validation(Problem::ContractNotToSign));
    }
    let challenge = sqlx::query!(
        r#"SELECT code_salt, code_hash, sent_at AS "sent_at: DateTime<Utc>", failures FROM signature_challenges
         WHERE contract_id = $1 AND signer = $2"#,
        contract as ContractId,
        c.party as Party,
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::Validation(Problem::SignatureCodeMissing))?;
    let now = state.clock.now();
    let matches = tokens::code_digest(&challenge.code_salt, &code) == challenge.code_hash;
    let check = check_code(challenge.sent_at, challenge.failures, now, matches)
        .map_err(AppError::Validation)?;
    let record = base_record(&c, &caller.email, who, now);
    let refused = |left| match left {
        Some(left) => Problem::SignatureCodeWrong { left },
        None => Problem::SignatureCodeLocked,
    };
    let (kind, left) = match check {
        CodeCheck::Accepted => (EvidenceKind::Signed, None),
        CodeCheck::Refused { left } => (EvidenceKind::CodeRefused, Some(left)),
        CodeCheck::Locked => (EvidenceKind::Locked, None),
    };
    if kind != EvidenceKind::Signed {
        sqlx::query!(
            "UPDATE signature_challenges SET failures = failures + 1
             WHERE contract_id = $1 AND signer = $2",
            contract as ContractId,
            c.party as Party,
        )
        .execute(&mut *tx)
        .await?;
        evidence::append(&mut tx, contract, c.party, kind, &record).await?;
        // The failure counts even though the request fails.
        tx.commit().await?;
        return Err(AppError::Validation(refused(left)));
    }
    sqlx::query!(
        "DELETE FROM signature_challenges WHERE contract_id = $1 AND signer = $2",
        contract as ContractId,
        c.party as Party,
    )
    .execute(&mut *tx)
    .await?;
    let mut record = record;
    record["consent"] = json!(consent_text(&c)?);
    evidence::append(&mut tx, contract, c.party, EvidenceKind::Signed, &record).await?;
    let moved = Moved {
        contract,
        change: ContractChange::SignedBy,
        by: c.party,
    };
    news::record(state, &mut tx, &c.sides, c.path, moved).await?;
    let other = if c.party == Party::Client {
        Party::Expert
    } else {
        Party::Client
    };
    let to = if has(&mut tx, contract, other, EvidenceKind::Signed).await? {
        let key = super::finish::finish(state, &mut tx, &c).await?;
        if let Err(err) = tx.commit().await {
            super::finish::forget(state, &key).await;
            return Err(err.into());
        }
        ContractState::Signed
    } else {
        tx.commit().await?;
        ContractState::AwaitingSignatures
    };
    tracing::info!(%contract, party = c.party.as_str(), ?to, "contract signed");
    Ok(to)
}
