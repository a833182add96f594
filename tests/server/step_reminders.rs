//! A slot offer left unanswered past its two working days reminds the side that must
//! answer, once per offer, by mail and in the app, and tells the admins.

use crate::common::TestApp;
use crate::live::{fire, proposed_pair};
use crate::steps::{add_video_step, utc};
use serde_json::Value;

async fn last_notice(app: &TestApp, who: &reqwest::Client) -> Value {
    let notices: Value = app
        .call_as(who, "notifications_list", &[])
        .await
        .json()
        .await
        .unwrap();
    notices[0]["notice"].clone()
}

/// Makes the step's current state start at `at` (the database's clock is not the app's).
async fn entered_at(app: &TestApp, step: &str, at: &str) {
    sqlx::query("UPDATE selection_steps SET state_since = $2::timestamptz WHERE id = $1::uuid")
        .bind(step)
        .bind(at)
        .execute(&app.pool)
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unanswered_slots_remind_the_side_that_must_answer_once_and_tell_the_admins() {
    let app = TestApp::spawn().await;
    let (admin, client, anne, _bruno, project, a, _b) = proposed_pair(&app).await;
    // Friday 19 March 2027: the expert has until Tuesday 23 to answer.
    app.state.clock.set(utc("2027-03-19T12:00:00Z"));
    fire(&app, &client, &project, &a, "shortlist", "").await;
    let slots = ["2027-03-26T10:00", "2027-03-29T10:00"];
    let res = add_video_step(
        &app,
        &client,
        &project,
        &a,
        &slots,
        "https://visio.exemple.fr/a",
    )
    .await;
    assert_eq!(res.status(), 200);
    let step: String = res.json().await.unwrap();
    entered_at(&app, &step, "2027-03-19T12:00:00Z").await;
    let remind = || b2bizen::server::selection::remind_late_answers(&app.state);

    // The weekend does not count: on Tuesday nothing is late yet.
    app.state.clock.set(utc("2027-03-23T18:00:00Z"));
    assert_eq!(remind().await.unwrap(), 0);

    // On Wednesday the expert is reminded, by mail and in the app; admins in the app; once.
    app.state.clock.set(utc("2027-03-24T08:00:00Z"));
    assert_eq!(remind().await.unwrap(), 1);
    assert_eq!(remind().await.unwrap(), 0, "once per offer");
    let (subject, body) = app.last_mail_to("anne@exemple.fr").await;
    assert!(subject.contains("attendent votre réponse"), "{subject}");
    assert!(body.contains("deux jours ouvrés"), "{body}");
    let notice = last_notice(&app, &anne).await;
    assert_eq!(notice["kind"], "step_changed");
    assert_eq!(notice["params"]["news"]["news"], "answer_late", "{notice}");
    assert_eq!(notice["params"]["news"]["format"], "video", "{notice}");
    assert_eq!(last_notice(&app, &admin).await["kind"], "decision_overdue");
    let (client_subject, _) = app.last_mail_to("achats@acme.fr").await;
    assert!(
        !client_subject.contains("attendent votre réponse"),
        "the client had nothing to answer"
    );

    // The expert offers other slots: now the client must answer, and is reminded in turn.
    let form = [
        ("step", step.as_str()),
        ("slots[0]", "2027-03-30T10:00"),
        ("slots[1]", "2027-03-31T10:00"),
    ];
    assert_eq!(app.call_as(&anne, "step_offer", &form).await.status(), 200);
    entered_at(&app, &step, "2027-03-24T09:00:00Z").await;
    assert_eq!(remind().await.unwrap(), 0);
    app.state.clock.set(utc("2027-03-29T08:00:00Z"));
    assert_eq!(remind().await.unwrap(), 1);
    let (subject, _) = app.last_mail_to("achats@acme.fr").await;
    assert!(subject.contains("attendent votre réponse"), "{subject}");

    // A confirmed step waits for nobody's answer.
    let form = [("step", step.as_str()), ("at", "2027-03-30T08:00:00Z")];
    assert_eq!(app.call_as(&client, "step_pick", &form).await.status(), 200);
    entered_at(&app, &step, "2027-03-01T09:00:00Z").await;
    assert_eq!(remind().await.unwrap(), 0);
}
