//! The one error type that crosses the wire between server functions and the UI.
//!
//! Every variant carries a status code and what went wrong as data: a fixed kind, or a
//! [`Problem`] for what the user can fix. The text is rendered in the page's language
//! (`locales/*/errors.json`, `locales/*/problems.json`). Internal details (SQL, I/O,
//! panics) are logged on the server and never sent.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

pub use crate::domain::problem::Problem;

/// On the wire externally tagged (`"not_found"`, `{"validation":{"name_required":…}}`):
/// serde reads that form in one pass, where a tag beside its content is read twice (in
/// either order), which doubled the code of every error reader in the WASM bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppError {
    /// Input that does not parse; the problem says what to fix.
    Validation(Problem),
    /// A request that is not what a form or the app sends (malformed JSON, bad UTF-8,
    /// a body cut short): nothing was changed.
    BadRequest(Problem),
    /// The client took too long to send its request.
    RequestTimeout,
    /// A request body (an upload) over its limit; the problem gives the limit.
    TooLarge(Problem),
    Unauthorized,
    /// Sign-in refused. The same answer for an unknown e-mail and a wrong password.
    BadCredentials,
    /// A single-use link that was already used, has expired or never existed.
    InvalidLink,
    Forbidden,
    NotFound,
    RateLimited,
    /// The service is momentarily unable to answer (database down, network).
    Unavailable,
    /// Anything else. The cause stays in the server logs.
    Internal,
}

impl std::error::Error for AppError {}

/// In the page's language, so that `err.to_string()` shows what the user reads.
impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(crate::ui::text::current_lang()))
    }
}

impl AppError {
    /// The HTTP status code that goes with this error.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Validation(_) => 422,
            AppError::BadRequest(_) => 400,
            AppError::RequestTimeout => 408,
            AppError::TooLarge(_) => 413,
            AppError::Unauthorized | AppError::BadCredentials => 401,
            AppError::InvalidLink => 410,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::RateLimited => 429,
            AppError::Unavailable => 503,
            AppError::Internal => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The browser could not reach the server at all.
            ServerFnErrorErr::Request(_) => AppError::Unavailable,
            // What a form or the app never sends: malformed JSON, bad UTF-8, a missing
            // field. One line in the log, a 400 for the caller.
            ServerFnErrorErr::Args(detail)
            | ServerFnErrorErr::MissingArg(detail)
            | ServerFnErrorErr::Deserialization(detail) => {
                #[cfg(feature = "ssr")]
                {
                    tracing::info!(error = %detail, "malformed server function call");
                    crate::api::set_error_status(400);
                }
                let _ = detail;
                AppError::BadRequest(Problem::RequestMalformed)
            }
            other => {
                #[cfg(feature = "ssr")]
                tracing::error!(error = %other, "server function failed");
                #[cfg(not(feature = "ssr"))]
                let _ = other;
                AppError::Internal
            }
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::RowNotFound => AppError::NotFound,
            sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed => {
                tracing::error!(error = %err, "database unavailable");
                AppError::Unavailable
            }
            other => {
                tracing::error!(error = %other, "database error");
                AppError::Internal
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The form tests/server/ssr_resources.rs looks for in a page's resources.
    #[test]
    fn errors_travel_externally_tagged() {
        let failed: Result<(), AppError> = Err(AppError::Internal);
        assert_eq!(
            serde_json::to_string(&failed).unwrap(),
            r#"{"Err":"internal"}"#
        );
        let refused = AppError::TooLarge(Problem::RequestTooLarge { max_mb: 5 });
        let wire = serde_json::to_string(&refused).unwrap();
        assert_eq!(wire, r#"{"too_large":{"request_too_large":{"max_mb":5}}}"#);
        assert_eq!(serde_json::from_str::<AppError>(&wire).unwrap(), refused);
    }

    #[test]
    fn statuses_follow_http_meaning() {
        let expected = [
            (AppError::Validation(Problem::EmailRequired), 422),
            (AppError::BadRequest(Problem::RequestMalformed), 400),
            (AppError::RequestTimeout, 408),
            (
                AppError::TooLarge(Problem::RequestTooLarge { max_mb: 1 }),
                413,
            ),
            (AppError::Unauthorized, 401),
            (AppError::BadCredentials, 401),
            (AppError::InvalidLink, 410),
            (AppError::Forbidden, 403),
            (AppError::NotFound, 404),
            (AppError::RateLimited, 429),
            (AppError::Unavailable, 503),
            (AppError::Internal, 500),
        ];
        for (err, status) in expected {
            assert_eq!(err.status(), status, "{err:?}");
        }
    }

    #[test]
    fn wire_format_round_trips_and_keeps_internals_out() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::ServerError(
            "relation \"experts\" does not exist".into(),
        ));
        let bytes = err.ser();
        let text = String::from_utf8(bytes.to_vec()).unwrap();
        assert!(!text.contains("relation"), "internals leaked: {text}");
        assert_eq!(AppError::de(bytes), AppError::Internal);
        let err = AppError::Validation(Problem::NameTooLong {
            field: crate::domain::problem::NameField::FirstName,
            max: 80,
        });
        assert_eq!(AppError::de(err.ser()), err);
    }
}
