//! Billing's files over HTTP: an invoice's Factur-X PDF (its expert and admins), and a
//! bank statement sent by an admin (a plain form: it works without JavaScript).

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use crate::domain::account::Role;
use crate::domain::id::{AccountId, InvoiceId};
use crate::error::{AppError, Problem};
use crate::server::auth::session;
use crate::server::files::{refuse, refuse_form, send, status_of, Disposition};
use crate::server::state::AppState;

pub const INVOICE_PATH: &str = "/factures/{id}";
pub const STATEMENT_PATH: &str = "/admin/facturation/releves";

/// `GET /factures/{id}`.
pub async fn invoice(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> Response {
    let result = async {
        let id: InvoiceId = id.parse().map_err(|_| AppError::NotFound)?;
        let user = session::current_user(&session, &state.pool)
            .await?
            .ok_or(AppError::Unauthorized)?;
        let owner = sqlx::query_scalar!(
            r#"SELECT e.account_id AS "account!: AccountId" FROM platform_invoices i
               JOIN experts e ON e.id = i.expert_id WHERE i.id = $1"#,
            id as InvoiceId,
        )
        .fetch_optional(&state.pool)
        .await?
        .ok_or(AppError::NotFound)?;
        if owner != user.id && user.role != Role::Admin {
            return Err(AppError::NotFound);
        }
        super::document::pdf(&state, id).await
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

/// `POST /admin/facturation/releves`: the statement (`file`); back to the billing page
/// with what the import did.
pub async fn statement(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let result = async {
        let user = session::current_user(&session, &state.pool)
            .await?
            .ok_or(AppError::Unauthorized)?;
        if user.role != Role::Admin {
            return Err(AppError::NotFound);
        }
        let boundary = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| multer::parse_boundary(v).ok())
            .ok_or(AppError::Validation(Problem::RequestMalformed))?;
        let mut form = multer::Multipart::new(body.into_data_stream(), boundary);
        let interrupted = |_| AppError::Validation(Problem::RequestInterrupted);
        let max = super::statement::MAX_BYTES;
        let mut bytes = Vec::new();
        while let Some(mut field) = form.next_field().await.map_err(interrupted)? {
            if field.name() != Some("file") {
                continue;
            }
            while let Some(chunk) = field.chunk().await.map_err(interrupted)? {
                if bytes.len() + chunk.len() > max {
                    return Err(AppError::TooLarge(Problem::FileTooLarge {
                        max_mb: max / (1024 * 1024),
                    }));
                }
                bytes.extend_from_slice(&chunk);
            }
        }
        super::statement::import(&state, user.id, &bytes).await
    }
    .await;
    match result {
        Ok(report) => Redirect::to(&format!(
            "/admin/facturation?importees={}&rapprochees={}",
            report.lines,
            report.matched.len()
        ))
        .into_response(),
        Err(err) => refuse_form(&headers, &err),
    }
}
