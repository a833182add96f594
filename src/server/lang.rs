//! The visitor's language on the server: read from the request, kept in a cookie, and
//! stored on the account for the mails it receives.

use axum::http::header::{HeaderValue, ACCEPT_LANGUAGE, COOKIE};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use sqlx::PgPool;

use crate::domain::id::AccountId;
use crate::domain::lang::{self, Lang};
use crate::error::AppError;

/// The language a request asks for: its `lang` cookie, else `Accept-Language`, else French.
pub fn of_headers(headers: &HeaderMap) -> Lang {
    let cookie = headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(|header| lang::cookie_value(header, lang::COOKIE));
    let accept = headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok());
    Lang::for_visitor(cookie, accept)
}

/// The language of the request being served (French outside a request).
pub fn of_request() -> Lang {
    leptos::prelude::use_context::<Parts>()
        .map(|parts| of_headers(&parts.headers))
        .unwrap_or_default()
}

/// The `Set-Cookie` value that keeps the choice a year. Not a secret: readable by the
/// page is harmless, but nothing in the page needs it (the page has `<html lang>`).
pub fn cookie(lang: Lang, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let value = format!(
        "{}={}; Path=/; Max-Age={}; SameSite=Lax; HttpOnly{secure}",
        lang::COOKIE,
        lang.code(),
        lang::COOKIE_MAX_AGE_SECONDS
    );
    HeaderValue::from_str(&value).expect("an ASCII cookie")
}

/// Sets the language cookie on the answer being built (a server function's).
pub fn remember(lang: Lang, secure: bool) {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.append_header(axum::http::header::SET_COOKIE, cookie(lang, secure));
    }
}

/// The account's language: it follows its owner to every device they sign in on.
pub async fn of_account(pool: &PgPool, account: AccountId) -> Result<Lang, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT language AS "language: Lang" FROM accounts WHERE id = $1"#,
        account as AccountId
    )
    .fetch_one(pool)
    .await?)
}

/// Keeps the account's choice, for the mails it will receive.
pub async fn store(pool: &PgPool, account: AccountId, lang: Lang) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE accounts SET language = $2 WHERE id = $1",
        account as AccountId,
        lang as Lang,
    )
    .execute(pool)
    .await?;
    Ok(())
}
