//! The conversation of a path over HTTP: the two parties write, the stranger is told
//! nothing exists, admins read and hide, unread messages are counted in the header and
//! mailed once after a quarter of an hour, and a closed path takes no more messages.

use crate::common::{error_of, TestApp};
use crate::live::{fire, proposed_pair};
use serde_json::Value;

async fn conversation(app: &TestApp, who: &reqwest::Client, project: &str, expert: &str) -> Value {
    app.get_json(
        who,
        &format!("/api/chat_conversation?project={project}&expert={expert}"),
    )
    .await
}

async fn post(
    app: &TestApp,
    who: &reqwest::Client,
    project: &str,
    expert: &str,
    body: &str,
) -> reqwest::Response {
    let form = [("project", project), ("expert", expert), ("body", body)];
    app.call_as(who, "chat_post", &form).await
}

async fn unread_messages(app: &TestApp, who: &reqwest::Client) -> i64 {
    let status: Value = app
        .call_as(who, "live_status", &[])
        .await
        .json()
        .await
        .unwrap();
    status["unread_messages"].as_i64().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_parties_talk_admins_moderate_and_strangers_see_nothing() {
    let app = TestApp::spawn().await;
    let (admin, client, anne, _bruno, project, a, b) = proposed_pair(&app).await;
    let other = app.client_company("achats@zeta.fr", "Zeta").await;

    let res = post(
        &app,
        &client,
        &project,
        &a,
        "Bonjour, voici le cahier : https://acme.fr/cdc <b>",
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        post(&app, &anne, &project, &a, "Merci, je le lis.")
            .await
            .status(),
        200
    );
    // What the client wrote is stored as written, and offered as plain text and links.
    let seen = conversation(&app, &anne, &project, &a).await;
    let messages = seen["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[0]["author"], "client");
    assert_eq!(messages[0]["mine"], false);
    assert!(messages[0]["body"].as_str().unwrap().ends_with("<b>"));
    assert_eq!(messages[1]["mine"], true);
    assert_eq!(seen["may_write"], true);

    // Empty and overlong messages are refused in French, and nothing is stored.
    let (status, _) = error_of(post(&app, &client, &project, &a, "   ").await).await;
    assert_eq!(status, 422);
    let long = "é".repeat(2001);
    let (status, _) = error_of(post(&app, &client, &project, &a, &long).await).await;
    assert_eq!(status, 422);

    // Another client, and an expert on another path, learn nothing: not even that it exists.
    let res = app
        .get(&format!(
            "/api/chat_conversation?project={project}&expert={a}"
        ))
        .await;
    assert_eq!(res.status(), 401);
    for (who, expert) in [(&other, &a), (&anne, &b)] {
        let res = app
            .call_as(
                who,
                "chat_post",
                &[("project", &project), ("expert", expert), ("body", "x")],
            )
            .await;
        assert_eq!(res.status(), 404);
        let url = format!(
            "{}/api/chat_conversation?project={project}&expert={expert}",
            app.base_url
        );
        assert_eq!(who.get(url).send().await.unwrap().status(), 404);
    }
    // An admin reads but does not write in the parties' place.
    let read = conversation(&app, &admin, &project, &a).await;
    assert_eq!(read["messages"].as_array().unwrap().len(), 2);
    assert_eq!(post(&app, &admin, &project, &a, "x").await.status(), 403);

    // The client has one unread message (Anne's), until they read it.
    assert_eq!(unread_messages(&app, &client).await, 1);
    assert_eq!(unread_messages(&app, &anne).await, 0);
    let newest = messages[1]["id"].as_i64().unwrap().to_string();
    let form = [
        ("project", project.as_str()),
        ("expert", a.as_str()),
        ("upto", newest.as_str()),
    ];
    assert_eq!(app.call_as(&client, "chat_read", &form).await.status(), 200);
    assert_eq!(unread_messages(&app, &client).await, 0);

    // Hidden by an admin: the parties see that a message was, not what it said.
    let first = messages[0]["id"].as_i64().unwrap().to_string();
    let hide = [("message", first.as_str()), ("hidden", "true")];
    assert_eq!(app.call_as(&client, "chat_hide", &hide).await.status(), 403);
    assert_eq!(app.call_as(&admin, "chat_hide", &hide).await.status(), 200);
    let seen = conversation(&app, &anne, &project, &a).await;
    assert_eq!(seen["messages"][0]["hidden"], true);
    assert_eq!(seen["messages"][0]["body"], "");
    let read = conversation(&app, &admin, &project, &a).await;
    assert!(read["messages"][0]["body"]
        .as_str()
        .unwrap()
        .starts_with("Bonjour"));

    // Declined, the path takes no more messages, and says so.
    fire(&app, &client, &project, &a, "decline", "rate_too_high").await;
    let (status, error) = error_of(post(&app, &anne, &project, &a, "Dommage").await).await;
    assert_eq!(status, 422, "{error:?}");
    assert_eq!(
        conversation(&app, &anne, &project, &a).await["may_write"],
        false
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unread_message_is_mailed_once_after_a_quarter_of_an_hour_without_its_words() {
    let app = TestApp::spawn().await;
    let (_admin, client, anne, _bruno, project, a, _b) = proposed_pair(&app).await;
    let send_due = || b2bizen::server::chat::mail::send_due(&app.state);
    for body in [
        "Êtes-vous disponible en janvier ?",
        "Et pour une réunion à Lyon ?",
    ] {
        assert_eq!(post(&app, &client, &project, &a, body).await.status(), 200);
    }
    assert_eq!(send_due().await.unwrap(), 0, "too early");
    let now = app.state.clock.now();
    app.state.clock.set(now + chrono::Duration::minutes(16));
    // Two messages, one mail; and never again for them.
    assert_eq!(send_due().await.unwrap(), 1);
    assert_eq!(send_due().await.unwrap(), 0);
    let (subject, body) = app.last_mail_to("anne@exemple.fr").await;
    assert!(subject.starts_with("Nouveau message"), "{subject}");
    assert!(
        body.contains("Acme") && body.contains("/mes-propositions"),
        "{body}"
    );
    assert!(
        !body.contains("janvier") && !body.contains("Lyon"),
        "{body}"
    );

    // A message read in time is not mailed.
    assert_eq!(
        post(&app, &anne, &project, &a, "Oui, tout à fait.")
            .await
            .status(),
        200
    );
    let seen = conversation(&app, &client, &project, &a).await;
    let newest = seen["messages"][2]["id"].as_i64().unwrap().to_string();
    let form = [
        ("project", project.as_str()),
        ("expert", a.as_str()),
        ("upto", newest.as_str()),
    ];
    assert_eq!(app.call_as(&client, "chat_read", &form).await.status(), 200);
    app.state.clock.set(now + chrono::Duration::minutes(40));
    assert_eq!(send_due().await.unwrap(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_messages_is_slowed_down() {
    let app = TestApp::spawn().await;
    let (_admin, client, _anne, _bruno, project, a, _b) = proposed_pair(&app).await;
    let limit = b2bizen::server::chat::MESSAGES_PER_ACCOUNT.max;
    for i in 0..limit {
        let res = post(&app, &client, &project, &a, &format!("message {i}")).await;
        assert_eq!(res.status(), 200);
    }
    let res = post(&app, &client, &project, &a, "un de trop").await;
    assert_eq!(res.status(), 429);
    let seen = conversation(&app, &client, &project, &a).await;
    assert_eq!(seen["messages"].as_array().unwrap().len() as i32, limit);
}
