//! The project wizard over real HTTP: a draft resumed on another device, a GET that writes
//! nothing, every field bounded, and submissions from confirmed addresses only, capped per
//! client with their notices.

use crate::common::{error_of, TestApp, PASSWORD};
use crate::projects::{project_draft, published_expert, wizard};
use serde_json::{json, Value};

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

/// Saves `draft` at `step` as a new project of `client`; returns its id.
pub(crate) async fn saved_draft(
    app: &TestApp,
    client: &reqwest::Client,
    step: u8,
    draft: Value,
) -> String {
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
