//! Background work: one LISTEN connection per process, nothing missed when it drops, and
//! publications reaching every process's matching index.

use crate::common::{TestApp, PASSWORD};
use crate::projects::{project_draft, published_expert, wizard};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

async fn listener_pids(app: &TestApp) -> Vec<i32> {
    sqlx::query_scalar(
        "SELECT pid FROM pg_stat_activity
         WHERE datname = current_database() AND query LIKE 'LISTEN%'",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

/// A change whose notification was lost while the listener was disconnected still
/// reaches the matching index: after reconnecting, the index is rebuilt.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_shared_listener_reconnects_and_catches_up() {
    let app = TestApp::spawn().await;
    let pids = listener_pids(&app).await;
    assert_eq!(pids.len(), 1, "one LISTEN connection per process: {pids:?}");
    // Written without pg_notify, as if its notification had been sent while down.
    let missed: b2bizen::domain::id::ExpertId = sqlx::query_scalar(
        "INSERT INTO experts (first_name, departement_code, status, published_at,
             attestation_issued_on)
         VALUES ('Noémie', '69', 'published', now(), current_date - 10) RETURNING id",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    sqlx::query("INSERT INTO expert_domains (expert_id, domain_id) SELECT $1, id FROM domains WHERE slug = 'finance'")
        .bind(missed)
        .execute(&app.pool)
        .await
        .unwrap();
    assert!(app.state.matching_facts(missed).is_none());
    sqlx::query("SELECT pg_terminate_backend($1)")
        .bind(pids[0])
        .execute(&app.pool)
        .await
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(15);
    while app.state.matching_facts(missed).is_none() {
        assert!(
            Instant::now() < deadline,
            "the index did not catch up after the listener reconnected"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Listening again, on one connection, and notifications flow again.
    let again = listener_pids(&app).await;
    assert_eq!(again.len(), 1, "{again:?}");
    assert_ne!(again[0], pids[0]);
    sqlx::query("UPDATE experts SET status = 'draft' WHERE id = $1")
        .bind(missed)
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("SELECT pg_notify('experts_changed', $1)")
        .bind(missed.to_string())
        .execute(&app.pool)
        .await
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.state.matching_facts(missed).is_some() {
        assert!(
            Instant::now() < deadline,
            "a notification after reconnection was lost"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_publication_reaches_matching_in_another_process_within_a_second() {
    let app = TestApp::spawn().await;
    let other = app.second_server().await;
    let admin = app.admin("admin@b2bizen.fr").await;
    let admin_elsewhere = TestApp::browser(&other.base_url);
    let res = other
        .call_as(
            &admin_elsewhere,
            "auth_sign_in",
            &[("email", "admin@b2bizen.fr"), ("password", PASSWORD)],
        )
        .await;
    assert!(res.status().is_success() || res.status().is_redirection());
    let client = app.client_company("achats@acme.fr", "Acme").await;
    let id = wizard(&app, &client).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let body = json!({ "id": id, "step": 5, "draft": project_draft() });
    app.call_json(&client, "project_save_draft", &body).await;
    let project: String = app
        .call_as(&client, "project_submit", &[("id", &id)])
        .await
        .json()
        .await
        .unwrap();
    let candidates = |server: &TestApp, who: &reqwest::Client| {
        let url = format!("{}/api/admin_candidates?id={project}", server.base_url);
        let who = who.clone();
        async move {
            let v: Value = who.get(url).send().await.unwrap().json().await.unwrap();
            v["candidates"].as_array().unwrap().len()
        }
    };
    assert_eq!(candidates(&other, &admin_elsewhere).await, 0);

    // Published through the first server; the second one's index follows.
    published_expert(&app, &admin, "a@exemple.fr", "Aubertin", "69", "700").await;
    let published = Instant::now();
    loop {
        if candidates(&other, &admin_elsewhere).await == 1 {
            break;
        }
        assert!(
            published.elapsed() < Duration::from_secs(1),
            "not visible to matching after 1 s"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
