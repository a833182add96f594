//! Projects over real HTTP: the wizard's draft resumed elsewhere, submission, matching
//! kept in sync with publications, notices sent once, applications, admin proposals and
//! the client's view of proposed dossiers only.

use crate::common::{error_of, TestApp, PASSWORD, PDF};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

fn today() -> chrono::NaiveDate {
    b2bizen::server::clock::today()
}

/// An expert published through the real path: editor, uploads, submission, approval.
async fn published_expert(
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
async fn wizard_draft_is_resumed_on_another_device_and_checked_on_submission() {
    let app = TestApp::spawn().await;
    let client = app.client_company("achats@acme.fr", "Acme").await;
    let first = wizard(&app, &client).await;
    let id = first["id"].as_str().unwrap().to_string();
    let mut half = project_draft();
    half["budget"] = json!("");
    let body = json!({ "id": id, "step": 3, "draft": half });
    assert_eq!(
        app.call_json(&client, "project_save_draft", &body)
            .await
            .status(),
        200
    );

    // Another device: a new session of the same account.
    let other = TestApp::browser(&app.base_url);
    app.call_as(
        &other,
        "auth_sign_in",
        &[("email", "achats@acme.fr"), ("password", PASSWORD)],
    )
    .await;
    let resumed = wizard(&app, &other).await;
    assert_eq!(resumed["id"], id.as_str());
    assert_eq!(resumed["step"], 3);
    assert_eq!(resumed["draft"]["title"], "Refonte de la trésorerie");

    let (status, err) = error_of(app.call_as(&other, "project_submit", &[("id", &id)]).await).await;
    assert_eq!(status, 422);
    assert!(err.to_string().contains("étape « Budget »"), "{err}");

    // Someone else's draft is out of reach.
    let intruder = app.client_company("intrus@exemple.fr", "Intrus").await;
    assert_eq!(
        app.call_json(&intruder, "project_save_draft", &body)
            .await
            .status(),
        404
    );
    let expert = app.provider("expert@exemple.fr").await;
    assert_eq!(
        app.call_json(&expert, "project_save_draft", &body)
            .await
            .status(),
        403
    );
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

/// Saves `draft` at `step` as a new project of `client`; returns its id.
async fn saved_draft(app: &TestApp, client: &reqwest::Client, step: u8, draft: Value) -> String {
    let id = wizard(app, client).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let body = json!({ "id": id, "step": step, "draft": draft });
    assert_eq!(
        app.call_json(client, "project_save_draft", &body)
            .await
            .status(),
        200
    );
    id
}

/// Saves `draft` as a new project of `client` and submits it.
async fn submit(app: &TestApp, client: &reqwest::Client, draft: Value) -> reqwest::Response {
    let id = saved_draft(app, client, 5, draft).await;
    app.call_as(client, "project_submit", &[("id", &id)]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn submissions_need_a_confirmed_address_and_notices_are_capped_per_client() {
    let app = TestApp::spawn().await;
    let admin = app.admin("admin@b2bizen.fr").await;
    published_expert(&app, &admin, "a@exemple.fr", "Aubertin", "69", "700").await;
    app.wait_all_indexed().await;
    let notices = || async {
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM outbox WHERE recipient = 'a@exemple.fr'
               AND subject = 'Un projet dans votre domaine'",
        )
        .fetch_one(&app.pool)
        .await
        .unwrap();
        n
    };

    // Signed up and in, the confirmation link not followed: no publication.
    let form = [
        ("company_name", "Appels Surtaxés"),
        ("siret", "732 829 320 00074"),
        ("contact_first_name", "Nora"),
        ("contact_last_name", "Durand"),
        ("email", "spam@exemple.fr"),
        ("password", PASSWORD),
    ];
    assert_eq!(app.call("auth_sign_up_client", &form).await.status(), 200);
    let unconfirmed = TestApp::browser(&app.base_url);
    let res = app
        .call_as(
            &unconfirmed,
            "auth_sign_in",
            &[("email", "spam@exemple.fr"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 200);
    let mut spam = project_draft();
    spam["title"] = json!("Appelez le 08 99 00 00 00");
    let (status, err) = error_of(submit(&app, &unconfirmed, spam.clone()).await).await;
    assert_eq!(status, 422);
    assert!(err.to_string().contains("Confirmez"), "{err}");
    assert_eq!(notices().await, 0);

    // Confirmed: the first projects of the day reach the expert, the next ones are
    // published without a notice, even on retry.
    let client = app.client_company("achats@acme.fr", "Acme").await;
    let cap = b2bizen::server::project::NOTICED_PROJECTS_PER_CLIENT_PER_DAY;
    let mut projects = Vec::new();
    for i in 0..5 {
        let res = submit(&app, &client, spam.clone()).await;
        assert_eq!(res.status(), 200, "project {i}");
        projects.push(res.json::<String>().await.unwrap());
        assert_eq!(notices().await, (i + 1).min(cap), "after project {i}");
    }
    b2bizen::server::project::retry_notices(&app.state)
        .await
        .unwrap();
    assert_eq!(notices().await, cap);
    let open: i64 = sqlx::query_scalar("SELECT count(*) FROM projects WHERE status = 'open'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(open, 5, "published all the same");
    // Another client's project is not held up.
    let other = app.client_company("rh@globex.fr", "Globex").await;
    assert_eq!(submit(&app, &other, project_draft()).await.status(), 200);
    assert_eq!(notices().await, cap + 1);

    // Submissions per day: five. The window is a calendar day (UTC): should one begin
    // meanwhile, the next five go through.
    let mut refused = None;
    for _ in 0..6 {
        let res = submit(&app, &client, project_draft()).await;
        if res.status() != 200 {
            refused = Some(error_of(res).await);
            break;
        }
    }
    let (status, err) = refused.expect("eleven projects a day accepted");
    assert_eq!(status, 429);
    assert!(err.to_string().contains("patienter"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opening_the_wizard_writes_nothing_the_first_save_does() {
    let app = TestApp::spawn().await;
    let client = app.client_company("achats@acme.fr", "Acme").await;
    let drafts = || async {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM project_drafts")
            .fetch_one(&app.pool)
            .await
            .unwrap();
        n
    };
    let first = wizard(&app, &client).await;
    let again = wizard(&app, &client).await;
    assert_eq!(drafts().await, 0, "a GET created a draft");
    // The page itself, rendered on the server, does not either.
    let page = client
        .get(format!("{}/mes-projets/nouveau", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(drafts().await, 0, "the wizard's page created a draft");
    assert_ne!(
        first["id"], again["id"],
        "nothing saved yet: a fresh id each time"
    );

    // The first save creates it; the wizard then resumes it.
    let id = first["id"].as_str().unwrap().to_string();
    let body = json!({ "id": id, "step": 5, "draft": project_draft() });
    assert_eq!(
        app.call_json(&client, "project_save_draft", &body)
            .await
            .status(),
        200
    );
    assert_eq!(drafts().await, 1);
    assert_eq!(wizard(&app, &client).await["id"], id.as_str());

    // Submitted, it cannot come back through a late save.
    let res = app.call_as(&client, "project_submit", &[("id", &id)]).await;
    assert_eq!(res.status(), 200);
    let (status, err) = error_of(app.call_json(&client, "project_save_draft", &body).await).await;
    assert_eq!(status, 422);
    assert!(err.to_string().contains("déjà publié"), "{err}");
    assert_eq!(drafts().await, 0);
    // Nor can another client take its id.
    let other = app.client_company("rh@globex.fr", "Globex").await;
    assert_eq!(
        app.call_json(&other, "project_save_draft", &body)
            .await
            .status(),
        404
    );

    // Drafts created by saves are bounded.
    for _ in 0..20 {
        let body = json!({ "id": uuid::Uuid::new_v4(), "step": 0, "draft": {} });
        assert_eq!(
            app.call_json(&client, "project_save_draft", &body)
                .await
                .status(),
            200
        );
    }
    let body = json!({ "id": uuid::Uuid::new_v4(), "step": 0, "draft": {} });
    let (status, err) = error_of(app.call_json(&client, "project_save_draft", &body).await).await;
    assert_eq!(status, 422);
    assert!(err.to_string().contains("20 brouillons"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_field_of_the_project_draft_is_bounded_before_it_is_stored() {
    let app = TestApp::spawn().await;
    let client = app.client_company("achats@acme.fr", "Acme").await;
    let id = saved_draft(&app, &client, 2, project_draft()).await;
    let huge = "x".repeat(200_000);
    for (field, value, label) in [
        ("budget", json!(huge), "Budget global"),
        ("start_date", json!(huge), "Date de début"),
        ("level", json!(huge), "Niveau attendu"),
        ("title", json!(huge), "Titre du projet"),
    ] {
        let mut draft = project_draft();
        draft[field] = value;
        let body = json!({ "id": id, "step": 3, "draft": draft });
        let (status, err) =
            error_of(app.call_json(&client, "project_save_draft", &body).await).await;
        assert_eq!(status, 422, "{field}");
        let message = err.to_string();
        assert!(
            message.contains(label) && message.contains("au plus"),
            "{message}"
        );
    }
    // A contact format is one of the offered ones or the request is malformed.
    let mut draft = project_draft();
    draft["contact_formats"] = json!([huge]);
    let body = json!({ "id": id, "step": 3, "draft": draft });
    let res = app.call_json(&client, "project_save_draft", &body).await;
    assert_eq!(res.status(), 400);
    let resumed = wizard(&app, &client).await;
    assert_eq!(resumed["step"], 2, "nothing stored");
    assert_eq!(resumed["draft"]["budget"], "16000");
}
