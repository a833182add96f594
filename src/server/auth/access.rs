//! Access control in one place.
//!
//! [`SERVER_FNS`] says, for every server function, who may call it; the [`guard`]
//! middleware enforces it before the function even parses its arguments (unknown
//! endpoints are refused), and the functions themselves call [`require_user`] /
//! [`require_role`] to get the caller they act for.

use axum::extract::{ConnectInfo, Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::{IpAddr, SocketAddr};
use tower_sessions::Session;

use crate::domain::account::Role;
use crate::domain::session::CurrentUser;
use crate::domain::upload::UploadSlot;
use crate::error::AppError;
use crate::server::auth::{client_ip, session};
use crate::server::state::{app_state, AppState};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in account.
    SignedIn,
    /// Signed-in accounts of this role only.
    Role(Role),
}

/// Where server functions are mounted.
pub const API_PREFIX: &str = "/api/";

/// Every server function by endpoint, and who may call it.
pub const SERVER_FNS: &[(&str, Access)] = &[
    ("platform_stats", Access::Public),
    ("auth_whoami", Access::Public),
    ("directory_search", Access::Public),
    ("directory_card", Access::Public),
    ("directory_filters", Access::Public),
    ("auth_sign_up_provider", Access::Public),
    ("auth_sign_up_client", Access::Public),
    ("auth_verify_email", Access::Public),
    ("auth_sign_in", Access::Public),
    ("auth_request_reset", Access::Public),
    ("auth_reset_password", Access::Public),
    ("auth_sign_out", Access::SignedIn),
    ("auth_resend_verification", Access::SignedIn),
    ("notifications_list", Access::SignedIn),
    ("notifications_unread", Access::SignedIn),
    ("notifications_mark_read", Access::SignedIn),
    ("admin_mailbox", Access::Role(Role::Admin)),
    ("admin_accounts", Access::Role(Role::Admin)),
    ("admin_set_account_disabled", Access::Role(Role::Admin)),
    ("profile_editor", Access::Role(Role::Provider)),
    ("profile_save", Access::Role(Role::Provider)),
    ("profile_submit", Access::Role(Role::Provider)),
    ("profile_upload_photo", Access::Role(Role::Provider)),
    ("profile_upload_cv", Access::Role(Role::Provider)),
    ("profile_upload_attestation", Access::Role(Role::Provider)),
    ("review_queue", Access::Role(Role::Admin)),
    ("review_open", Access::Role(Role::Admin)),
    ("review_decide", Access::Role(Role::Admin)),
    ("reference_list", Access::Role(Role::Admin)),
    ("reference_add_domain", Access::Role(Role::Admin)),
    ("reference_add_skill", Access::Role(Role::Admin)),
    ("reference_set_domain_active", Access::Role(Role::Admin)),
    ("reference_rename", Access::Role(Role::Admin)),
    ("project_wizard", Access::Role(Role::Client)),
    ("project_save_draft", Access::Role(Role::Client)),
    ("project_submit", Access::Role(Role::Client)),
    ("projects_mine", Access::Role(Role::Client)),
    ("project_client_view", Access::Role(Role::Client)),
    ("projects_for_expert", Access::Role(Role::Provider)),
    ("project_apply", Access::Role(Role::Provider)),
    ("settings_project_alerts", Access::Role(Role::Provider)),
    ("settings_project_alerts_get", Access::SignedIn),
    ("admin_projects", Access::Role(Role::Admin)),
    ("admin_candidates", Access::Role(Role::Admin)),
    ("admin_propose", Access::Role(Role::Admin)),
];

/// The largest request body an endpoint accepts, in bytes: uploads get their file's cap
/// plus room for the multipart envelope, everything else 256 KiB.
pub fn body_limit(endpoint: &str) -> usize {
    const ENVELOPE: usize = 64 * 1024;
    match endpoint {
        "profile_upload_photo" => UploadSlot::Photo.max_bytes() + ENVELOPE,
        "profile_upload_cv" => UploadSlot::Cv.max_bytes() + ENVELOPE,
        "profile_upload_attestation" => UploadSlot::Attestation.max_bytes() + ENVELOPE,
        _ => 256 * 1024,
    }
}

