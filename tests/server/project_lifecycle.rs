//! A published project's life on its client's side: edited through the wizard (the
//! proposals stay, the edit is no new project), ended with a reason (the status follows
//! it, every expert still in the running is told kindly, nothing changes afterwards).

use crate::common::{error_of, TestApp};
use crate::projects::{project_draft, published_expert};
use crate::proposals::submit_project as submitted_project;
use serde_json::{json, Value};

async fn proposal_state(app: &TestApp, project: &str) -> (String, Option<String>) {
    sqlx::query_as("SELECT state, end_reason FROM proposals WHERE project_id = $1::uuid")
        .bind(project)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_project_is_edited_in_place_and_keeps_its_proposals() {
    let app = TestApp::spawn().await;
    let admin = app.admin("admin@b2bizen.fr").await;
    let _expert = published_expert(&app, &admin, "e@exemple.fr", "Edith", "69", "700").await;
    let client = app.client_company("achats@acme.fr", "Acme").await;
    let project = submitted_project(&app, &client).await;
    let expert_id: String = sqlx::query_scalar("SELECT id::text FROM experts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    app.wait_all_indexed().await;
    let body = json!({ "id": project, "picks": [[expert_id, ""]] });
    assert_eq!(
        app.call_json(&admin, "admin_propose", &body).await.status(),
        200
    );

    // The wizard opens on the project's answers, at the recap, under a new draft id.
    let edit = app
        .get_json(&client, &format!("/api/project_wizard?edits={project}"))
        .await;
    assert_eq!(edit["edits"], project.as_str());
    assert_eq!(edit["draft"]["title"], "Refonte de la trésorerie");
    assert_eq!(edit["step"], 5);
    let draft_id = edit["id"].as_str().unwrap().to_string();
    assert_ne!(draft_id, project);
    let mut changed = project_draft();
    changed["title"] = json!("Refonte de la trésorerie du groupe");
    let save = json!({ "id": draft_id, "step": 5, "draft": changed, "edits": project });
    assert_eq!(
        app.call_json(&client, "project_save_draft", &save)
            .await
            .status(),
        200
    );
    // An edit under way is no new project: "Mes projets" lists no draft for it, and the
    // project's page says an edit is under way.
    let mine = app.get_json(&client, "/api/projects_mine").await;
    assert_eq!(mine["drafts"], json!([]));
    let page = app
        .call_as(&client, "project_client_view", &[("id", &project)])
        .await;
    assert_eq!(page.json::<Value>().await.unwrap()["editing"], true);
    // Someone else cannot attach a draft to this project.
    let intruder = app.client_company("intrus@exemple.fr", "Intrus").await;
    let forged =
        json!({ "id": uuid::Uuid::new_v4(), "step": 0, "draft": changed, "edits": project });
    assert_eq!(
        app.call_json(&intruder, "project_save_draft", &forged)
            .await
            .status(),
        404
    );

    let res = app
        .call_as(&client, "project_submit", &[("id", &draft_id)])
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.json::<String>().await.unwrap(),
        project,
        "the same project"
    );
    let (title, status, projects): (String, String, i64) = sqlx::query_as(
        "SELECT title, status, (SELECT count(*) FROM projects) FROM projects WHERE id = $1::uuid",
    )
    .bind(&project)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        (title.as_str(), status.as_str(), projects),
        ("Refonte de la trésorerie du groupe", "open", 1)
    );
    assert_eq!(proposal_state(&app, &project).await.0, "proposed");
    let drafts: i64 = sqlx::query_scalar("SELECT count(*) FROM project_drafts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(drafts, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ending_a_project_needs_a_reason_tells_the_experts_and_freezes_it() {
    let app = TestApp::spawn().await;
    let admin = app.admin("admin@b2bizen.fr").await;
    let expert = published_expert(&app, &admin, "e@exemple.fr", "Edith", "69", "700").await;
    let client = app.client_company("achats@acme.fr", "Acme").await;
    let project = submitted_project(&app, &client).await;
    let expert_id: String = sqlx::query_scalar("SELECT id::text FROM experts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    app.wait_all_indexed().await;
    let body = json!({ "id": project, "picks": [[expert_id, ""]] });
    assert_eq!(
        app.call_json(&admin, "admin_propose", &body).await.status(),
        200
    );

    let call = |who: reqwest::Client, reason: &'static str| {
        let (app, project) = (&app, project.clone());
        async move {
            let form = [
                ("id", project.as_str()),
                ("reason", reason),
                ("comment", "Budget gelé jusqu'en mars"),
            ];
            app.call_as(&who, "project_end", &form).await
        }
    };
    // No reason, or one not on the list: a clear 422 and nothing changed.
    let (status, err) = error_of(call(client.clone(), "parce que").await).await;
    assert_eq!(status, 422);
    assert!(err.to_string().contains("choisissez une raison"), "{err}");
    // Not the client's project: not found; not a client: refused.
    let other = app.client_company("autre@exemple.fr", "Autre").await;
    assert_eq!(call(other.clone(), "postponed").await.status(), 404);
    assert_eq!(call(expert.clone(), "postponed").await.status(), 403);
    assert_eq!(proposal_state(&app, &project).await.0, "proposed");

    assert_eq!(call(client.clone(), "budget_withdrawn").await.status(), 200);
    let (status, reason): (String, String) =
        sqlx::query_as("SELECT status, end_reason FROM projects WHERE id = $1::uuid")
            .bind(&project)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        (status.as_str(), reason.as_str()),
        ("cancelled", "budget_withdrawn")
    );
    assert_eq!(
        proposal_state(&app, &project).await,
        (
            "declined".to_string(),
            Some("project_cancelled".to_string())
        )
    );
    // The expert is told kindly, by mail and in the app, without the client's comment.
    let (subject, text) = app.last_mail_to("e@exemple.fr").await;
    assert!(subject.contains("Refonte de la trésorerie"), "{subject}");
    assert!(text.contains("a annulé le projet"), "{text}");
    assert!(!text.contains("Budget gelé"), "{text}");
    let notices: Value = app
        .call_as(&expert, "notifications_list", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(notices[0]["notice"]["kind"], "project_ended");
    assert_eq!(
        notices[0]["notice"]["params"]["reason"],
        "project_cancelled"
    );

    // Ended, it no longer changes: ending again, editing, proposing are refused.
    let (status, err) = error_of(call(client.clone(), "other").await).await;
    assert_eq!(
        (status, err.to_string().as_str()),
        (422, "Ce projet est annulé : il ne peut plus changer.")
    );
    let reopened = client
        .get(format!(
            "{}/api/project_wizard?edits={project}",
            app.base_url
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(reopened.status(), 422);
    let edit = app
        .call_as(&client, "project_client_view", &[("id", &project)])
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(edit["ending"]["reason"], "budget_withdrawn");
    assert_eq!(edit["ending"]["comment"], "Budget gelé jusqu'en mars");
    assert_eq!(edit["proposals"], json!([]), "no dossier shown once ended");
    assert_eq!(
        propose_status(&app, &admin, &project, &expert_id).await,
        404
    );
}

async fn propose_status(
    app: &TestApp,
    admin: &reqwest::Client,
    project: &str,
    expert: &str,
) -> u16 {
    let body = json!({ "id": project, "picks": [[expert, ""]] });
    app.call_json(admin, "admin_propose", &body)
        .await
        .status()
        .as_u16()
}
