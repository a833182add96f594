//! The selection pipeline over real HTTP: the client shortlists, sets aside (with a
//! reason) and chooses; the expert withdraws; each change is logged in the transaction,
//! announced by NOTIFY, and told to the expert without the client's words.

use crate::common::{error_of, TestApp};
use crate::projects::published_expert;
use crate::proposals::{expert_id, submit_project as submitted_project};
use serde_json::{json, Value};

async fn state_of(app: &TestApp, project: &str, expert: &str) -> String {
    sqlx::query_scalar(
        "SELECT state FROM proposals WHERE project_id = $1::uuid AND expert_id = $2::uuid",
    )
    .bind(project)
    .bind(expert)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_decides_on_each_path_and_every_change_is_logged_and_told() {
    let app = TestApp::spawn().await;
    let admin = app.admin("admin@b2bizen.fr").await;
    let anne = published_expert(&app, &admin, "anne@exemple.fr", "Aubry", "69", "700").await;
    let bruno = published_expert(&app, &admin, "bruno@exemple.fr", "Barre", "69", "700").await;
    let chloe = published_expert(&app, &admin, "chloe@exemple.fr", "Caron", "69", "700").await;
    let client = app.client_company("achats@acme.fr", "Acme").await;
    let project = submitted_project(&app, &client).await;
    let (a, b, c) = (
        expert_id(&app, "Aubry").await,
        expert_id(&app, "Barre").await,
        expert_id(&app, "Caron").await,
    );
    app.wait_all_indexed().await;
    let mut listener = sqlx::postgres::PgListener::connect_with(&app.pool)
        .await
        .unwrap();
    listener.listen("live_events").await.unwrap();
    let body = json!({ "id": project, "picks": [[a, ""], [b, ""], [c, ""]] });
    assert_eq!(
        app.call_json(&admin, "admin_propose", &body).await.status(),
        200
    );
    let fire = |who: reqwest::Client, expert: String, event: &'static str, reason: &'static str| {
        let (app, project) = (&app, project.clone());
        async move {
            let form = [
                ("project", project.as_str()),
                ("expert", expert.as_str()),
                ("event", event),
                ("reason", reason),
                ("comment", "Trop cher pour nous cette année"),
            ];
            app.call_as(&who, "selection_fire", &form).await
        }
    };

    assert_eq!(
        fire(client.clone(), a.clone(), "shortlist", "")
            .await
            .status(),
        200
    );
    assert_eq!(state_of(&app, &project, &a).await, "shortlisted");
    // An end without a reason is refused, in words; with one, the expert hears its kind
    // only.
    let (status, err) = error_of(fire(client.clone(), b.clone(), "decline", "").await).await;
    assert_eq!(
        (status, err.to_string().as_str()),
        (422, "Choisissez une raison dans la liste.")
    );
    assert_eq!(
        fire(client.clone(), b.clone(), "decline", "rate_too_high")
            .await
            .status(),
        200
    );
    assert_eq!(state_of(&app, &project, &b).await, "declined");
    let (_, text) = app.last_mail_to("bruno@exemple.fr").await;
    assert!(
        text.contains("le budget du client ne rejoint pas votre tarif"),
        "{text}"
    );
    assert!(
        !text.contains("Trop cher"),
        "the client's words stay theirs: {text}"
    );
    let notices: Value = app
        .call_as(&anne, "notifications_list", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(notices[0]["notice"]["kind"], "path_changed");
    assert_eq!(notices[0]["notice"]["params"]["state"], "shortlisted");

    // The expert cannot decide for the client, but may withdraw with a reason of theirs.
    assert_eq!(
        fire(chloe.clone(), c.clone(), "shortlist", "")
            .await
            .status(),
        403
    );
    assert_eq!(
        fire(chloe.clone(), c.clone(), "withdraw", "rate_too_high")
            .await
            .status(),
        422
    );
    assert_eq!(
        fire(chloe.clone(), c.clone(), "withdraw", "expert_unavailable")
            .await
            .status(),
        200
    );
    // Strangers to the path find nothing.
    let other = app.client_company("autre@exemple.fr", "Autre").await;
    assert_eq!(fire(other, a.clone(), "select", "").await.status(), 404);
    assert_eq!(
        fire(chloe.clone(), a.clone(), "withdraw", "expert_unavailable")
            .await
            .status(),
        404
    );
    // Out of order: a declined expert cannot be chosen.
    assert_eq!(
        fire(client.clone(), b.clone(), "select", "").await.status(),
        422
    );

    assert_eq!(
        fire(client.clone(), a.clone(), "select", "").await.status(),
        200
    );
    assert_eq!(state_of(&app, &project, &a).await, "selected");

    // The log holds every change in order, each announced once committed.
    let log: Vec<(String, String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT expert_id::text, event, party, to_state, reason FROM selection_events
         WHERE project_id = $1::uuid ORDER BY id",
    )
    .bind(&project)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let kinds: Vec<(&str, &str)> = log
        .iter()
        .map(|(_, e, p, _, _)| (e.as_str(), p.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("propose", "admin"),
            ("propose", "admin"),
            ("propose", "admin"),
            ("shortlist", "client"),
            ("decline", "client"),
            ("withdraw", "expert"),
            ("select", "client"),
        ]
    );
    assert_eq!(log[4].4.as_deref(), Some("rate_too_high"));
    // Each path change is announced live (beside the notices), in the log's order.
    let mut announced = Vec::new();
    while announced.len() < log.len() {
        let n = tokio::time::timeout(std::time::Duration::from_secs(5), listener.recv())
            .await
            .expect("every event announced")
            .unwrap();
        let event: Value = serde_json::from_str(n.payload()).unwrap();
        if event["kind"] == "path" {
            assert_eq!(event["project_id"], project.as_str());
            announced.push(event["expert_id"].as_str().unwrap().to_string());
        }
    }
    assert_eq!(
        announced,
        log.iter().map(|l| l.0.clone()).collect::<Vec<_>>()
    );

    // The expert's page: where they stand, what comes next, the log without the
    // client's words.
    let bruno_paths: Value = app.get_json(&bruno, "/api/selection_mine").await;
    assert_eq!(bruno_paths[0]["state"], "declined");
    assert_eq!(bruno_paths[0]["reason"], "rate_too_high");
    assert_eq!(bruno_paths[0]["next"], Value::Null);
    let events: Vec<&str> = bruno_paths[0]["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["what"]["path"]["event"].as_str().unwrap())
        .collect();
    assert_eq!(events, ["propose", "decline"]);
    assert!(
        !bruno_paths.to_string().contains("Trop cher"),
        "{bruno_paths}"
    );
    let anne_paths: Value = app.get_json(&anne, "/api/selection_mine").await;
    assert_eq!(anne_paths[0]["state"], "selected");
    assert_eq!(
        anne_paths[0]["next"][0], "expert",
        "the quote is the expert's move"
    );
    assert_eq!(
        anne_paths[0]["project"]["company"], "Acme",
        "named once proposed"
    );
    let refused = client
        .get(format!("{}/api/selection_mine", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    // The client reads the log of each path still open, with their own words.
    let page: Value = app
        .call_as(&client, "project_client_view", &[("id", &project)])
        .await
        .json()
        .await
        .unwrap();
    let shown = page["proposals"].as_array().unwrap();
    assert_eq!(shown.len(), 1, "only the chosen expert is left on the page");
    let log: Vec<&str> = shown[0]["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["what"]["path"]["event"].as_str().unwrap())
        .collect();
    assert_eq!(log, ["propose", "shortlist", "select"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_late_client_is_reminded_once_per_state_and_admins_are_told() {
    let app = TestApp::spawn().await;
    let admin = app.admin("admin@b2bizen.fr").await;
    let _anne = published_expert(&app, &admin, "anne@exemple.fr", "Aubry", "69", "700").await;
    let client = app.client_company("achats@acme.fr", "Acme").await;
    let project = submitted_project(&app, &client).await;
    let a = expert_id(&app, "Aubry").await;
    app.wait_all_indexed().await;
    let body = json!({ "id": project, "picks": [[a, ""]] });
    assert_eq!(
        app.call_json(&admin, "admin_propose", &body).await.status(),
        200
    );
    let remind = || b2bizen::server::selection::remind_late(&app.state);
    // Within the five working days: nothing.
    assert_eq!(remind().await.unwrap(), 0);
    // Past them: the client is reminded by mail and in the app, admins in the app, once.
    let entered_long_ago = || {
        sqlx::query(
            "UPDATE proposals SET state_since = state_since - interval '10 days',
                    reminded_at = reminded_at - interval '10 days'",
        )
        .execute(&app.pool)
    };
    entered_long_ago().await.unwrap();
    assert_eq!(remind().await.unwrap(), 1);
    assert_eq!(remind().await.unwrap(), 0, "once per state");
    let (subject, _) = app.last_mail_to("achats@acme.fr").await;
    assert!(subject.contains("attend une suite"), "{subject}");
    for who in [&client, &admin] {
        let notices: Value = app
            .call_as(who, "notifications_list", &[])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(notices[0]["notice"]["kind"], "decision_overdue");
    }
    // A decision starts the next state's clock: shortlisted, the client has five more
    // working days.
    let form = [
        ("project", project.as_str()),
        ("expert", a.as_str()),
        ("event", "shortlist"),
        ("reason", ""),
        ("comment", ""),
    ];
    assert_eq!(
        app.call_as(&client, "selection_fire", &form).await.status(),
        200
    );
    assert_eq!(remind().await.unwrap(), 0);
    entered_long_ago().await.unwrap();
    assert_eq!(remind().await.unwrap(), 1);
}
