//! Selection steps over HTTP: the client offers slots typed in France, the expert picks
//! one, both receive the invitation (iCalendar REQUEST, UTC times right across the change
//! to summer time) through a real SMTP server; rescheduling raises the SEQUENCE of the
//! same UID, cancelling sends CANCEL, the day before both are reminded once, and after
//! the step the client's outcome moves the path.

use crate::common::{client_path, error_of, TestApp};
use crate::live::{fire, proposed_pair};
use crate::mail::smtp_server;
use b2bizen::server::mail::worker::{deliver_due, Mailer};
use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component};
use serde_json::Value;

pub(crate) fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// The clock a week before France moves to summer time (28 March 2027).
fn before_the_change(app: &TestApp) {
    app.state.clock.set(utc("2027-03-20T12:00:00Z"));
}

pub(crate) async fn add_video_step(
    app: &TestApp,
    client: &reqwest::Client,
    project: &str,
    expert: &str,
    slots: &[&str],
    link: &str,
) -> reqwest::Response {
    let mut form = vec![
        ("project", project.to_string()),
        ("expert", expert.to_string()),
        ("format", "video".to_string()),
        ("duration", "45".to_string()),
        ("link", link.to_string()),
        ("address", String::new()),
    ];
    for (i, slot) in slots.iter().enumerate() {
        form.push((
            [
                "slots[0]", "slots[1]", "slots[2]", "slots[3]", "slots[4]", "slots[5]",
            ][i],
            slot.to_string(),
        ));
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.call_as(client, "step_add", &form).await
}

async fn steps(app: &TestApp, client: &reqwest::Client, project: &str, expert: &str) -> Vec<Value> {
    client_path(app, client, project, expert).await["steps"]
        .as_array()
        .unwrap()
        .clone()
}

/// The invitations queued for `to`, oldest first: (method, parsed calendar, raw).
async fn invitations(app: &TestApp, to: &str) -> Vec<(String, Calendar, String)> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT calendar_method, calendar FROM outbox
         WHERE recipient = $1 AND calendar IS NOT NULL ORDER BY id",
    )
    .bind(to)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    rows.into_iter()
        .map(|(method, ics)| {
            (
                method,
                ics.parse::<Calendar>().expect("valid iCalendar"),
                ics,
            )
        })
        .collect()
}

