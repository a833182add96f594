//! Access control in one place.
//!
//! [`SERVER_FNS`] says, for every server function, who may call it and how large its
//! request may be. The [`guard`] middleware enforces it before the function even parses
//! its arguments (unknown endpoints are refused); the functions themselves get the
//! caller they act for through [`user`] or [`visitor`] (or [`allow`] when they act for
//! nobody in particular), which apply the same rule from
//! the same table — so a server function called in-process during server rendering,
//! where no middleware runs, is checked exactly as over HTTP. No server function states
//! its own rule.

use axum::extract::{ConnectInfo, Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::server_fn::ServerFn;
use std::net::{IpAddr, SocketAddr};
use tower_sessions::Session;

use crate::domain::account::Role;
use crate::domain::session::CurrentUser;
use crate::domain::upload::UploadSlot;
use crate::error::{AppError, Problem};
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

/// One server function: its endpoint, who may call it, and the largest request body it
/// accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerFnRule {
    pub endpoint: &'static str,
    pub access: Access,
    pub body_limit: usize,
}

/// Room for the multipart envelope around an uploaded file.
const ENVELOPE: usize = 64 * 1024;
/// Every request that is not an upload: forms and JSON.
const SMALL_BODY: usize = 256 * 1024;

impl ServerFnRule {
    const fn new(endpoint: &'static str, access: Access) -> Self {
        Self {
            endpoint,
            access,
            body_limit: SMALL_BODY,
        }
    }

    /// An upload: the slot's file cap plus the envelope.
    const fn upload(endpoint: &'static str, access: Access, slot: UploadSlot) -> Self {
        Self {
            endpoint,
            access,
            body_limit: slot.max_bytes() + ENVELOPE,
        }
    }
}

mod table;

pub use table::SERVER_FNS;

/// The rule of the endpoint at `path` (`/api/<endpoint>`).
pub fn rule(path: &str) -> Option<&'static ServerFnRule> {
    let endpoint = path.strip_prefix(API_PREFIX)?;
    SERVER_FNS.iter().find(|rule| rule.endpoint == endpoint)
}

pub fn policy(path: &str) -> Option<Access> {
    rule(path).map(|rule| rule.access)
}

pub(crate) fn refuse(err: AppError) -> Response {
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
    let Some(&ServerFnRule {
        access, body_limit, ..
    }) = rule(req.uri().path())
    else {
        return refuse(AppError::NotFound);
    };
    // Body limits before anything reads the body: a declared length over the limit is
    // refused at once, and a body that turns out longer stops being read at the limit.
    let limit = body_limit;
    let declared = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return refuse(too_large(limit));
    }
    let mut req = match read_body(req, limit).await {
        Ok(req) => req,
        Err(err) => return refuse(err),
    };
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
    if let Err(err) = check(access, Some(&user)) {
        return refuse(err);
    }
    req.extensions_mut().insert(user);
    next.run(req).await
}

/// Uploads stream through a cap (their handler reads them piece by piece); every other
/// body is small and read here whole, so that one that is too long, or too slow, gets a
/// clear 413 or 408 instead of a deserialisation failure deep in the server function.
async fn read_body(req: Request, limit: usize) -> Result<Request, AppError> {
    let multipart = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/"));
    if multipart {
        return Ok(req.map(|body| axum::body::Body::new(http_body_util::Limited::new(body, limit))));
    }
    use http_body_util::BodyExt;
    let (parts, mut body) = req.into_parts();
    let mut bytes = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|err| body_error(&err, limit))?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        if bytes.len() + data.len() > limit {
            drain(body).await;
            return Err(too_large(limit));
        }
        bytes.extend_from_slice(&data);
    }
    Ok(Request::from_parts(parts, axum::body::Body::from(bytes)))
}

