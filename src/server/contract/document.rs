//! The contract's files over HTTP, for its two parties and admins only: the document
//! (the one to sign, or the signed one with its evidence page), whose opening by a
//! signer is recorded; and the signed copy of the mission contract, sent with its
//! declaration by a plain form (it works without JavaScript).

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use crate::domain::id::ContractId;

use crate::domain::account::Role;
use crate::domain::id::{AccountId, ProjectId};
use crate::domain::session::CurrentUser;
use crate::error::{AppError, Problem};
use crate::server::auth::session;
use crate::server::files::{pdf_part, refuse, refuse_form, send, status_of, Disposition};
use crate::server::state::AppState;
use crate::server::storage::{Key, Storage};

use super::sign::Signer;

pub const PATH: &str = "/contrats/{id}";
pub const COPY_PATH: &str = "/contrats/{id}/copie";
/// A signed mission contract is a scan or an export: 10 MB is plenty.
pub const COPY_MAX_BYTES: usize = 10 * 1024 * 1024;

/// The caller, if they are a party to the contract's path or an admin.
async fn reader(
    state: &AppState,
    session: &Session,
    contract: ContractId,
) -> Result<(CurrentUser, ContractFiles), AppError> {
    let user = session::current_user(session, &state.pool)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let files = sqlx::query_as!(
        ContractFiles,
        r#"SELECT c.document_key, c.final_key, c.mission_copy_key, c.snapshot->>'reference' AS "reference!",
                  pr.client_account_id AS "client!: AccountId", e.account_id AS "expert!: AccountId",
                  c.project_id AS "project_id: ProjectId"
           FROM contracts c JOIN projects pr ON pr.id = c.project_id
           JOIN experts e ON e.id = c.expert_id WHERE c.id = $1"#,
        contract as ContractId,
    )
    .fetch_optional(&state.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let party = user.id == files.client || user.id == files.expert;
    if !party && user.role != Role::Admin {
        return Err(AppError::NotFound);
    }
    Ok((user, files))
}

struct ContractFiles {
    document_key: String,
    final_key: Option<String>,
    mission_copy_key: Option<String>,
    reference: String,
    client: AccountId,
    expert: AccountId,
    project_id: ProjectId,
}

fn key_of(stored: &str) -> Result<Key, AppError> {
    Key::parse(stored).ok_or(AppError::Internal)
}

async fn read(state: &AppState, key: &Key) -> Result<Vec<u8>, AppError> {
    state
        .storage
        .get(key)
        .await
        .map_err(|err| {
            tracing::error!(error = %err, "reading a contract failed");
            AppError::Unavailable
        })?
        .ok_or(AppError::NotFound)
}

/// What the evidence records of where a request came from.
fn signer(state: &AppState, peer: SocketAddr, headers: &HeaderMap) -> Signer {
    let ip = crate::server::auth::client_ip::client_ip(
        peer.ip(),
        headers,
        &state.config.trusted_proxies,
    );
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .chars()
        .take(300)
        .collect();
    Signer {
        ip: ip.to_string(),
        user_agent,
    }
}

/// `GET /contrats/{id}`.
pub async fn download(
    State(state): State<AppState>,
    session: Session,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let result = async {
        let id: ContractId = id.parse().map_err(|_| AppError::NotFound)?;
        let (user, files) = reader(&state, &session, id).await?;
        let stored = files.final_key.as_deref().unwrap_or(&files.document_key);
        let bytes = read(&state, &key_of(stored)?).await?;
        if files.final_key.is_none() {
            // A signer opening the document to sign: the evidence records it.
            super::sign::opened(&state, &user, id, &signer(&state, peer, &headers)).await?;
        }
        Ok::<_, AppError>((files.reference, bytes))
    }
    .await;
    match result {
        Ok((name, bytes)) => send(
            bytes,
            "application/pdf",
            Disposition::Download { name: &name },
        ),
        Err(err) => refuse(status_of(&err)),
    }
}

/// `GET /contrats/{id}/copie`: the signed mission contract's copy.
pub async fn mission_copy(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> Response {
    let result = async {
        let id: ContractId = id.parse().map_err(|_| AppError::NotFound)?;
        let (_, files) = reader(&state, &session, id).await?;
        let stored = files.mission_copy_key.ok_or(AppError::NotFound)?;
        let bytes = read(&state, &key_of(&stored)?).await?;
        Ok::<_, AppError>((files.reference, bytes))
    }
    .await;
    match result {
        Ok((reference, bytes)) => {
            let name = format!("mission-{reference}");
            send(
                bytes,
                "application/pdf",
                Disposition::Download { name: &name },
            )
        }
        Err(err) => refuse(status_of(&err)),
    }
}

/// `POST /contrats/{id}/copie`: the mission contract declared signed on `signed_on`,
/// with its signed copy (`file`, a PDF) if given; back to the caller's page.
pub async fn upload_mission_copy(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let result = async {
        let id: ContractId = id.parse().map_err(|_| AppError::NotFound)?;
        let (user, files) = reader(&state, &session, id).await?;
        let (signed_on, copy) = read_form(&headers, body).await?;
        super::mission::declare_signed(&state, &user, id, &signed_on, copy).await?;
        let back = if user.id == files.client {
            format!("/mes-projets/{}", files.project_id)
        } else {
            "/mes-propositions".to_string()
        };
        Ok::<_, AppError>(back)
    }
    .await;
    match result {
        Ok(back) => Redirect::to(&back).into_response(),
        Err(err) => refuse_form(&headers, &err),
    }
}

/// The form's `signed_on` and, if a file was chosen, its bytes (a PDF, capped).
async fn read_form(headers: &HeaderMap, body: Body) -> Result<(String, Option<Vec<u8>>), AppError> {
    let boundary = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| multer::parse_boundary(v).ok())
        .ok_or(AppError::Validation(Problem::RequestMalformed))?;
    let mut form = multer::Multipart::new(body.into_data_stream(), boundary);
    let interrupted = |_| AppError::Validation(Problem::RequestInterrupted);
    let (mut signed_on, mut copy) = (String::new(), None);
    while let Some(field) = form.next_field().await.map_err(interrupted)? {
        match field.name() {
            Some("signed_on") => signed_on = field.text().await.map_err(interrupted)?,
            Some("file") => copy = pdf_part(field, COPY_MAX_BYTES).await?,
            _ => {}
        }
    }
    Ok((signed_on, copy))
}
