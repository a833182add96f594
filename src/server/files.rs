//! Uploaded files: receiving (capped while streaming, judged by content, photos
//! re-encoded to a standard size) and serving (only to those allowed to see them).

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;
use uuid::Uuid;

use crate::domain::account::Role;
use crate::domain::id::{AccountId, ExpertId};
use crate::domain::profile::FileInfo;
use crate::domain::review::ViewKind;
use crate::domain::session::CurrentUser;
use crate::domain::upload::{quota_reached, FileType, UploadSlot, PENDING_FILES_QUOTA};
use crate::error::{AppError, Problem};
use crate::server::auth::rate_limit::{self, Limit};
use crate::server::auth::session;
use crate::server::profile::repo as profiles;
use crate::server::review::repo as reviews;
use crate::server::state::AppState;
use crate::server::storage::{Key, Storage};

mod photo;

pub use photo::{standard_photo, PHOTO_SIZE};

fn too_large(slot: UploadSlot) -> AppError {
    AppError::TooLarge(Problem::FileTooLarge {
        max_mb: slot.max_bytes() / (1024 * 1024),
    })
}

/// Reads the `file` part of an upload, refusing it as soon as it exceeds the slot's cap.
async fn receive(
    mut data: multer::Multipart<'static>,
    slot: UploadSlot,
) -> Result<Vec<u8>, AppError> {
    let interrupted = |err: multer::Error| {
        tracing::info!(error = %err, "upload interrupted");
        AppError::Validation(Problem::UploadInterrupted {
            max_mb: slot.max_bytes() / (1024 * 1024),
        })
    };
    while let Some(mut field) = data.next_field().await.map_err(interrupted)? {
        if field.name() != Some("file") {
            continue;
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(interrupted)? {
            if bytes.len() + chunk.len() > slot.max_bytes() {
                return Err(too_large(slot));
            }
            bytes.extend_from_slice(&chunk);
        }
        return Ok(bytes);
    }
    Err(AppError::Validation(Problem::NoFile))
}

/// Uploads per account and hour. With the quota of [`profiles::attach_file`], what one
/// account can make us store in a day stays bounded.
const UPLOADS_PER_ACCOUNT: Limit = Limit {
    max: 20,
    window_secs: 3600,
};

/// An upload to the expert's draft: only from a confirmed address, within the rate and
/// the quota (checked before the body is read, then again when the file is recorded).
pub async fn upload(
    state: &AppState,
    user: &CurrentUser,
    slot: UploadSlot,
    data: multer::Multipart<'static>,
) -> Result<FileInfo, AppError> {
    if !user.email_verified {
        return Err(AppError::Validation(Problem::EmailUnverifiedForUpload));
    }
    rate_limit::hit(
        &state.pool,
        &format!("upload:{}", user.id),
        UPLOADS_PER_ACCOUNT,
    )
    .await?;
    let used = profiles::pending_file_bytes(&state.pool, user.id).await?;
    if used >= PENDING_FILES_QUOTA {
        return Err(quota_reached());
    }
    let bytes = receive(data, slot).await?;
    store_upload(state, user.id, slot, bytes).await
}

/// Checks, converts, stores and attaches an uploaded file to the expert's draft.
async fn store_upload(
    state: &AppState,
    account: AccountId,
    slot: UploadSlot,
    bytes: Vec<u8>,
) -> Result<FileInfo, AppError> {
    let file = slot.check(&bytes).map_err(AppError::Validation)?;
    let (bytes, file) = if slot == UploadSlot::Photo {
        // The permit goes with the decoding: a client that leaves does not free it early.
        let turn = photo::decoding_turn(&photo::PHOTO_DECODING, photo::PHOTO_TURN_WAIT).await?;
        let photo = tokio::task::spawn_blocking(move || {
            let _turn = turn;
            standard_photo(&bytes)
        })
        .await
        .map_err(|_| AppError::Internal)??;
        (photo, FileType::Jpeg)
    } else {
        (bytes, file)
    };
    let key = Key::new(slot.as_str(), Uuid::new_v4()).map_err(|_| AppError::Internal)?;
    let size = bytes.len();
    state.storage.put(&key, bytes).await.map_err(|err| {
        tracing::error!(error = %err, "storing an upload failed");
        AppError::Internal
    })?;
    if let Err(err) =
        profiles::attach_file(&state.pool, account, slot, key.as_str(), file.mime(), size).await
    {
        // Not recorded, so never served nor purged: remove it now.
        if let Err(delete) = state.storage.delete(&key).await {
            tracing::warn!(error = %delete, "removing an unattached upload failed");
        }
        return Err(err);
    }
    Ok(FileInfo {
        url: profiles::file_url(key.as_str()),
        bytes: size as u64,
    })
}

pub(crate) fn refuse(status: StatusCode) -> Response {
    (status, [(header::CACHE_CONTROL, "no-store")]).into_response()
}

/// The status a file route answers a failure with; strangers learn nothing (404).
pub(crate) fn status_of(err: &AppError) -> StatusCode {
    match err {
        AppError::Unauthorized => StatusCode::UNAUTHORIZED,
        AppError::NotFound | AppError::Forbidden => StatusCode::NOT_FOUND,
        AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
        AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// A plain form's failure: its status and what went wrong, in the caller's language.
pub(crate) fn refuse_form(headers: &axum::http::HeaderMap, err: &AppError) -> Response {
    let lang = crate::server::lang::of_headers(headers);
    (
        status_of(err),
        [(header::CACHE_CONTROL, "no-store")],
        err.text(lang),
    )
        .into_response()
}

/// A form's file part that must be a PDF: read up to `max` bytes, sniffed; `None` when
/// the file input was left empty (it still sends an empty part).
pub(crate) async fn pdf_part(
    mut field: multer::Field<'_>,
    max: usize,
) -> Result<Option<Vec<u8>>, AppError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field
        .chunk()
        .await
        .map_err(|_| AppError::Validation(Problem::RequestInterrupted))?
    {
        if bytes.len() + chunk.len() > max {
            return Err(AppError::TooLarge(Problem::FileTooLarge {
                max_mb: max / (1024 * 1024),
            }));
        }
        bytes.extend_from_slice(&chunk);
    }
    if bytes.is_empty() {
        return Ok(None);
    }
    if crate::domain::upload::sniff(&bytes) != Some(FileType::Pdf) {
        return Err(AppError::Validation(Problem::NotAPdf));
    }
    Ok(Some(bytes))
}

/// How a file is served: the public photo shows in place; any other file is a download
/// (`slot` names it), so that a browser never renders it as a page of this site,
/// whatever it contains.
#[derive(Clone, Copy)]
pub(crate) enum Disposition<'a> {
    Public,
    /// Saved as `{name}.pdf` (or `.jpg`).
    Download {
        name: &'a str,
    },
}

pub(crate) fn send(bytes: Vec<u8>, mime: &str, disposition: Disposition<'_>) -> Response {
    let public = matches!(disposition, Disposition::Public);
    let cache = if public {
        "public, max-age=86400"
    } else {
        "private, no-store"
    };
    let mut response = (StatusCode::OK, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(mime).unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    // A PDF or image opened directly runs nothing of ours, and no script of its own.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
        ),
    );
    let disposition = match disposition {
        Disposition::Public => HeaderValue::from_static("inline"),
        Disposition::Download { name } => {
            let extension = if mime == "application/pdf" {
                "pdf"
            } else {
                "jpg"
            };
            HeaderValue::from_str(&format!("attachment; filename=\"{name}.{extension}\""))
                .unwrap_or(HeaderValue::from_static("attachment"))
        }
    };
    headers.insert(header::CONTENT_DISPOSITION, disposition);
    response
}

