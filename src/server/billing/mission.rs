//! The expert's invoices to their client ("déposer ma facture"): a PDF copy with its
//! figures, sent by a plain form (it works without JavaScript) once the mission contract
//! is declared signed; the client confirms the payment date.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use tower_sessions::Session;
use uuid::Uuid;

use crate::domain::account::Role;
use crate::domain::billing::events::BillingChange;
use crate::domain::billing::mission::MissionInvoiceForm;
use crate::domain::id::{AccountId, ContractId, ExpertId, MissionInvoiceId, ProjectId};
use crate::domain::parse::parse_date;
use crate::domain::quote::{PaymentTerms, TermsBasis};
use crate::domain::selection::Party;
use crate::domain::session::CurrentUser;
use crate::error::{AppError, Problem};
use crate::server::auth::session;
use crate::server::files::{pdf_part, refuse, refuse_form, send, status_of, Disposition};
use crate::server::selection::sides::sides;
use crate::server::state::AppState;
use crate::server::storage::{Key, Storage};

use super::news::{self, Mail, Said};

pub const UPLOAD_PATH: &str = "/facturation/missions/{contract}";
pub const FILE_PATH: &str = "/facturation/missions/factures/{id}";
/// An invoice is a page or two: 5 MB is plenty.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// The contract's mission, if the caller is its expert (`Party::Expert`), its client, or
/// an admin; strangers find nothing.
pub(crate) struct Mission {
    pub party: Party,
    pub path: (ProjectId, ExpertId),
    pub terms: PaymentTerms,
    pub signed_on: Option<NaiveDate>,
}

pub(crate) async fn mission(
    conn: &mut sqlx::PgConnection,
    caller: &CurrentUser,
    contract: ContractId,
) -> Result<Mission, AppError> {
    let r = sqlx::query!(
        r#"SELECT c.project_id AS "project: ProjectId", c.expert_id AS "expert: ExpertId",
                  c.mission_signed_on AS "signed_on: NaiveDate",
                  pr.client_account_id AS "client!: AccountId", e.account_id AS "expert_account!: AccountId",
                  q.terms_basis AS "basis: TermsBasis", q.terms_days
           FROM contracts c JOIN projects pr ON pr.id = c.project_id
           JOIN experts e ON e.id = c.expert_id
           JOIN quote_versions q ON q.project_id = c.project_id AND q.expert_id = c.expert_id
                                AND q.version = c.quote_version
           WHERE c.id = $1 FOR UPDATE OF c"#,
        contract as ContractId,
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let party = if caller.id == r.expert_account {
        Party::Expert
    } else if caller.id == r.client {
        Party::Client
    } else if caller.role == Role::Admin {
        Party::Admin
    } else {
        return Err(AppError::NotFound);
    };
    let days = u16::try_from(r.terms_days).map_err(|_| AppError::Internal)?;
    Ok(Mission {
        party,
        path: (r.project, r.expert),
        terms: PaymentTerms::new(r.basis, days).map_err(|_| AppError::Internal)?,
        signed_on: r.signed_on,
    })
}

/// The expert deposits a copy of their invoice with its figures.
pub async fn deposit(
    state: &AppState,
    caller: &CurrentUser,
    contract: ContractId,
    form: &MissionInvoiceForm,
    file: Option<Vec<u8>>,
) -> Result<MissionInvoiceId, AppError> {
    let mut tx = state.pool.begin().await?;
    let m = mission(&mut tx, caller, contract).await?;
    if m.party != Party::Expert {
        return Err(AppError::Forbidden);
    }
    if m.signed_on.is_none() {
        return Err(AppError::Validation(Problem::MissionInvoiceNotExpected));
    }
    let draft = form
        .parse(m.terms, state.clock.today())
        .map_err(AppError::Validation)?;
    let bytes = file.ok_or(AppError::Validation(Problem::MissionInvoiceFileRequired))?;
    let taken = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM mission_invoices WHERE contract_id = $1 AND number = $2) AS "taken!""#,
        contract as ContractId,
        draft.number,
    )
    .fetch_one(&mut *tx)
    .await?;
    if taken {
        return Err(AppError::Validation(Problem::MissionInvoiceDuplicate));
    }
    let id = MissionInvoiceId::new(Uuid::new_v4());
    let key = Key::new("mission_invoices", id.get()).map_err(|_| AppError::Internal)?;
    let sha256 = Sha256::digest(&bytes).to_vec();
    state.storage.put(&key, bytes).await.map_err(|err| {
        tracing::error!(error = %err, "storing a mission invoice failed");
        AppError::Unavailable
    })?;
    let written = async {
        sqlx::query!(
            "INSERT INTO mission_invoices (id, contract_id, number, issued_on, service_on, due_on,
                    amount_ht, amount_ttc, file_key, file_sha256)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            id as MissionInvoiceId,
            contract as ContractId,
            draft.number,
            draft.issued_on as NaiveDate,
            draft.service_on as NaiveDate,
            draft.due_on as NaiveDate,
            draft.amount_ht as crate::domain::money::Euros,
            draft.amount_ttc as crate::domain::money::Euros,
            key.as_str(),
            sha256,
        )
        .execute(&mut *tx)
        .await?;
        let sides = sides(&mut tx, m.path.0, m.path.1)
            .await?
            .ok_or(AppError::Internal)?;
        let said = Said {
            contract,
            change: BillingChange::MissionInvoiceUploaded,
            by: Party::Expert,
            reference: draft.number.clone(),
        };
        news::record(state, &mut tx, &sides, m.path, said, Mail::Yes(None)).await?;
        tx.commit().await?;
        Ok::<_, AppError>(())
    }
    .await;
    if let Err(err) = written {
        if let Err(e) = state.storage.delete(&key).await {
            tracing::warn!(error = %e, "removing an unrecorded mission invoice failed");
        }
        return Err(err);
    }
    Ok(id)
}