pub fn policy(path: &str) -> Option<Access> {
    let endpoint = path.strip_prefix(API_PREFIX)?;
    SERVER_FNS
        .iter()
        .find(|(name, _)| *name == endpoint)
        .map(|(_, access)| *access)
}

fn refuse(err: AppError) -> Response {
    let status = StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    // The same encoding as errors returned by the server functions themselves.
    let body = leptos::server_fn::error::FromServerFnError::ser(&err);
    (status, [("content-type", "application/json")], body).into_response()
}

/// Middleware on `/api/`: applies [`SERVER_FNS`] before any server function runs.
pub async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if !req.uri().path().starts_with(API_PREFIX) {
        return next.run(req).await;
    }
    let Some(access) = policy(req.uri().path()) else {
        return refuse(AppError::NotFound);
    };
    // Body limits before anything reads the body: a declared length over the limit is
    // refused at once, and a body that turns out longer stops being read at the limit.
    let limit = body_limit(&req.uri().path()[API_PREFIX.len()..]);
    let declared = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return refuse(AppError::TooLarge(format!(
            "La requête dépasse la taille maximale acceptée ({} Mo).",
            limit.div_ceil(1024 * 1024)
        )));
    }
    let mut req = req.map(|body| axum::body::Body::new(http_body_util::Limited::new(body, limit)));
    if access == Access::Public {
        return next.run(req).await;
    }
    let Some(session) = req.extensions().get::<Session>().cloned() else {
        tracing::error!("session layer missing in front of the API");
        return refuse(AppError::Internal);
    };
    let user = match session::current_user(&session, &state.pool).await {
        Ok(Some(user)) => user,
        Ok(None) => return refuse(AppError::Unauthorized),
        Err(err) => return refuse(err),
    };
    if let Access::Role(role) = access {
        if user.role != role {
            return refuse(AppError::Forbidden);
        }
    }
    req.extensions_mut().insert(user);
    next.run(req).await
}

fn request_parts() -> Result<Parts, AppError> {
    leptos::prelude::use_context::<Parts>().ok_or_else(|| {
        tracing::error!("request parts missing from the reactive context");
        AppError::Internal
    })
}

/// The session of the current request.
pub fn current_session() -> Result<Session, AppError> {
    request_parts()?
        .extensions
        .get::<Session>()
        .cloned()
        .ok_or(AppError::Internal)
}

/// The caller, if signed in.
pub async fn caller() -> Result<Option<CurrentUser>, AppError> {
    let parts = request_parts()?;
    if let Some(user) = parts.extensions.get::<CurrentUser>() {
        return Ok(Some(user.clone()));
    }
    let session = parts
        .extensions
        .get::<Session>()
        .cloned()
        .ok_or(AppError::Internal)?;
    session::current_user(&session, &app_state()?.pool).await
}

/// The caller, who must be signed in (401 otherwise).
pub async fn require_user() -> Result<CurrentUser, AppError> {
    caller().await?.ok_or(AppError::Unauthorized)
}

/// The caller, who must be signed in with `role` (403 otherwise).
pub async fn require_role(role: Role) -> Result<CurrentUser, AppError> {
    let user = require_user().await?;
    if user.role == role {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The client's IP address (see [`client_ip::client_ip`]).
pub fn caller_ip() -> Result<IpAddr, AppError> {
    let parts = request_parts()?;
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip())
        .ok_or_else(|| {
            tracing::error!(
                "connection info missing: serve with into_make_service_with_connect_info"
            );
            AppError::Internal
        })?;
    Ok(client_ip::client_ip(
        peer,
        &parts.headers,
        &app_state()?.config.trusted_proxies,
    ))
}
