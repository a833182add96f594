//! Cross-site request refusal for every state-changing request.
//!
//! Browsers say where a request comes from (`Origin`, `Sec-Fetch-Site`); a POST whose
//! origin is not this site is refused with 403 before any handler runs. Together with
//! `SameSite=Lax` session cookies this closes cross-site request forgery.

use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::server::state::AppState;

pub async fn refuse_cross_site(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    if headers
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"cross-site"))
    {
        return forbidden(headers);
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("null");
        let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
        if !same_origin(origin, host, &state.config.public_url) {
            return forbidden(headers);
        }
    }
    next.run(req).await
}

/// The origin must name this site, scheme included (`https://host` is another origin
/// than `http://host`): its public URL, or the host the request was sent to under the
/// public URL's scheme (a site reached by several names, such as 127.0.0.1 and localhost).
fn same_origin(origin: &str, host: Option<&str>, public_url: &str) -> bool {
    if origin.eq_ignore_ascii_case(public_url) {
        return true;
    }
    let Some((scheme, _)) = public_url.split_once("://") else {
        return false;
    };
    let origin_host = origin
        .split_once("://")
        .filter(|(s, _)| s.eq_ignore_ascii_case(scheme))
        .map(|(_, h)| h);
    matches!((origin_host, host), (Some(o), Some(h)) if o.eq_ignore_ascii_case(h))
}

/// In the language the request asks for: it may be a person behind a stale form.
fn forbidden(headers: &axum::http::HeaderMap) -> Response {
    let lang = crate::server::lang::of_headers(headers);
    (StatusCode::FORBIDDEN, tr_in!(lang, errors.cross_site)).into_response()
}

#[cfg(test)]
mod tests {
    use super::same_origin;

    #[test]
    fn origins() {
        let public = "https://b2bizen.fr";
        assert!(same_origin("https://b2bizen.fr", None, public));
        assert!(same_origin("HTTPS://B2BiZen.fr", None, public));
        assert!(same_origin(
            "https://www.b2bizen.fr",
            Some("www.b2bizen.fr"),
            public
        ));
        assert!(same_origin(
            "http://127.0.0.1:3000",
            Some("127.0.0.1:3000"),
            "http://localhost:3000"
        ));
        assert!(!same_origin(
            "https://evil.example",
            Some("b2bizen.fr"),
            public
        ));
        assert!(!same_origin("null", Some("b2bizen.fr"), public));
        assert!(!same_origin(
            "https://b2bizen.fr.evil.example",
            Some("b2bizen.fr"),
            public
        ));
    }

    #[test]
    fn the_scheme_is_part_of_the_origin() {
        assert!(!same_origin(
            "https://127.0.0.1:3000",
            Some("127.0.0.1:3000"),
            "http://127.0.0.1:3000"
        ));
        assert!(!same_origin(
            "http://b2bizen.fr",
            Some("b2bizen.fr"),
            "https://b2bizen.fr"
        ));
        assert!(!same_origin(
            "ftp://127.0.0.1:3000",
            Some("127.0.0.1:3000"),
            "http://127.0.0.1:3000"
        ));
    }
}
