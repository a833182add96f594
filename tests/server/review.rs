//! Review before publication, the published version kept during re-review, access to a
//! proposed dossier, the access log, and the attestation reminder job.

use crate::common::{error_of, TestApp, PDF};
use serde_json::{json, Value};

fn draft(first_name: &str, issued: chrono::NaiveDate) -> Value {
    json!({ "draft": {
        "first_name": first_name, "last_name": "Zyxwvutsrq", "departement": "69",
        "years_experience": "12", "domains": ["finance"],
        "languages": [{ "code": "fr", "level": "Native" }],
        "phone": "06 98 76 54 32", "postal_address": "17 rue Secrète, 69002 Lyon",
        "legal_form": "SASU", "siret": "73282932000074", "daily_rate": "777",
        "skills": [{ "slug": "tresorerie", "years": "8" }],
        "attestation_issued_on": issued.to_string(),
    }})
}

fn today() -> chrono::NaiveDate {
    b2bizen::server::clock::today()
}

pub(crate) async fn ready_expert(app: &TestApp, email: &str, first_name: &str) -> reqwest::Client {
    let expert = app.provider(email).await;
    let issued = today() - chrono::Duration::days(10);
    assert_eq!(
        app.call_json(&expert, "profile_save", &draft(first_name, issued))
            .await
            .status(),
        200
    );
    let res = app
        .upload(&expert, "profile_upload_attestation", PDF.to_vec(), "a.pdf")
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .upload(&expert, "profile_upload_cv", PDF.to_vec(), "cv.pdf")
        .await;
    assert_eq!(res.status(), 200);
    expert
}

pub(crate) async fn pending_id(app: &TestApp, admin: &reqwest::Client) -> i64 {
    let queue: Value = app.get_json(admin, "/api/review_queue").await;
    queue[0]["submission_id"]
        .as_i64()
        .expect("a pending submission")
}

/// Submits the expert's saved draft and has the admin approve it.
pub(crate) async fn submit_and_approve(
    app: &TestApp,
    expert: &reqwest::Client,
    admin: &reqwest::Client,
) {
    assert_eq!(
        app.call_as(expert, "profile_submit", &[]).await.status(),
        200
    );
    let id = pending_id(app, admin).await.to_string();
    let form = [
        ("id", id.as_str()),
        ("decision", "approved"),
        ("message", ""),
    ];
    assert_eq!(
        app.call_as(admin, "review_decide", &form).await.status(),
        200
    );
}

