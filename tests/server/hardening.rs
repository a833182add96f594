//! What an attacker probing the server from outside tries: markup in the `<head>`,
//! pages without a script policy, cached private answers, malformed or oversized bodies,
//! and clients that send their request slowly to hold connections.

use crate::common::{error_of, TestApp};
use b2bizen::error::AppError;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const XSS_NAME: &str = "Bruno</title><script>alert(document.domain)</script>";

/// A published card whose first name was stored before names were checked (or by any
/// other path): the page must still not let it out of its text.
async fn card_with_name(app: &TestApp, first_name: &str) -> uuid::Uuid {
    sqlx::query_scalar(
        "INSERT INTO experts (first_name, departement_code, status, published_at, attestation_issued_on)
         VALUES ($1, '75', 'published', now(), current_date - 10) RETURNING id",
    )
    .bind(first_name)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

fn head(html: &str) -> &str {
    &html[..html.find("</head>").expect("a head")]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_name_with_markup_stays_text_in_the_title_and_meta_tags() {
    let app = TestApp::spawn().await;
    let id = card_with_name(&app, XSS_NAME).await;
    let res = app.get(&format!("/experts/{id}")).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    let head = head(&html);
    assert!(
        !head.contains("<script>alert"),
        "the name ran as a script in the head: {head}"
    );
    assert_eq!(head.matches("<title>").count(), 1, "{head}");
    assert!(
        head.contains("<title>Bruno&lt;/title&gt;&lt;script&gt;alert(document.domain)&lt;/script&gt; – expert · B2BiZen</title>"),
        "{head}"
    );
    let meta = &head[head
        .find("<meta name=\"description\"")
        .expect("a description")..];
    let meta = &meta[..meta.find('>').unwrap()];
    assert!(!meta.contains("<script"), "{meta}");
    assert!(!html.contains("<script>alert"), "the name ran as a script");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn names_with_markup_or_hidden_characters_are_refused_at_sign_up() {
    let app = TestApp::spawn().await;
    for name in [XSS_NAME, "Bru\u{202E}no"] {
        let res = app
            .call(
                "auth_sign_up_provider",
                &[
                    ("kind", "expert"),
                    ("first_name", name),
                    ("last_name", "Martin"),
                    ("email", "bruno@exemple.fr"),
                    ("password", crate::common::PASSWORD),
                ],
            )
            .await;
        let (status, err) = error_of(res).await;
        assert_eq!(status, 422, "{name:?}");
        assert!(matches!(err, AppError::Validation(_)) && err.to_string().contains("Le prénom"));
    }
    let accounts: i64 = sqlx::query_scalar("SELECT count(*) FROM accounts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(accounts, 0);
}

/// The nonce of the page's policy, and that every inline script of the page carries it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_allow_only_their_own_scripts() {
    let app = TestApp::spawn().await;
    let id = card_with_name(&app, "Léa").await;
    for path in ["/".to_string(), "/experts".into(), format!("/experts/{id}")] {
        let res = app.get(&path).await;
        let policy = res.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string();
        let nonce = policy
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .unwrap_or_else(|| panic!("{path}: no nonce in {policy}"))
            .to_string();
        assert!(nonce.len() >= 16, "{nonce}");
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        assert!(policy.contains("object-src 'none'"), "{policy}");
        let html = res.text().await.unwrap();
        let scripts: Vec<&str> = html.split("<script").skip(1).collect();
        assert!(!scripts.is_empty(), "{path}: no script");
        for script in scripts {
            let tag = &script[..script.find('>').unwrap()];
            assert!(
                tag.contains(&format!("nonce=\"{nonce}\"")),
                "{path}: a script without the nonce: <script{tag}>"
            );
        }
        // A new nonce for every answer.
        let again = app.get(&path).await.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string();
        assert_ne!(again, policy);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_carry_the_security_headers_and_private_ones_are_not_cached() {
    let app = TestApp::spawn().await;
    let page = app.get("/").await;
    let h = page.headers();
    assert_eq!(h["cross-origin-opener-policy"], "same-origin");
    assert!(h["permissions-policy"]
        .to_str()
        .unwrap()
        .contains("camera=()"));
    assert_eq!(h["cache-control"], "private, no-store");
    assert!(!h.contains_key("strict-transport-security"), "HSTS on http");
    let api = app.get("/api/auth_whoami").await;
    assert_eq!(api.headers()["cache-control"], "private, no-store");
    assert!(api.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .starts_with("default-src 'none'"));

    let https = TestApp::spawn_with(&[("PUBLIC_URL", "https://b2bizen.example")]).await;
    let res = https.get("/healthz").await;
    assert!(res.headers()["strict-transport-security"]
        .to_str()
        .unwrap()
        .contains("max-age="));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_bodies_get_400_and_oversized_ones_413() {
    let app = TestApp::spawn().await;
    let url = format!("{}/api/auth_sign_in", app.base_url);
    // Bytes that are not UTF-8, in a form and in JSON.
    let res = app
        .client
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(b"email=\xFF\xFE\xFD&password=x".to_vec())
        .send()
        .await
        .unwrap();
    let (status, err) = error_of(res).await;
    assert_eq!(status, 400, "{err:?}");
    assert!(matches!(err, AppError::BadRequest(_)) && err.to_string().contains("mal formée"));
    let expert = app.provider("json@exemple.fr").await;
    let res = expert
        .post(format!("{}/api/profile_save", app.base_url))
        .header("content-type", "application/json")
        .body(b"{\"draft\": {\"first_name\": \"\xFF\xFE\"}}".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(res).await.0, 400);
    // Malformed JSON to a server function that takes JSON.
    let res = expert
        .post(format!("{}/api/profile_save", app.base_url))
        .header("content-type", "application/json")
        .body("{\"draft\": {\"first_name\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(res).await.0, 400);
    // A chunked body (no length declared) longer than the endpoint's limit.
    let chunks = (0..40).map(|_| Ok::<_, std::io::Error>(vec![b'a'; 16 * 1024]));
    let res = app
        .client
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(reqwest::Body::wrap_stream(futures::stream::iter(chunks)))
        .send()
        .await
        .unwrap();
    let (status, err) = error_of(res).await;
    assert_eq!(status, 413, "{err:?}");
}

async fn raw_connection(app: &TestApp) -> tokio::net::TcpStream {
    let addr = app.base_url.trim_start_matches("http://");
    tokio::net::TcpStream::connect(addr).await.unwrap()
}

/// Reads until the server closes the connection; `None` if it is still open after `wait`.
async fn read_until_closed(stream: &mut tokio::net::TcpStream, wait: Duration) -> Option<String> {
    let mut received = Vec::new();
    let read = tokio::time::timeout(wait, stream.read_to_end(&mut received)).await;
    match read {
        Ok(_) => Some(String::from_utf8_lossy(&received).into_owned()),
        Err(_) => None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_trickles_its_headers_is_disconnected() {
    let app = TestApp::spawn_with(&[("SLOW_CLIENT_TIMEOUT_SECS", "1")]).await;
    let mut stream = raw_connection(&app).await;
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
        .await
        .unwrap();
    // The rest of the headers never comes.
    let closed = read_until_closed(&mut stream, Duration::from_secs(6)).await;
    assert!(
        closed.is_some(),
        "the connection was still open 6 s after a 1 s header timeout"
    );
    // Others are still served.
    assert_eq!(app.get("/healthz").await.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_that_stops_arriving_gets_408() {
    let app = TestApp::spawn_with(&[("SLOW_CLIENT_TIMEOUT_SECS", "1")]).await;
    let mut stream = raw_connection(&app).await;
    let host = app.base_url.trim_start_matches("http://");
    let request = format!(
        "POST /api/auth_sign_in HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\nemail=a",
        app.base_url
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let answer = read_until_closed(&mut stream, Duration::from_secs(6))
        .await
        .expect("an answer within 6 s of a 1 s body timeout");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
}
