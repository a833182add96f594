//! Projects over real HTTP: the wizard's draft resumed elsewhere, submission, matching
//! kept in sync with publications, notices sent once, applications, admin proposals and
//! the client's view of proposed dossiers only.

use crate::common::{error_of, TestApp, PDF};
use crate::project_drafts::saved_draft;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

fn today() -> chrono::NaiveDate {
    b2bizen::server::clock::today()
}

/// An expert published through the real path: editor, uploads, submission, approval.
pub(crate) async fn published_expert(
    app: &TestApp,
    admin: &reqwest::Client,
    email: &str,
    last_name: &str,
    departement: &str,
    rate: &str,
) -> reqwest::Client {
    published_expert_with(app, admin, email, last_name, departement, rate, json!({})).await
}

/// The same, with `extra` fields of the draft set or replaced.
pub(crate) async fn published_expert_with(
    app: &TestApp,
    admin: &reqwest::Client,
    email: &str,
    last_name: &str,
    departement: &str,
    rate: &str,
    extra: Value,
) -> reqwest::Client {
    let expert = app.provider(email).await;
    let mut draft = json!({ "draft": {
        "first_name": "Camille", "last_name": last_name, "departement": departement,
        "years_experience": "12", "domains": ["finance"],
        "languages": [{ "code": "fr", "level": "Native" }, { "code": "en", "level": "C1" }],
        "phone": "06 98 76 54 32", "postal_address": "1 rue Privée, Lyon",
        "legal_form": "SASU", "siret": "73282932000074", "daily_rate": rate,
        "available_from": today().to_string(),
        "skills": [{ "slug": "tresorerie", "years": "8" }, { "slug": "controle-gestion", "years": "5" }],
        "attestation_issued_on": (today() - chrono::Duration::days(10)).to_string(),
    }});
    for (key, value) in extra.as_object().expect("an object") {
        draft["draft"][key] = value.clone();
    }
    assert_eq!(
        app.call_json(&expert, "profile_save", &draft)
            .await
            .status(),
        200
    );
    for slot in ["attestation", "cv"] {
        let res = app
            .upload(
                &expert,
                &format!("profile_upload_{slot}"),
                PDF.to_vec(),
                "f.pdf",
            )
            .await;
        assert_eq!(res.status(), 200);
    }
    assert_eq!(
        app.call_as(&expert, "profile_submit", &[]).await.status(),
        200
    );
    let id: i64 = sqlx::query_scalar(
        "SELECT s.id FROM profile_submissions s JOIN accounts a ON a.id = s.account_id
         WHERE a.email = $1 AND s.decision IS NULL",
    )
    .bind(email)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let res = app
        .call_as(
            admin,
            "review_decide",
            &[
                ("id", &id.to_string()),
                ("decision", "approved"),
                ("message", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    expert
}

pub(crate) fn project_draft() -> Value {
    json!({
        "title": "Refonte de la trésorerie",
        "description": "Nous cherchons un expert pour revoir nos prévisions de trésorerie.",
        "domain": "finance",
        "required_skills": ["tresorerie"],
        "optional_skills": ["controle-gestion"],
        "level": "senior",
        "languages": [{ "code": "en", "level": "B2" }],
        "remote": false,
        "places": "69",
        "start_date": (today() + chrono::Duration::days(30)).to_string(),
        "duration_days": "20",
        "budget_mode": "global",
        "budget": "16000",
        "contact_formats": ["video", "phone"],
        "confidential": true,
    })
}

pub(crate) async fn wizard(app: &TestApp, client: &reqwest::Client) -> Value {
    app.get_json(client, "/api/project_wizard").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn from_submission_to_proposed_dossiers() {
    let app = TestApp::spawn().await;
    let admin = app.admin("admin@b2bizen.fr").await;
    let a = published_expert(&app, &admin, "a@exemple.fr", "Aubertin", "69", "700").await;
    let _b = published_expert(&app, &admin, "b@exemple.fr", "Bellanger", "69", "750").await;
    let _c = published_expert(&app, &admin, "c@exemple.fr", "Castellane", "69", "790").await;
    let quiet = published_expert(&app, &admin, "d@exemple.fr", "Dumoulin", "69", "720").await;
    assert_eq!(
        app.call_as(&quiet, "settings_project_alerts", &[("enabled", "false")])
            .await
            .status(),
        200
    );
    let alerts = app
        .get_json(&quiet, "/api/settings_project_alerts_get")
        .await;
    assert_eq!(alerts, Value::Bool(false));
    assert_eq!(
        app.get_json(&admin, "/api/settings_project_alerts_get")
            .await,
        Value::Null,
        "not a provider: no setting"
    );
    // Notices go to the experts in the index when the project is submitted.
    app.wait_all_indexed().await;
    let deadline = Instant::now() + Duration::from_secs(5);

    let client = app.client_company("achats@acme.fr", "Acme").await;
    let id = saved_draft(&app, &client, 5, project_draft()).await;
    let res = app.call_as(&client, "project_submit", &[("id", &id)]).await;
    assert_eq!(res.status(), 200);
    let project: String = res.json().await.unwrap();

    // The admin sees the four ranked candidates with an explanation per criterion.
    let mut view: Value;
    loop {
        view = admin
            .get(format!(
                "{}/api/admin_candidates?id={project}",
                app.base_url
            ))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if view["candidates"].as_array().unwrap().len() == 4 || Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let candidates = view["candidates"].as_array().unwrap();
    assert_eq!(
        candidates.len(),
        4,
        "every published expert matched: {view}"
    );
    assert_eq!(
        candidates[0]["score"]["criteria"].as_array().unwrap().len(),
        6
    );
    // Each was published through a review: the admin can open its full dossier there.
    for c in candidates {
        assert!(c["dossier"].is_u64(), "no dossier to open: {c}");
        assert_eq!(c["demo"], false);
    }

    // Notices: once, and not to the expert who turned them off.
    let notices: Vec<String> = sqlx::query_scalar(
        "SELECT recipient FROM outbox WHERE subject = 'Un projet dans votre domaine' ORDER BY recipient",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(notices, ["a@exemple.fr", "b@exemple.fr", "c@exemple.fr"]);

    // An expert sees the project (company hidden: confidential) and applies once.
    let open: Value = app.get_json(&a, "/api/projects_for_expert").await;
    assert_eq!(open[0]["project"]["title"], "Refonte de la trésorerie");
    assert_eq!(open[0]["project"]["company"], Value::Null);
    assert!(open[0]["score"]["total"].as_u64().unwrap() > 0);
    // An expert not yet published is told so (no list), and cannot apply.
    let newcomer = app.provider("nouveau@exemple.fr").await;
    assert_eq!(
        app.get_json(&newcomer, "/api/projects_for_expert").await,
        Value::Null
    );
    let refused = app
        .call_as(
            &newcomer,
            "project_apply",
            &[("id", &project), ("message", "Je suis disponible")],
        )
        .await;
    assert_eq!(refused.status(), 422);
    assert_eq!(
        app.call_as(
            &a,
            "project_apply",
            &[("id", &project), ("message", "Disponible dès lundi")]
        )
        .await
        .status(),
        200
    );
    let (status, _) = error_of(
        app.call_as(
            &a,
            "project_apply",
            &[("id", &project), ("message", "Encore")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);

    // The admin proposes three; the fourth stays hidden from the client.
    let ids: Vec<String> = candidates
        .iter()
        .map(|c| c["expert_id"].as_str().unwrap().to_string())
        .collect();
    let last_names: Vec<String> = sqlx::query_scalar("SELECT last_name FROM experts WHERE id::text = ANY($1) ORDER BY array_position($1, id::text)")
        .bind(&ids)
        .fetch_all(&app.pool)
        .await
        .unwrap();
    let picks = json!({ "id": project, "picks": [[ids[0], "Très bon profil"], [ids[1], ""], [ids[2], ""]] });
    let res = app.call_json(&admin, "admin_propose", &picks).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<usize>().await.unwrap(), 3);
    let proposed_mails: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM outbox WHERE subject = 'Votre profil a été proposé à un client'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(proposed_mails, 3);

    let res = app
        .call_as(&client, "project_client_view", &[("id", &project)])
        .await;
    assert_eq!(res.status(), 200);
    let text = res.text().await.unwrap();
    for shown in &last_names[..3] {
        assert!(
            text.contains(shown.as_str()),
            "{shown} proposed but not shown"
        );
    }
    assert!(
        !text.contains(last_names[3].as_str()),
        "a non-proposed expert's private fields reached the client"
    );
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["proposals"][0]["note"], "Très bon profil");
    let logged: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM dossier_views WHERE kind = 'project' AND project_id IS NOT NULL",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(logged, 3);

    // CV: the client gets the proposed experts' ones only.
    let cv_of = |name: String| {
        let pool = app.pool.clone();
        async move {
            let key: String = sqlx::query_scalar("SELECT cv_key FROM experts WHERE last_name = $1")
                .bind(name)
                .fetch_one(&pool)
                .await
                .unwrap();
            format!("/fichiers/{key}")
        }
    };
    let proposed_cv = cv_of(last_names[0].clone()).await;
    let hidden_cv = cv_of(last_names[3].clone()).await;
    let get = |url: String| client.get(format!("{}{url}", app.base_url)).send();
    assert_eq!(get(proposed_cv).await.unwrap().status(), 200);
    assert_eq!(get(hidden_cv).await.unwrap().status(), 403);

    // Another client cannot open this project.
    let other = app.client_company("autre@exemple.fr", "Autre").await;
    assert_eq!(
        app.call_as(&other, "project_client_view", &[("id", &project)])
            .await
            .status(),
        404
    );

    // Notices are sent once per expert and project, however often matching runs.
    let project_id: b2bizen::domain::id::ProjectId = project.parse().unwrap();
    let again = b2bizen::server::project::send_notices(&app.state, project_id)
        .await
        .unwrap();
    assert_eq!(again, 0, "nobody is told twice");
    let state_notices: i64 = sqlx::query_scalar("SELECT count(*) FROM project_notices")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(state_notices, 3);
    let mails: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM outbox WHERE subject = 'Un projet dans votre domaine'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(mails, 3);
}
