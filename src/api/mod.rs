//! Server functions: thin wrappers that parse input, check access and call `server`.
//! One file per feature. Types they exchange live in `domain`.

pub mod admin;
pub mod auth;
pub mod directory;
pub mod notifications;
pub mod profile;
pub mod projects;
pub mod reference;
pub mod review;
pub mod stats;

/// Sets the HTTP status of a failed server function call from its [`AppError`].
#[cfg(feature = "ssr")]
pub(crate) fn respond<T>(
    result: Result<T, crate::error::AppError>,
) -> Result<T, crate::error::AppError> {
    if let Err(err) = &result {
        if let Some(options) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            options.set_status(
                axum::http::StatusCode::from_u16(err.status())
                    .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR),
            );
        }
    }
    result
}