/// The client confirms the day they paid a mission invoice.
pub async fn confirm_paid(
    state: &AppState,
    caller: &CurrentUser,
    invoice: MissionInvoiceId,
    paid_on: &str,
) -> Result<(), AppError> {
    let paid_on = parse_date(paid_on).map_err(|_| AppError::Validation(Problem::PaymentDate))?;
    let mut tx = state.pool.begin().await?;
    let r = sqlx::query!(
        r#"SELECT contract_id AS "contract: ContractId", number, issued_on AS "issued_on: NaiveDate",
                  paid_on AS "paid_on: NaiveDate"
           FROM mission_invoices WHERE id = $1"#,
        invoice as MissionInvoiceId,
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let m = mission(&mut tx, caller, r.contract).await?;
    if m.party != Party::Client {
        return Err(AppError::NotFound);
    }
    if r.paid_on.is_some() {
        return Err(AppError::Validation(Problem::PaymentAlreadyConfirmed));
    }
    if paid_on > state.clock.today() || paid_on < r.issued_on {
        return Err(AppError::Validation(Problem::PaymentDate));
    }
    sqlx::query!(
        "UPDATE mission_invoices SET paid_on = $2, paid_confirmed_at = now() WHERE id = $1",
        invoice as MissionInvoiceId,
        paid_on as NaiveDate,
    )
    .execute(&mut *tx)
    .await?;
    let sides = sides(&mut tx, m.path.0, m.path.1)
        .await?
        .ok_or(AppError::Internal)?;
    let said = Said {
        contract: r.contract,
        change: BillingChange::MissionInvoicePaid,
        by: Party::Client,
        reference: r.number,
    };
    news::record(state, &mut tx, &sides, m.path, said, Mail::Yes(None)).await?;
    tx.commit().await?;
    Ok(())
}

/// `POST /facturation/missions/{contract}`: the form's fields and its `file`; back to
/// the billing page.
pub async fn upload(
    State(state): State<AppState>,
    session: Session,
    Path(contract): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let result = async {
        let contract: ContractId = contract.parse().map_err(|_| AppError::NotFound)?;
        let user = session::current_user(&session, &state.pool)
            .await?
            .ok_or(AppError::Unauthorized)?;
        let (form, file) = read_form(&headers, body).await?;
        deposit(&state, &user, contract, &form, file).await
    }
    .await;
    match result {
        Ok(_) => Redirect::to("/facturation").into_response(),
        Err(err) => refuse_form(&headers, &err),
    }
}

async fn read_form(
    headers: &HeaderMap,
    body: Body,
) -> Result<(MissionInvoiceForm, Option<Vec<u8>>), AppError> {
    let boundary = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| multer::parse_boundary(v).ok())
        .ok_or(AppError::Validation(Problem::RequestMalformed))?;
    let mut parts = multer::Multipart::new(body.into_data_stream(), boundary);
    let interrupted = |_| AppError::Validation(Problem::RequestInterrupted);
    let mut form = MissionInvoiceForm::default();
    let mut file = None;
    while let Some(field) = parts.next_field().await.map_err(interrupted)? {
        let name = field.name().unwrap_or_default().to_string();
        if name == "file" {
            file = pdf_part(field, MAX_BYTES).await?;
            continue;
        }
        // Small text fields only: anything longer is not a field of this form.
        let text = field.text().await.map_err(interrupted)?;
        if text.len() > 200 {
            return Err(AppError::Validation(Problem::RequestMalformed));
        }
        match name.as_str() {
            "number" => form.number = text,
            "issued_on" => form.issued_on = text,
            "service_on" => form.service_on = text,
            "due_on" => form.due_on = text,
            "amount_ht" => form.amount_ht = text,
            "amount_ttc" => form.amount_ttc = text,
            _ => {}
        }
    }
    Ok((form, file))
}

/// `GET /facturation/missions/factures/{id}`: the deposited copy, for both parties and
/// admins.
pub async fn file(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> Response {
    let result = async {
        let id: MissionInvoiceId = id.parse().map_err(|_| AppError::NotFound)?;
        let user = session::current_user(&session, &state.pool)
            .await?
            .ok_or(AppError::Unauthorized)?;
        let mut tx = state.pool.begin().await?;
        let r = sqlx::query!(
            r#"SELECT contract_id AS "contract: ContractId", number, file_key FROM mission_invoices
               WHERE id = $1"#,
            id as MissionInvoiceId,
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
        mission(&mut tx, &user, r.contract).await?;
        tx.commit().await?;
        let key = Key::parse(&r.file_key).ok_or(AppError::Internal)?;
        let bytes = state
            .storage
            .get(&key)
            .await
            .map_err(|_| AppError::Unavailable)?
            .ok_or(AppError::NotFound)?;
        Ok::<_, AppError>((r.number, bytes))
    }
    .await;
    match result {
        Ok((number, bytes)) => send(
            bytes,
            "application/pdf",
            Disposition::Download { name: &number },
        ),
        Err(err) => refuse(status_of(&err)),
    }
}