async fn directory_names(app: &TestApp) -> Vec<String> {
    let res = reqwest::get(format!(
        "{}/api/directory_search?query[domain]=finance&query[page]=1",
        app.base_url
    ))
    .await
    .unwrap();
    assert_eq!(res.status(), 200);
    let page: Value = res.json().await.unwrap();
    page["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["first_name"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn review_loop_publishes_and_keeps_the_published_version_during_re_review() {
    let app = TestApp::spawn().await;
    let expert = ready_expert(&app, "camille@exemple.fr", "Camille").await;
    let admin = app.admin("admin@b2bizen.fr").await;
    assert_eq!(
        app.call_as(&expert, "profile_submit", &[]).await.status(),
        200
    );
    let (status, _) = error_of(app.call_as(&expert, "profile_submit", &[]).await).await;
    assert_eq!(status, 422, "one pending submission at a time");

    let id = pending_id(&app, &admin).await;
    // The queue shows the same completeness as the expert's meter.
    let editor: b2bizen::domain::review::EditorData =
        serde_json::from_value(app.get_json(&expert, "/api/profile_editor").await).unwrap();
    let queue = app.get_json(&admin, "/api/review_queue").await;
    assert_eq!(
        queue[0]["completeness"],
        u64::from(
            editor.draft.completeness(
                &editor.files,
                &editor
                    .draft
                    .problems(&editor.refs, editor.today.parse().unwrap())
            )
        )
    );
    assert!(queue[0]["completeness"].as_u64().unwrap() > 50);
    let opened: Value = app
        .call_as(&admin, "review_open", &[("id", &id.to_string())])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(opened["dossier"]["last_name"], "Zyxwvutsrq");
    assert_eq!(opened["attestation"]["state"], "valid");

    // A message is required to request changes.
    let (status, _) = error_of(
        app.call_as(
            &admin,
            "review_decide",
            &[
                ("id", &id.to_string()),
                ("decision", "changes_requested"),
                ("message", " "),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    let res = app
        .call_as(
            &admin,
            "review_decide",
            &[
                ("id", &id.to_string()),
                ("decision", "changes_requested"),
                ("message", "Précisez votre formation"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let (subject, body) = app.last_mail_to("camille@exemple.fr").await;
    assert!(subject.contains("modifications"), "{subject}");
    assert!(body.contains("Précisez votre formation") && body.contains("/profil"));
    let data: Value = app.get_json(&expert, "/api/profile_editor").await;
    assert_eq!(data["state"]["state"], "changes_requested");
    assert_eq!(data["state"]["message"], "Précisez votre formation");
    assert_eq!(
        (&data["views"][0]["viewer"], &data["views"][0]["kind"]),
        (&serde_json::Value::Null, &serde_json::json!("review")),
        "the admin's view is logged, as the team's"
    );
    assert!(directory_names(&app).await.is_empty(), "not published yet");

    let mut fixed = draft("Camille", today() - chrono::Duration::days(10));
    fixed["draft"]["education"] = json!("Master CCA");
    assert_eq!(
        app.call_json(&expert, "profile_save", &fixed)
            .await
            .status(),
        200
    );
    assert_eq!(
        app.call_as(&expert, "profile_submit", &[]).await.status(),
        200
    );
    let id2 = pending_id(&app, &admin).await;
    assert_ne!(id, id2);
    let res = app
        .call_as(
            &admin,
            "review_decide",
            &[
                ("id", &id2.to_string()),
                ("decision", "approved"),
                ("message", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        app.last_mail_to("camille@exemple.fr").await.0,
        "Votre profil est publié"
    );
    assert_eq!(directory_names(&app).await, ["Camille"]);
    let (status, _) = error_of(
        app.call_as(
            &admin,
            "review_decide",
            &[
                ("id", &id2.to_string()),
                ("decision", "rejected"),
                ("message", "x"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422, "decided once");

    // An edit of the published profile goes back to review; the directory keeps the
    // published version until the admin decides.
    let renamed = draft("Camilla", today() - chrono::Duration::days(10));
    assert_eq!(
        app.call_json(&expert, "profile_save", &renamed)
            .await
            .status(),
        200
    );
    assert_eq!(
        app.call_as(&expert, "profile_submit", &[]).await.status(),
        200
    );
    let data: Value = app.get_json(&expert, "/api/profile_editor").await;
    assert_eq!(
        data["state"],
        json!({ "state": "pending", "published": true })
    );
    assert_eq!(directory_names(&app).await, ["Camille"]);
    let id3 = pending_id(&app, &admin).await;
    app.call_as(
        &admin,
        "review_decide",
        &[
            ("id", &id3.to_string()),
            ("decision", "approved"),
            ("message", ""),
        ],
    )
    .await;
    assert_eq!(directory_names(&app).await, ["Camilla"]);
    let history: Value = app.get_json(&expert, "/api/profile_editor").await;
    assert_eq!(history["history"].as_array().unwrap().len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn submission_needs_a_valid_attestation() {
    let app = TestApp::spawn().await;
    let expert = ready_expert(&app, "camille@exemple.fr", "Camille").await;
    let old = draft("Camille", today() - chrono::Duration::days(200));
    assert_eq!(
        app.call_json(&expert, "profile_save", &old).await.status(),
        200
    );
    let (status, err) = error_of(app.call_as(&expert, "profile_submit", &[]).await).await;
    assert_eq!(status, 422);
    assert!(err.to_string().contains("expirée"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proposed_client_gets_the_cv_and_the_view_is_logged() {
    let app = TestApp::spawn().await;
    let expert = ready_expert(&app, "camille@exemple.fr", "Camille").await;
    let admin = app.admin("admin@b2bizen.fr").await;
    submit_and_approve(&app, &expert, &admin).await;
    let data: Value = app.get_json(&expert, "/api/profile_editor").await;
    let cv = data["files"]["cv"]["url"].as_str().unwrap().to_string();
    let company = app.client_company("achats@acme.fr", "Acme").await;
    let url = format!("{}{cv}", app.base_url);
    assert_eq!(company.get(&url).send().await.unwrap().status(), 403);

    let client_id: uuid::Uuid =
        sqlx::query_scalar("SELECT id FROM accounts WHERE email = 'achats@acme.fr'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let project: uuid::Uuid = sqlx::query_scalar(
        "INSERT INTO projects (title, domain_id, status, client_account_id)
         VALUES ('Audit', (SELECT id FROM domains WHERE slug = 'finance'), 'open', $1) RETURNING id",
    )
    .bind(client_id).fetch_one(&app.pool).await.unwrap();
    sqlx::query("INSERT INTO proposals (project_id, expert_id) SELECT $1, id FROM experts")
        .bind(project)
        .execute(&app.pool)
        .await
        .unwrap();
    let res = company.get(&url).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "private, no-store");
    // A second download right after is the same consultation.
    assert_eq!(company.get(&url).send().await.unwrap().status(), 200);
    let data: Value = app.get_json(&expert, "/api/profile_editor").await;
    assert_eq!(data["views"][0]["viewer"], "Acme");
    assert_eq!(data["views"][0]["kind"], "cv_download");
    assert_eq!(data["views"].as_array().unwrap().len(), 1, "{data}");

    // A CV only in the draft (not reviewed, not published) is not the client's to read.
    let res = app
        .upload(&expert, "profile_upload_cv", PDF.to_vec(), "nouveau.pdf")
        .await;
    let draft_cv = res.json::<Value>().await.unwrap()["url"]
        .as_str()
        .unwrap()
        .to_string();
    let draft_url = format!("{}{draft_cv}", app.base_url);
    assert_eq!(company.get(&draft_url).send().await.unwrap().status(), 403);
    assert_eq!(company.get(&url).send().await.unwrap().status(), 200);
    // Nor is anything once the proposal is declined.
    sqlx::query("UPDATE proposals SET state = 'declined'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(company.get(&url).send().await.unwrap().status(), 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attestation_reminder_is_sent_once_fifteen_days_before_expiry() {
    use b2bizen::domain::eligibility::{attestation_valid_until, reminder_due_on};
    use b2bizen::server::eligibility::send_reminders;
    let app = TestApp::spawn().await;
    let expert = ready_expert(&app, "camille@exemple.fr", "Camille").await;
    let admin = app.admin("admin@b2bizen.fr").await;
    submit_and_approve(&app, &expert, &admin).await;
    let issued: chrono::NaiveDate = sqlx::query_scalar("SELECT attestation_issued_on FROM experts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let due = reminder_due_on(issued);
    let url = &app.base_url;
    assert_eq!(
        send_reminders(&app.pool, url, due - chrono::Duration::days(1))
            .await
            .unwrap(),
        0
    );
    assert_eq!(send_reminders(&app.pool, url, due).await.unwrap(), 1);
    assert_eq!(
        send_reminders(&app.pool, url, due + chrono::Duration::days(1))
            .await
            .unwrap(),
        0,
        "once"
    );
    let (subject, body) = app.last_mail_to("camille@exemple.fr").await;
    assert_eq!(subject, "Votre attestation URSSAF arrive à échéance");
    assert!(body.contains(
        &attestation_valid_until(issued)
            .format("%d/%m/%Y")
            .to_string()
    ));
}

/// An autosave that lands after the submission, with nothing new in it, leaves the
/// submission current; a real change makes the draft differ again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saving_the_submitted_draft_again_changes_nothing() {
    let app = TestApp::spawn().await;
    let expert = ready_expert(&app, "lea@exemple.fr", "Léa").await;
    assert_eq!(
        app.call_as(&expert, "profile_submit", &[]).await.status(),
        200
    );
    let editor = app.get_json(&expert, "/api/profile_editor").await;
    assert_eq!(editor["unsubmitted_changes"], false);
    let revision = editor["revision"].as_i64().unwrap();

    let issued = today() - chrono::Duration::days(10);
    let same = app
        .call_json(&expert, "profile_save", &draft("Léa", issued))
        .await;
    assert_eq!(same.status(), 200);
    let same: Value = same.json().await.unwrap();
    assert_eq!(same["revision"], revision);
    assert_eq!(same["unsubmitted_changes"], false);
    let editor = app.get_json(&expert, "/api/profile_editor").await;
    assert_eq!(editor["unsubmitted_changes"], false);

    let changed: Value = app
        .call_json(&expert, "profile_save", &draft("Léa-Rose", issued))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(changed["revision"], revision + 1);
    assert_eq!(changed["unsubmitted_changes"], true);
    let editor = app.get_json(&expert, "/api/profile_editor").await;
    assert_eq!(editor["unsubmitted_changes"], true);
}
