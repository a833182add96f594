//! A published expert's private values reach nobody they were not proposed to. The
//! expert is published the real way (editor, uploads, review) with a distinctive value
//! in every private field; every page of the app and every server function is then
//! called anonymously and as a client to whom the profile was not proposed, and no
//! answer may contain any of those values. A client to whom it was proposed sees them,
//! which shows the values are real.

use crate::common::TestApp;
use crate::projects::published_expert_with;
use serde_json::json;

/// Typed into the private fields, each distinctive enough to be searched for.
const SECRETS: [&str; 14] = [
    "Zyqwarsky",
    "11 22 33 44",
    "9 impasse Cachée",
    "73282932000074",
    "732 829 320 00074",
    "FR44732829320",
    "987,65",
    "987.65",
    "Mission Quetzalcoatl",
    "Secteur Xylophage",
    "Description Wampum",
    "Oksana Référente",
    "Société Vrillette",
    "vrillette@exemple.fr",
];

fn private_draft() -> serde_json::Value {
    json!({
        "phone": "06 11 22 33 44",
        "postal_address": "9 impasse Cachée, 69002 Lyon",
        "siret": "732 829 320 00074",
        "vat_number": "FR44732829320",
        "mobility": "01, 42",
        "experiences": [{
            "title": "Mission Quetzalcoatl", "sector": "Secteur Xylophage",
            "started_on": "2019-03-01", "ended_on": "2021-06-30",
            "description": "Description Wampum",
        }],
        "references": [{
            "name": "Oksana Référente", "company": "Société Vrillette",
            "contact": "vrillette@exemple.fr",
        }],
    })
}

async fn body(res: reqwest::Response) -> String {
    res.text().await.unwrap_or_default()
}

/// Every page of the app (ids filled in) and every server function, called by `who`.
async fn scan(app: &TestApp, who: &reqwest::Client, expert: &str, skip_auth: bool) -> usize {
    let mut answers = Vec::new();
    for route in b2bizen::server::http::routes() {
        let path = route
            .path()
            .split('/')
            .map(|part| {
                if part.starts_with(':') || part.starts_with('{') {
                    expert
                } else {
                    part
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        let path = if path.is_empty() {
            "/".to_string()
        } else {
            path
        };
        assert!(
            !path.contains(['{', ':']),
            "a route parameter left in {path}"
        );
        let res = who
            .get(format!("{}{path}", app.base_url))
            .send()
            .await
            .unwrap();
        answers.push((path, body(res).await));
    }
    for (path, method) in leptos::server_fn::axum::server_fn_paths() {
        if skip_auth && path.starts_with("/api/auth_") {
            continue; // signing out the client would end the scan's session
        }
        let url = format!("{}{path}", app.base_url);
        for query in [vec![], vec![("id", expert)]] {
            let res = match method.as_str() {
                "GET" => who.get(&url).query(&query).send().await.unwrap(),
                _ => who.post(&url).form(&query).send().await.unwrap(),
            };
            answers.push((format!("{method} {path} {query:?}"), body(res).await));
        }
    }
    for (what, text) in &answers {
        for secret in SECRETS {
            assert!(!text.contains(secret), "{what} reveals « {secret} »");
        }
    }
    answers.len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn private_values_reach_only_clients_the_profile_was_proposed_to() {
    let app = TestApp::spawn().await;
    let admin = app.admin("admin@b2bizen.fr").await;
    published_expert_with(
        &app,
        &admin,
        "zyqwarsky.prive@exemple.fr",
        "Zyqwarsky",
        "69",
        "987,65",
        private_draft(),
    )
    .await;
    let (expert, cv, attestation): (String, String, String) = sqlx::query_as(
        "SELECT id::text, cv_key, attestation_key FROM experts WHERE last_name = 'Zyqwarsky'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();

    // The public card is there, and nothing private with it.
    let card = body(app.get(&format!("/experts/{expert}")).await).await;
    assert!(card.contains("Camille"), "the public card is shown");
    for secret in SECRETS {
        assert!(!card.contains(secret), "the card page reveals « {secret} »");
    }

    let anonymous = TestApp::browser(&app.base_url);
    let scanned = scan(&app, &anonymous, &expert, false).await;
    let stranger = app.client_company("achats@autre.fr", "Autre").await;
    let scanned_as_client = scan(&app, &stranger, &expert, true).await;
    assert!(
        scanned > 40 && scanned_as_client > 40,
        "only {scanned} and {scanned_as_client} answers scanned"
    );
    // Nor the addresses of the private files.
    for key in [&cv, &attestation] {
        for who in [&anonymous, &stranger] {
            let res = who
                .get(format!("{}/fichiers/{key}", app.base_url))
                .send()
                .await
                .unwrap();
            assert!(matches!(res.status().as_u16(), 401 | 403), "{key}");
        }
    }

    // Proposed to a client: that client sees the values (so the scan looked for real ones).
    let client = app.client_company("achats@acme.fr", "Acme").await;
    let project: String = sqlx::query_scalar(
        "INSERT INTO projects (title, domain_id, status, client_account_id)
         SELECT 'Audit', d.id, 'open', a.id FROM domains d, accounts a
          WHERE d.slug = 'finance' AND a.email = 'achats@acme.fr' RETURNING id::text",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    sqlx::query("INSERT INTO proposals (project_id, expert_id) VALUES ($1::uuid, $2::uuid)")
        .bind(&project)
        .bind(&expert)
        .execute(&app.pool)
        .await
        .unwrap();
    let dossier = body(
        app.call_as(&client, "project_client_view", &[("id", &project)])
            .await,
    )
    .await;
    for shown in [
        "Zyqwarsky",
        "9 impasse Cachée",
        "Mission Quetzalcoatl",
        "Société Vrillette",
    ] {
        assert!(
            dossier.contains(shown),
            "the proposed client misses « {shown} »"
        );
    }
}
