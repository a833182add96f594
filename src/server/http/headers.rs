//! Security headers on every answer, and no caching of anything personal.
//!
//! Pages carry their own Content-Security-Policy with the nonce of their inline scripts
//! (set by the HTML shell, see [`page_policy`]); any other answer gets the strict
//! [`DEFAULT_POLICY`], so that a file or an error page opened directly runs nothing.

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use crate::server::state::AppState;

/// Answers that are not pages: nothing may run, nothing may embed them.
pub const DEFAULT_POLICY: &str = "default-src 'none'; img-src 'self'; style-src 'self'; \
    frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// A page's policy: its own scripts, the WASM front end, and inline scripts only when
/// they carry this response's nonce (the hydration and resource scripts Leptos writes).
/// An injected `<script>` has no nonce and does not run.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Browser features the product never uses, refused to any script that would ask.
const PERMISSIONS_POLICY: &str =
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

const HSTS: &str = "max-age=31536000; includeSubDomains";

fn set_default(response: &mut Response, name: HeaderName, value: &'static str) {
    response
        .headers_mut()
        .entry(name)
        .or_insert(HeaderValue::from_static(value));
}

/// Whether an answer may hold personal data: every page (the header names the signed-in
/// person) and every server function's answer. Static files and public photos say
/// their own caching.
fn personal(path: &str, response: &Response) -> bool {
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    html || path.starts_with(crate::server::auth::access::API_PREFIX)
}

pub async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let mut response = next.run(req).await;
    set_default(
        &mut response,
        header::CONTENT_SECURITY_POLICY,
        DEFAULT_POLICY,
    );
    set_default(&mut response, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set_default(&mut response, header::X_FRAME_OPTIONS, "DENY");
    set_default(
        &mut response,
        header::REFERRER_POLICY,
        "strict-origin-when-cross-origin",
    );
    set_default(
        &mut response,
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set_default(
        &mut response,
        HeaderName::from_static("permissions-policy"),
        PERMISSIONS_POLICY,
    );
    if state.config.public_url.starts_with("https://") {
        set_default(&mut response, header::STRICT_TRANSPORT_SECURITY, HSTS);
    }
    if personal(&path, &response) {
        // Not `if_not_present`: a page never wants a shared cache to keep it.
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
        // Pages and answers speak the language of the `lang` cookie, else of
        // `Accept-Language`: a cache that keeps one must key it on both.
        response.headers_mut().append(
            header::VARY,
            HeaderValue::from_static("Cookie, Accept-Language"),
        );
    }
    response
}