fn event_of(calendar: &Calendar) -> &icalendar::Event {
    calendar.components[0].as_event().expect("a VEVENT")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slots_offered_in_france_become_an_invitation_for_both_right_across_summer_time() {
    let app = TestApp::spawn().await;
    let (_admin, client, anne, bruno, project, a, b) = proposed_pair(&app).await;
    let other = app.client_company("achats@zeta.fr", "Zeta").await;
    before_the_change(&app);
    let link = "https://visio.exemple.fr/acme-anne";
    // Steps are for shortlisted experts.
    let res = add_video_step(
        &app,
        &client,
        &project,
        &a,
        &["2027-03-26T10:00", "2027-03-29T10:00"],
        link,
    )
    .await;
    let (status, error) = error_of(res).await;
    assert_eq!(status, 422, "{error:?}");
    fire(&app, &client, &project, &a, "shortlist", "").await;

    // What is refused, in French, and nothing kept.
    for (slots, link) in [
        (&["2027-03-26T10:00"][..], link),
        (&["2027-03-28T02:30", "2027-03-29T10:00"][..], link),
        (&["2027-03-20T12:30", "2027-03-29T10:00"][..], link),
        (
            &["2027-03-26T10:00", "2027-03-29T10:00"][..],
            "http://visio.exemple.fr/x",
        ),
    ] {
        let res = add_video_step(&app, &client, &project, &a, slots, link).await;
        assert_eq!(res.status(), 422, "{slots:?} {link}");
        let text = res.text().await.unwrap();
        assert!(!text.is_empty());
    }
    // The expert does not set up steps, and another client finds nothing.
    let slots = ["2027-03-26T10:00", "2027-03-29T10:00", "2027-03-30T15:00"];
    assert_eq!(
        add_video_step(&app, &anne, &project, &a, &slots, link)
            .await
            .status(),
        403
    );
    assert_eq!(
        add_video_step(&app, &other, &project, &a, &slots, link)
            .await
            .status(),
        404
    );
    assert!(steps(&app, &client, &project, &a).await.is_empty());

    let res = add_video_step(&app, &client, &project, &a, &slots, link).await;
    assert_eq!(res.status(), 200);
    let step = res.json::<String>().await.unwrap();
    let shown = steps(&app, &client, &project, &a).await;
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0]["state"], "awaiting_expert");
    // Stored as instants: 10:00 in Paris is 09:00 UTC before the change, 08:00 after.
    let offered: Vec<&str> = shown[0]["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["at"].as_str().unwrap())
        .collect();
    assert_eq!(
        offered,
        [
            "2027-03-26T09:00:00Z",
            "2027-03-29T08:00:00Z",
            "2027-03-30T13:00:00Z"
        ]
    );
    assert_eq!(shown[0]["slots"][1]["paris"], "2027-03-29T10:00:00");
    // The path moved into selection, and the expert was told.
    let (subject, _) = app.last_mail_to("anne@exemple.fr").await;
    assert!(subject.starts_with("Créneaux proposés"), "{subject}");

    // The client cannot answer their own offer; a stranger cannot touch the step;
    // a time that was not offered is refused.
    let pick = |at: &'static str| [("step", step.clone()), ("at", at.to_string())];
    let form = |f: &[(&'static str, String); 2]| {
        f.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>()
    };
    let call = |who: &reqwest::Client, endpoint: &'static str, f: Vec<(&'static str, String)>| {
        let f: Vec<(&str, String)> = f;
        let who = who.clone();
        let app = &app;
        async move {
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call_as(&who, endpoint, &f).await.status()
        }
    };
    assert_eq!(
        call(&client, "step_pick", form(&pick("2027-03-29T08:00:00Z"))).await,
        422
    );
    assert_eq!(
        call(&bruno, "step_pick", form(&pick("2027-03-29T08:00:00Z"))).await,
        404
    );
    assert_eq!(
        call(&anne, "step_pick", form(&pick("2027-03-29T09:00:00Z"))).await,
        422
    );
    assert_eq!(
        call(&anne, "step_pick", form(&pick("2027-03-29T08:00:00Z"))).await,
        200
    );
    let _ = b;

    // Both receive the invitation: one UID, SEQUENCE 0, the UTC time after the change.
    let mut uid = None;
    for to in ["achats@acme.fr", "anne@exemple.fr"] {
        let sent = invitations(&app, to).await;
        assert_eq!(sent.len(), 1, "{to}");
        let (method, calendar, raw) = &sent[0];
        assert_eq!(method, "REQUEST");
        assert_eq!(calendar.property_value("METHOD"), Some("REQUEST"));
        let event = event_of(calendar);
        assert_eq!(event.get_sequence(), Some(0));
        assert!(
            raw.contains("DTSTART:20270329T080000Z") && raw.contains("DTEND:20270329T084500Z"),
            "{raw}"
        );
        assert_eq!(event.get_url(), Some(link));
        assert_eq!(event.get_attendees().len(), 2);
        let this = event.get_uid().unwrap().to_string();
        assert_eq!(uid.get_or_insert(this.clone()), &this);
    }
    // Through a real SMTP server, as calendar clients expect it.
    let (url, mails) = smtp_server();
    let mailer = Mailer::new(&url, "B2BiZen <no-reply@b2bizen.fr>").unwrap();
    while deliver_due(&app.pool, &mailer).await.unwrap() > 0 {}
    let received = mails.lock().unwrap().clone();
    let invites: Vec<_> = received
        .iter()
        .filter(|m| m.data.contains("text/calendar"))
        .collect();
    assert_eq!(invites.len(), 2);
    for mail in invites {
        assert!(
            mail.data.contains("text/calendar; method=REQUEST"),
            "{}",
            mail.data
        );
        assert!(mail.data.contains("invite.ics"), "{}", mail.data);
        assert!(mail.data.contains("multipart/mixed"));
    }

    // Rescheduled by the client: the same event, SEQUENCE 1, once the expert picks.
    let offer = [
        ("step", step.clone()),
        ("slots[0]", "2027-03-31T09:30".into()),
        ("slots[1]", "2027-04-01T09:30".into()),
    ];
    assert_eq!(call(&client, "step_offer", offer.to_vec()).await, 200);
    assert_eq!(
        steps(&app, &client, &project, &a).await[0]["state"],
        "awaiting_expert"
    );
    assert_eq!(
        call(&anne, "step_pick", form(&pick("2027-04-01T07:30:00Z"))).await,
        200
    );
    let sent = invitations(&app, "anne@exemple.fr").await;
    let (method, calendar, raw) = sent.last().unwrap();
    assert_eq!(method, "REQUEST");
    assert_eq!(event_of(calendar).get_uid(), uid.as_deref());
    assert_eq!(event_of(calendar).get_sequence(), Some(1));
    assert!(raw.contains("DTSTART:20270401T073000Z"), "{raw}");

    // The day before, both are reminded, once.
    app.state.clock.set(utc("2027-03-31T10:00:00Z"));
    let remind = || b2bizen::server::selection::remind_upcoming_steps(&app.state);
    assert_eq!(remind().await.unwrap(), 1);
    assert_eq!(remind().await.unwrap(), 0);
    let (subject, body) = app.last_mail_to("achats@acme.fr").await;
    assert!(subject.starts_with("Demain"), "{subject}");
    assert!(
        body.contains("01/04/2027 09:30") && body.contains(link),
        "{body}"
    );

    // No outcome before the step; after it, the client chooses the expert.
    let record = |outcome: &str| {
        vec![
            ("step", step.clone()),
            ("outcome", outcome.to_string()),
            ("reason", String::new()),
            ("comment", String::new()),
        ]
    };
    assert_eq!(call(&client, "step_record", record("select")).await, 422);
    app.state.clock.set(utc("2027-04-01T08:30:00Z"));
    assert_eq!(call(&anne, "step_record", record("select")).await, 403);
    assert_eq!(call(&client, "step_record", record("select")).await, 200);
    let anne_path = client_path(&app, &client, &project, &a).await;
    assert_eq!(anne_path["state"], "selected");
    assert_eq!(anne_path["steps"][0]["state"], "done");
    // The path's log tells the steps' moves beside its own, in order, and who made them.
    let log: Vec<String> = anne_path["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| match (&e["what"]["path"], &e["what"]["step"]) {
            (Value::Null, step) => format!(
                "{} by {} {}",
                step["change"].as_str().unwrap(),
                e["party"].as_str().unwrap(),
                step["starts_at"].as_str().unwrap_or("")
            ),
            (path, _) => path["event"].as_str().unwrap().to_string(),
        })
        .map(|line| line.trim_end().to_string())
        .collect();
    assert_eq!(
        log,
        [
            "propose",
            "shortlist",
            "start_selection",
            "slots_offered by client",
            "confirmed by expert 2027-03-29T10:00:00",
            "slots_offered by client",
            "confirmed by expert 2027-04-01T09:30:00",
            "held by client 2027-04-01T09:30:00",
            "select",
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_step_and_an_ended_path_take_the_meeting_out_of_both_calendars() {
    let app = TestApp::spawn().await;
    let (_admin, client, anne, bruno, project, a, b) = proposed_pair(&app).await;
    before_the_change(&app);
    let link = "https://visio.exemple.fr/x";
    fire(&app, &client, &project, &a, "shortlist", "").await;
    fire(&app, &client, &project, &b, "shortlist", "").await;
    let slots = ["2027-03-24T10:00", "2027-03-25T10:00"];
    let mut ids = Vec::new();
    for expert in [&a, &b] {
        let res = add_video_step(&app, &client, &project, expert, &slots, link).await;
        ids.push(res.json::<String>().await.unwrap());
    }
    for (who, step) in [(&anne, &ids[0]), (&bruno, &ids[1])] {
        let form = [("step", step.as_str()), ("at", "2027-03-24T09:00:00Z")];
        assert_eq!(app.call_as(who, "step_pick", &form).await.status(), 200);
    }
    // Anne cancels: both calendars get CANCEL, same UID, a higher SEQUENCE.
    let form = [("step", ids[0].as_str())];
    assert_eq!(app.call_as(&anne, "step_cancel", &form).await.status(), 200);
    assert_eq!(
        app.call_as(&anne, "step_cancel", &form).await.status(),
        422,
        "already cancelled"
    );
    for to in ["achats@acme.fr", "anne@exemple.fr"] {
        let sent = invitations(&app, to).await;
        let (first, last) = (&sent[0], sent.last().unwrap());
        assert_eq!(last.0, "CANCEL");
        assert_eq!(event_of(&last.1).get_uid(), event_of(&first.1).get_uid());
        assert_eq!(event_of(&last.1).get_sequence(), Some(1));
        assert_eq!(
            event_of(&last.1).get_status(),
            Some(icalendar::EventStatus::Cancelled)
        );
    }
    // Bruno is not kept: his confirmed step ends with the path.
    fire(&app, &client, &project, &b, "not_keep", "rate_too_high").await;
    let sent = invitations(&app, "bruno@exemple.fr").await;
    assert_eq!(sent.last().unwrap().0, "CANCEL");
    assert_eq!(sent.len(), 2);
}