/// Reads and drops what is left of a refused body (1 MiB and 2 s at most) before the 413
/// is sent: closing a connection with unread data makes the kernel reset it, and the
/// client then sees a broken pipe instead of the answer.
async fn drain(mut body: axum::body::Body) {
    use http_body_util::BodyExt;
    const DRAIN_BYTES: usize = 1024 * 1024;
    let _ = tokio::time::timeout(std::time::Duration::from_secs(2), async move {
        let mut drained = 0;
        while let Some(Ok(frame)) = body.frame().await {
            drained += frame.data_ref().map_or(0, |d| d.len());
            if drained > DRAIN_BYTES {
                break;
            }
        }
    })
    .await;
}

fn body_error(err: &axum::Error, limit: usize) -> AppError {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(current) = cause {
        if current.is::<http_body_util::LengthLimitError>() {
            return too_large(limit);
        }
        if current.is::<tower_http::timeout::TimeoutError>() {
            return AppError::RequestTimeout;
        }
        cause = current.source();
    }
    tracing::info!(error = %err, "request body unreadable");
    AppError::BadRequest(Problem::RequestInterrupted)
}

fn too_large(limit: usize) -> AppError {
    AppError::TooLarge(Problem::RequestTooLarge {
        max_mb: limit.div_ceil(1024 * 1024),
    })
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

/// The caller, if signed in, whatever the endpoint (see [`user`] and [`visitor`]).
async fn caller() -> Result<Option<CurrentUser>, AppError> {
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

/// Whether `user` may call an endpoint whose rule is `access`.
fn check(access: Access, user: Option<&CurrentUser>) -> Result<(), AppError> {
    match (access, user) {
        (Access::Public, _) => Ok(()),
        (_, None) => Err(AppError::Unauthorized),
        (Access::Role(role), Some(user)) if user.role != role => Err(AppError::Forbidden),
        (Access::SignedIn | Access::Role(_), Some(_)) => Ok(()),
    }
}

/// The rule of server function `F`, from [`SERVER_FNS`].
fn rule_of<F: ServerFn>() -> Result<Access, AppError> {
    policy(F::PATH).ok_or_else(|| {
        tracing::error!(
            endpoint = F::PATH,
            "server function missing from SERVER_FNS"
        );
        AppError::Internal
    })
}

/// The caller of server function `F`, checked against its rule in [`SERVER_FNS`]:
/// 401 when it needs a signed-in caller, 403 when the caller's role is not the rule's.
/// For endpoints open to signed-in accounts or to one role.
pub async fn user<F: ServerFn>() -> Result<CurrentUser, AppError> {
    let rule = rule_of::<F>()?;
    if rule == Access::Public {
        // A public endpoint that needs a caller says so in the table, not here.
        tracing::error!(endpoint = F::PATH, "access::user on a public endpoint");
        return Err(AppError::Internal);
    }
    let user = caller().await?;
    check(rule, user.as_ref())?;
    user.ok_or(AppError::Unauthorized)
}

/// Applies the rule of server function `F` for a function that does not need to know
/// its caller: nothing is looked up while the rule is [`Access::Public`].
pub async fn allow<F: ServerFn>() -> Result<(), AppError> {
    match rule_of::<F>()? {
        Access::Public => Ok(()),
        rule => check(rule, caller().await?.as_ref()),
    }
}

/// The caller of public server function `F`, if signed in; its rule is still checked
/// (an endpoint moved out of [`Access::Public`] is then refused to visitors here too).
pub async fn visitor<F: ServerFn>() -> Result<Option<CurrentUser>, AppError> {
    let rule = rule_of::<F>()?;
    let user = caller().await?;
    check(rule, user.as_ref())?;
    Ok(user)
}

/// The caller's browser as it names itself, cut to a sensible length (for the
/// signature evidence).
pub fn caller_user_agent() -> Result<String, AppError> {
    let parts = request_parts()?;
    Ok(parts
        .headers
        .get(axum::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .chars()
        .take(300)
        .collect())
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
