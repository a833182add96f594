//! The real app over real HTTP, on a real PostgreSQL.

use crate::common::TestApp;

async fn seed(app: &TestApp) {
    sqlx::query(
        "INSERT INTO experts (first_name, departement_code, status, published_at, attestation_issued_on)
         VALUES
            ('Léa', '75', 'published', now(), current_date - 10),
            ('Hugo', '75', 'published', now(), current_date - 10),
            ('Chloé', '2B', 'published', now(), current_date - 10),
            ('Louis', '13', 'draft', NULL, current_date - 10),
            ('Emma', '974', 'submitted', NULL, current_date - 10)",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO projects (title, domain_id, status) VALUES
            ('Audit RGPD', (SELECT id FROM domains WHERE slug = 'juridique'), 'open'),
            ('Refonte site', (SELECT id FROM domains WHERE slug = 'informatique'), 'open'),
            ('Plan RSE', (SELECT id FROM domains WHERE slug = 'rse'), 'draft')",
    )
    .execute(&app.pool)
    .await
    .unwrap();
}

fn testid_text<'a>(html: &'a str, id: &str) -> &'a str {
    let marker = format!("data-testid=\"stat-{id}\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("{marker} not in page"));
    let after = &html[start..];
    let open = after.find('>').unwrap() + 1;
    let close = after[open..].find('<').unwrap();
    after[open..open + close].trim()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn home_page_is_server_rendered_in_french_with_live_figures() {
    let app = TestApp::spawn().await;
    seed(&app).await;
    let res = app.get("/").await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("<html lang=\"fr\""), "{html}");
    assert!(html.contains("Pour les consultants, experts et TPE"));
    assert!(html.contains("Pour les entreprises"));
    assert!(html.contains("/pkg/b2bizen.js"), "hydration script missing");
    assert_eq!(testid_text(&html, "published-experts"), "3");
    assert_eq!(testid_text(&html, "open-projects"), "2");
    assert_eq!(testid_text(&html, "departements"), "2");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_function_answers_over_http_from_postgres() {
    let app = TestApp::spawn().await;
    let empty: serde_json::Value = app.get("/api/platform_stats").await.json().await.unwrap();
    assert_eq!(empty["published_experts"], 0);
    seed(&app).await;
    let res = app.get("/api/platform_stats").await;
    assert_eq!(res.status(), 200);
    let stats: serde_json::Value = res.json().await.unwrap();
    assert_eq!(stats["published_experts"], 3);
    assert_eq!(stats["open_projects"], 2);
    assert_eq!(stats["departements_covered"], 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn database_failure_gives_a_503_without_internals() {
    let app = TestApp::spawn().await;
    app.pool.close().await;
    let res = app.get("/api/platform_stats").await;
    assert_eq!(res.status(), 503);
    let body = res.text().await.unwrap();
    assert!(
        !body.to_lowercase().contains("pool"),
        "internals leaked: {body}"
    );
    let err: b2bizen::error::AppError = serde_json::from_str(&body).unwrap();
    assert_eq!(err, b2bizen::error::AppError::Unavailable);
    assert!(err.to_string().contains("momentanément indisponible"));
    assert_eq!(app.get("/healthz").await.status(), 503);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_paths_get_a_french_404_page() {
    let app = TestApp::spawn().await;
    let res = app.get("/nulle-part").await;
    assert_eq!(res.status(), 404);
    let html = res.text().await.unwrap();
    assert!(html.contains("Page introuvable"));
    assert!(html.contains("Revenir à l&#x27;accueil") || html.contains("Revenir à l'accueil"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_check_and_security_headers() {
    let app = TestApp::spawn().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), 200);
    let res = app.get("/").await;
    let headers = res.headers();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert!(headers.contains_key("referrer-policy"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reference_data_is_complete() {
    let app = TestApp::spawn().await;
    let (departements, overseas): (i64, i64) =
        sqlx::query_as("SELECT count(*), count(*) FILTER (WHERE overseas) FROM departements")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((departements, overseas), (101, 5));
    // Every stored code parses with the shared domain type, and vice versa.
    let codes: Vec<String> = sqlx::query_scalar("SELECT code FROM departements")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    for code in &codes {
        let parsed = b2bizen::domain::departement::DepartementCode::parse(code).unwrap();
        assert_eq!(parsed.as_str(), code);
    }
    let domains: i64 = sqlx::query_scalar("SELECT count(*) FROM domains WHERE active")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(domains >= 12);
}
