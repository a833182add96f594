//! Whether a PDF is a contract the platform drew or had signed: its SHA-256 is looked up
//! among the documents to sign and the signed ones. One changed byte, and it is nobody's.

use sha2::{Digest, Sha256};
use sqlx::PgPool;

use crate::domain::contract::{ContractSnapshot, SignatureView, Verification};
use crate::error::AppError;

pub fn fingerprint(pdf: &[u8]) -> String {
    hex::encode(Sha256::digest(pdf))
}

/// What the platform knows of the document whose SHA-256 is `sha256` (hexadecimal).
pub async fn verify(pool: &PgPool, sha256: &str) -> Result<Verification, AppError> {
    let Ok(digest) = hex::decode(sha256.trim()) else {
        return Ok(Verification::Unknown);
    };
    let Some(row) = sqlx::query!(
        r#"SELECT id AS "id: crate::domain::id::ContractId", snapshot, final_sha256 = $1 AS "is_final!" FROM contracts
           WHERE document_sha256 = $1 OR final_sha256 = $1"#,
        digest,
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(Verification::Unknown);
    };
    let snapshot: ContractSnapshot =
        serde_json::from_value(row.snapshot).map_err(|_| AppError::Internal)?;
    let mut conn = pool.acquire().await?;
    let signatures = super::finish::signatures(&mut conn, row.id)
        .await?
        .into_iter()
        .map(|e| SignatureView {
            party: e.party,
            name: e.signer,
            company: e.company,
            at: e.at,
        })
        .collect();
    let reference = snapshot.reference;
    Ok(if row.is_final {
        Verification::Signed {
            reference,
            signatures,
        }
    } else {
        Verification::Drawn {
            reference,
            signatures,
        }
    })
}

/// Files checked per address and hour.
pub const CHECKS_PER_IP: crate::server::auth::rate_limit::Limit =
    crate::server::auth::rate_limit::Limit {
        max: 30,
        window_secs: 3600,
    };
pub const UPLOAD_PATH: &str = "/verifier/document";
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// `POST /verifier/document`: the uploaded PDF's fingerprint, then back to the page that
/// says what it is (`/verifier?empreinte=…`). The file is read, hashed and dropped.
pub async fn upload(
    axum::extract::State(state): axum::extract::State<crate::server::state::AppState>,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<std::net::SocketAddr>,
    headers: axum::http::HeaderMap,
    body: axum::body::Body,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let result = async {
        let ip = crate::server::auth::client_ip::client_ip(
            peer.ip(),
            &headers,
            &state.config.trusted_proxies,
        );
        let key = format!("verify:{}", crate::server::auth::rate_limit::ip_key(ip));
        crate::server::auth::rate_limit::hit(&state.pool, &key, CHECKS_PER_IP).await?;
        let pdf = read_file(&headers, body).await?;
        Ok::<_, AppError>(fingerprint(&pdf))
    }
    .await;
    match result {
        Ok(hash) => {
            axum::response::Redirect::to(&format!("/verifier?empreinte={hash}")).into_response()
        }
        Err(err) => {
            let lang = crate::server::lang::of_headers(&headers);
            let status = match err {
                AppError::RateLimited => axum::http::StatusCode::TOO_MANY_REQUESTS,
                AppError::TooLarge(_) => axum::http::StatusCode::PAYLOAD_TOO_LARGE,
                AppError::Validation(_) => axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                _ => axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            };
            (status, err.text(lang)).into_response()
        }
    }
}

async fn read_file(
    headers: &axum::http::HeaderMap,
    body: axum::body::Body,
) -> Result<Vec<u8>, AppError> {
    use crate::error::Problem;
    let boundary = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| multer::parse_boundary(v).ok())
        .ok_or(AppError::Validation(Problem::NoFile))?;
    let mut form = multer::Multipart::new(body.into_data_stream(), boundary);
    let interrupted = |_| AppError::Validation(Problem::RequestInterrupted);
    while let Some(mut field) = form.next_field().await.map_err(interrupted)? {
        if field.name() != Some("file") {
            continue;
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(interrupted)? {
            if bytes.len() + chunk.len() > MAX_BYTES {
                return Err(AppError::TooLarge(Problem::FileTooLarge {
                    max_mb: MAX_BYTES / (1024 * 1024),
                }));
            }
            bytes.extend_from_slice(&chunk);
        }
        if !bytes.starts_with(b"%PDF-") {
            return Err(AppError::Validation(Problem::NotAPdf));
        }
        return Ok(bytes);
    }
    Err(AppError::Validation(Problem::NoFile))
}
