//! Who may be matched and proposed: on-site missions need the place (remote work does
//! not replace it), disabled accounts leave the directory and matching at once, and a
//! proposal is refused for experts outside the rules unless they applied. Notices that
//! failed are sent by the retry job.

use crate::common::{error_of, TestApp};
use crate::projects::{project_draft, published_expert_with, wizard};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// A project of `client`, through the wizard's save and submission; returns its id.
pub(crate) async fn submit_project(app: &TestApp, client: &reqwest::Client) -> String {
    let id = wizard(app, client).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let body = json!({ "id": id, "step": 5, "draft": project_draft() });
    assert_eq!(
        app.call_json(client, "project_save_draft", &body)
            .await
            .status(),
        200
    );
    let res = app.call_as(client, "project_submit", &[("id", &id)]).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// The admin's candidates (id, last name from the database, outside reason), once
/// `ready` holds or a second has passed.
async fn candidates(
    app: &TestApp,
    admin: &reqwest::Client,
    project: &str,
    ready: impl Fn(&[Value]) -> bool,
) -> Vec<Value> {
    // Not the 1 s promise (tested elsewhere): a margin for a loaded machine.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let view = app
            .get_json(admin, &format!("/api/admin_candidates?id={project}"))
            .await;
        let list = view["candidates"].as_array().unwrap().clone();
        if ready(&list) || Instant::now() > deadline {
            return list;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub(crate) async fn expert_id(app: &TestApp, last_name: &str) -> String {
    sqlx::query_scalar("SELECT id::text FROM experts WHERE last_name = $1")
        .bind(last_name)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// The admin disables (or enables) the account of `email`.
async fn set_disabled(app: &TestApp, admin: &reqwest::Client, email: &str, disabled: bool) {
    let id: String = sqlx::query_scalar("SELECT id::text FROM accounts WHERE email = $1")
        .bind(email)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let form = [("id", id.as_str()), ("disabled", &disabled.to_string())];
    let res = app
        .call_as(admin, "admin_set_account_disabled", &form)
        .await;
    assert_eq!(res.status(), 200);
}

/// Proposes these experts, expects a refusal (422) and returns its message.
async fn refusal(
    app: &TestApp,
    admin: &reqwest::Client,
    project: &str,
    experts: &[&str],
) -> String {
    let picks: Vec<(&str, &str)> = experts.iter().map(|e| (*e, "")).collect();
    let body = json!({ "id": project, "picks": picks });
    let (status, err) = error_of(app.call_json(admin, "admin_propose", &body).await).await;
    assert_eq!(status, 422, "{err}");
    err.to_string()
}

async fn propose(app: &TestApp, admin: &reqwest::Client, project: &str, expert: &str) -> u16 {
    let body = json!({ "id": project, "picks": [[expert, ""]] });
    app.call_json(admin, "admin_propose", &body)
        .await
        .status()
        .as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_experts_within_the_rules_are_matched_and_proposed() {
    let app = TestApp::spawn().await;
    let admin = app.admin("admin@b2bizen.fr").await;
    let remote_far = json!({ "departement": "13", "remote_ok": true });
    let _near = published_expert_with(
        &app,
        &admin,
        "a@exemple.fr",
        "Aubertin",
        "69",
        "700",
        json!({}),
    )
    .await;
    let applicant = published_expert_with(
        &app,
        &admin,
        "f@exemple.fr",
        "Fabre",
        "13",
        "700",
        remote_far.clone(),
    )
    .await;
    let _other = published_expert_with(
        &app,
        &admin,
        "g@exemple.fr",
        "Guillon",
        "13",
        "700",
        remote_far,
    )
    .await;
    app.wait_all_indexed().await;
    let client = app.client_company("achats@acme.fr", "Acme").await;
    let project = submit_project(&app, &client).await;

    // On-site in the Rhône: the experts of the Bouches-du-Rhône who work remotely are
    // not matched (nor told of the project).
    let list = candidates(&app, &admin, &project, |l| !l.is_empty()).await;
    let aubertin = expert_id(&app, "Aubertin").await;
    let ids: Vec<&str> = list
        .iter()
        .map(|c| c["expert_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [aubertin.as_str()], "{list:?}");
    let told: Vec<String> = sqlx::query_scalar(
        "SELECT recipient FROM outbox WHERE subject = 'Un projet dans votre domaine'",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(told, ["a@exemple.fr"]);

    // One of them applies: listed, with the reason they are outside the criteria, and
    // the admin may still propose them. The other may not be proposed.
    assert_eq!(
        app.call_as(
            &applicant,
            "project_apply",
            &[("id", &project), ("message", "Je peux me déplacer")]
        )
        .await
        .status(),
        200
    );
    let list = candidates(&app, &admin, &project, |l| l.len() == 2).await;
    let fabre = expert_id(&app, "Fabre").await;
    let listed = list
        .iter()
        .find(|c| c["expert_id"] == fabre.as_str())
        .expect("the applicant is listed");
    assert_eq!(listed["outside"]["kind"], "out_of_area");
    let guillon = expert_id(&app, "Guillon").await;
    let message = refusal(&app, &admin, &project, &[&guillon, &aubertin]).await;
    assert!(
        message.contains("Camille") && message.contains("Ni basé ni mobile"),
        "{message}"
    );
    let none: i64 = sqlx::query_scalar("SELECT count(*) FROM proposals")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(none, 0, "all picks or none");
    assert_eq!(propose(&app, &admin, &project, &fabre).await, 200);

    // Disabled: out of the directory, the card, matching and proposals at once.
    let directory = app.get("/experts").await.text().await.unwrap();
    assert!(directory.contains(&aubertin), "listed while enabled");
    set_disabled(&app, &admin, "a@exemple.fr", true).await;
    let directory = app.get("/experts").await.text().await.unwrap();
    assert!(
        !directory.contains(&aubertin),
        "a disabled expert stays listed"
    );
    assert_eq!(app.get(&format!("/experts/{aubertin}")).await.status(), 404);
    let list = candidates(&app, &admin, &project, |l| {
        l.iter().all(|c| c["expert_id"] != aubertin.as_str())
    })
    .await;
    assert!(
        list.iter().all(|c| c["expert_id"] != aubertin.as_str()),
        "matching still offers a disabled expert: {list:?}"
    );
    let refused = refusal(&app, &admin, &project, &[&aubertin]).await;
    assert!(refused.contains("compte désactivé"), "{refused}");

    // Enabled again: back everywhere.
    set_disabled(&app, &admin, "a@exemple.fr", false).await;
    assert_eq!(app.get(&format!("/experts/{aubertin}")).await.status(), 200);
    let list = candidates(&app, &admin, &project, |l| {
        l.iter().any(|c| c["expert_id"] == aubertin.as_str())
    })
    .await;
    assert!(list.iter().any(|c| c["expert_id"] == aubertin.as_str()));

    // An attestation that expired meanwhile: refused, even though the index has not
    // heard of it (the check reads the database).
    sqlx::query(
        "UPDATE experts SET attestation_issued_on = current_date - 200 WHERE last_name = 'Aubertin'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let refused = refusal(&app, &admin, &project, &[&aubertin]).await;
    assert!(refused.contains("expirée"), "{refused}");

    // The client sees Fabre's dossier while the proposal is open and the account active.
    let shown = |client: reqwest::Client, project: String| {
        let url = format!("{}/api/project_client_view", app.base_url);
        async move {
            let res = client
                .post(url)
                .form(&[("id", project)])
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200);
            res.text().await.unwrap().contains("Fabre")
        }
    };
    assert!(shown(client.clone(), project.clone()).await);
    set_disabled(&app, &admin, "f@exemple.fr", true).await;
    assert!(
        !shown(client.clone(), project.clone()).await,
        "disabled since"
    );
    set_disabled(&app, &admin, "f@exemple.fr", false).await;
    assert!(shown(client.clone(), project.clone()).await);
    sqlx::query("UPDATE proposals SET state = 'declined'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert!(!shown(client.clone(), project.clone()).await, "declined");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notices_that_did_not_go_out_are_sent_by_the_retry_job() {
    let app = TestApp::spawn().await;
    let admin = app.admin("admin@b2bizen.fr").await;
    published_expert_with(
        &app,
        &admin,
        "a@exemple.fr",
        "Aubertin",
        "69",
        "700",
        json!({}),
    )
    .await;
    app.wait_all_indexed().await;
    let client = app.client_company("achats@acme.fr", "Acme").await;
    let project = submit_project(&app, &client).await;
    let retry = || b2bizen::server::project::retry_notices(&app.state);
    assert_eq!(
        retry().await.unwrap(),
        0,
        "sent at submission: nothing pending"
    );

    // As if the server had stopped between storing the project and notifying.
    for sql in [
        "UPDATE projects SET notices_sent_at = NULL",
        "DELETE FROM project_notices",
        "DELETE FROM outbox WHERE subject = 'Un projet dans votre domaine'",
    ] {
        sqlx::query(sql).execute(&app.pool).await.unwrap();
    }
    assert_eq!(retry().await.unwrap(), 1);
    let told: Vec<String> = sqlx::query_scalar(
        "SELECT recipient FROM outbox WHERE subject = 'Un projet dans votre domaine'",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(told, ["a@exemple.fr"]);
    let sent_at: Option<chrono::DateTime<chrono::Utc>> =
        sqlx::query_scalar("SELECT notices_sent_at FROM projects WHERE id::text = $1")
            .bind(&project)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(sent_at.is_some());
    assert_eq!(retry().await.unwrap(), 0);
}