async fn read(state: &AppState, key: &Key) -> Result<Option<Vec<u8>>, AppError> {
    state.storage.get(key).await.map_err(|err| {
        tracing::error!(error = %err, "reading a stored file failed");
        AppError::Internal
    })
}

/// `GET /fichiers/{slot}/{id}`: the photo of a published profile for anyone; any file
/// of a dossier for its owner and admins; the published version's CV, attestation and
/// photo for clients with an open proposal of the profile (each such download is logged),
/// never a draft's or a replaced file.
pub async fn serve(
    State(state): State<AppState>,
    session: Session,
    Path((slot, id)): Path<(String, String)>,
) -> Response {
    match serve_inner(&state, &session, &slot, &id).await {
        Ok(response) => response,
        Err(AppError::Unauthorized) => refuse(StatusCode::UNAUTHORIZED),
        Err(AppError::Forbidden) => refuse(StatusCode::FORBIDDEN),
        Err(AppError::NotFound) => refuse(StatusCode::NOT_FOUND),
        Err(_) => refuse(StatusCode::INTERNAL_SERVER_ERROR),
    }
}

async fn serve_inner(
    state: &AppState,
    session: &Session,
    slot: &str,
    id: &str,
) -> Result<Response, AppError> {
    if UploadSlot::parse(slot).is_none() {
        return Err(AppError::NotFound);
    }
    let id = Uuid::parse_str(id).map_err(|_| AppError::NotFound)?;
    let key = Key::new(slot, id).map_err(|_| AppError::NotFound)?;
    let file = profiles::stored_file(&state.pool, key.as_str())
        .await?
        .ok_or(AppError::NotFound)?;
    let public = file.slot == UploadSlot::Photo
        && profiles::is_published_photo(&state.pool, key.as_str(), state.clock.today()).await?;
    if !public {
        let user = session::current_user(session, &state.pool)
            .await?
            .ok_or(AppError::Unauthorized)?;
        let allowed = user.id == file.owner
            || user.role == Role::Admin
            || (user.role == Role::Client
                && profiles::proposed_file(
                    &state.pool,
                    key.as_str(),
                    user.id,
                    state.clock.today(),
                )
                .await?);
        if !allowed {
            return Err(AppError::Forbidden);
        }
        if user.id != file.owner && file.slot != UploadSlot::Photo {
            let mut conn = state.pool.acquire().await?;
            let kind = if file.slot == UploadSlot::Cv {
                ViewKind::CvDownload
            } else {
                ViewKind::AttestationDownload
            };
            reviews::log_view(&mut conn, file.owner, user.id, kind, None).await?;
        }
    }
    let bytes = read(state, &key).await?.ok_or(AppError::NotFound)?;
    let disposition = if public {
        Disposition::Public
    } else {
        Disposition::Download {
            name: file.slot.as_str(),
        }
    };
    Ok(send(bytes, &file.mime, disposition))
}

/// `GET /photos/{expert_id}`: a published expert's photo.
pub async fn published_photo(
    State(state): State<AppState>,
    Path(expert): Path<String>,
) -> Response {
    let Ok(expert) = expert.parse::<ExpertId>() else {
        return refuse(StatusCode::NOT_FOUND);
    };
    let key = match profiles::published_photo(&state.pool, expert, state.clock.today()).await {
        Ok(Some(key)) => key,
        Ok(None) => return refuse(StatusCode::NOT_FOUND),
        Err(_) => return refuse(StatusCode::INTERNAL_SERVER_ERROR),
    };
    let Some(key) = Key::parse(&key) else {
        return refuse(StatusCode::NOT_FOUND);
    };
    match read(&state, &key).await {
        Ok(Some(bytes)) => send(bytes, "image/jpeg", Disposition::Public),
        Ok(None) => refuse(StatusCode::NOT_FOUND),
        Err(_) => refuse(StatusCode::INTERNAL_SERVER_ERROR),
    }
}
