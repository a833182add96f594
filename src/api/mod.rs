//! Server functions: thin wrappers that parse input, check access and call `server`.
//! One file per feature as users meet it (`admin.rs`: the admins' accounts and mailbox;
//! `project.rs`: projects from the wizard to the proposals). Types they exchange live in
//! `domain`.

pub mod account;
pub mod admin;
pub mod auth;
pub mod billing;
pub mod chat;
pub mod contract;
pub mod directory;
pub mod lang;
pub mod notification;
pub mod profile;
pub mod project;
pub mod quote;
pub mod reference;
pub mod review;
pub mod selection;
pub mod stats;

/// An entity's id read from a request: one that does not parse names nothing, so 404.
#[cfg(feature = "ssr")]
pub(crate) fn entity_id<Id: std::str::FromStr>(id: &str) -> Result<Id, crate::error::AppError> {
    id.parse().map_err(|_| crate::error::AppError::NotFound)
}

/// Sets the HTTP status of a failed server function call from its [`AppError`].
#[cfg(feature = "ssr")]
pub(crate) fn respond<T>(
    result: Result<T, crate::error::AppError>,
) -> Result<T, crate::error::AppError> {
    if let Err(err) = &result {
        set_error_status(err.status());
    }
    result
}

/// Sets the status of a failed call's answer.
///
/// Not for a plain HTML form posted without JavaScript: server functions answer it with
/// a redirect back to the form, the error encoded in the address so the page shows it,
/// and a browser only follows that redirect if the status stays a 3xx.
#[cfg(feature = "ssr")]
pub(crate) fn set_error_status(status: u16) {
    use leptos::prelude::use_context;
    if let (false, Some(options)) = (
        is_form_post(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) {
        options.set_status(
            axum::http::StatusCode::from_u16(status)
                .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR),
        );
    }
}

/// Whether the call being served is a plain HTML form posted without JavaScript: its
/// answer is a redirect, so the page it lands on must show the outcome.
#[cfg(feature = "ssr")]
pub(crate) fn is_form_post() -> bool {
    use leptos::prelude::use_context;
    use_context::<axum::http::request::Parts>().is_some_and(|parts| {
        parts
            .uri
            .path()
            .starts_with(crate::server::auth::access::API_PREFIX)
            && parts
                .headers
                .get(axum::http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"))
    })
}
