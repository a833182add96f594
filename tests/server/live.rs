//! The live stream (`GET /live`) over real HTTP: each party receives the events of its
//! own paths and nothing of others', across server processes; a reconnection resumes
//! after the last event received, without loss or repeat; compression leaves the stream
//! alone.

use crate::common::TestApp;
use crate::projects::published_expert;
use crate::proposals::{expert_id, submit_project};
use futures::StreamExt;
use serde_json::{json, Value};
use std::time::Duration;

/// One server-sent event: its id, type (`message` unless named) and data.
#[derive(Debug, Clone)]
pub(crate) struct Sse {
    pub id: Option<i64>,
    pub kind: String,
    pub data: String,
}

impl Sse {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.data).unwrap()
    }
}

/// An open stream, read frame by frame.
pub(crate) struct Stream {
    body: futures::stream::BoxStream<'static, reqwest::Result<axum::body::Bytes>>,
    buffer: String,
    pub headers: reqwest::header::HeaderMap,
}

impl Stream {
    pub async fn open(
        base_url: &str,
        client: &reqwest::Client,
        after: Option<i64>,
        last_event_id: Option<i64>,
    ) -> Self {
        let mut req = client.get(format!("{base_url}/live"));
        if let Some(after) = after {
            req = req.query(&[("after", after)]);
        }
        if let Some(id) = last_event_id {
            req = req.header("last-event-id", id.to_string());
        }
        let res = req
            .header("accept-encoding", "gzip, br")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let headers = res.headers().clone();
        Self {
            body: res.bytes_stream().boxed(),
            buffer: String::new(),
            headers,
        }
    }

    /// The next event with data (keep-alive comments and the `retry:` frame skipped);
    /// `None` if none comes within `wait`.
    pub async fn next(&mut self, wait: Duration) -> Option<Sse> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            while let Some(end) = self.buffer.find("\n\n") {
                let frame: String = self.buffer.drain(..end + 2).collect();
                let (mut id, mut kind, mut data) = (None, "message".to_string(), None::<String>);
                for line in frame.lines() {
                    if let Some(v) = line.strip_prefix("id:") {
                        id = v.trim().parse().ok();
                    } else if let Some(v) = line.strip_prefix("event:") {
                        kind = v.trim().to_string();
                    } else if let Some(v) = line.strip_prefix("data:") {
                        data = Some(v.trim_start().to_string());
                    }
                }
                if let Some(data) = data {
                    return Some(Sse { id, kind, data });
                }
            }
            let chunk = tokio::time::timeout_at(deadline, self.body.next())
                .await
                .ok()??;
            self.buffer
                .push_str(&String::from_utf8_lossy(&chunk.unwrap()));
        }
    }

    /// Events until one `wanted` accepts (returned with those before it).
    pub async fn until(&mut self, wanted: impl Fn(&Value) -> bool) -> Vec<Sse> {
        let mut seen = Vec::new();
        loop {
            let event = self
                .next(Duration::from_secs(10))
                .await
                .unwrap_or_else(|| panic!("no awaited event; received {seen:?}"));
            assert_eq!(event.kind, "message", "a reset only follows a long absence");
            let done = wanted(&event.json());
            seen.push(event);
            if done {
                return seen;
            }
        }
    }
}

pub(crate) async fn cursor(app: &TestApp, who: &reqwest::Client) -> i64 {
    let status: Value = app
        .call_as(who, "live_status", &[])
        .await
        .json()
        .await
        .unwrap();
    status["cursor"].as_i64().unwrap()
}

/// A project of Acme with Anne and Bruno proposed: (admin, client, anne, bruno,
/// project, anne's id, bruno's id).
pub(crate) async fn proposed_pair(
    app: &TestApp,
) -> (
    reqwest::Client,
    reqwest::Client,
    reqwest::Client,
    reqwest::Client,
    String,
    String,
    String,
) {
    let admin = app.admin("admin@b2bizen.fr").await;
    let anne = published_expert(app, &admin, "anne@exemple.fr", "Aubry", "69", "700").await;
    let bruno = published_expert(app, &admin, "bruno@exemple.fr", "Barre", "69", "700").await;
    let client = app.client_company("achats@acme.fr", "Acme").await;
    let project = submit_project(app, &client).await;
    let (a, b) = (expert_id(app, "Aubry").await, expert_id(app, "Barre").await);
    app.wait_all_indexed().await;
    let body = json!({ "id": project, "picks": [[a, ""], [b, ""]] });
    assert_eq!(
        app.call_json(&admin, "admin_propose", &body).await.status(),
        200
    );
    (admin, client, anne, bruno, project, a, b)
}

pub(crate) async fn fire(
    app: &TestApp,
    who: &reqwest::Client,
    project: &str,
    expert: &str,
    event: &str,
    reason: &str,
) {
    let form = [
        ("project", project),
        ("expert", expert),
        ("event", event),
        ("reason", reason),
        ("comment", ""),
    ];
    assert_eq!(
        app.call_as(who, "selection_fire", &form).await.status(),
        200
    );
}

fn is_path_of(expert: &str) -> impl Fn(&Value) -> bool + '_ {
    move |e| e["kind"] == "path" && e["expert"] == expert
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_party_follows_its_paths_live_across_processes_and_a_stranger_gets_nothing() {
    let app = TestApp::spawn().await;
    let (_admin, client, anne, _bruno, project, a, _b) = proposed_pair(&app).await;
    let other = app.client_company("achats@zeta.fr", "Zeta").await;
    // Anne's page is served by another process than the one the client writes through.
    let b = app.second_server().await;
    let start = cursor(&app, &client).await;
    let mut anne_live = Stream::open(&b.base_url, &anne, Some(start), None).await;
    let mut client_live = Stream::open(&app.base_url, &client, Some(start), None).await;
    let mut other_live = Stream::open(&app.base_url, &other, Some(start), None).await;
    // A stream, not a compressed download.
    assert_eq!(client_live.headers["content-type"], "text/event-stream");
    assert!(client_live.headers.get("content-encoding").is_none());
    assert_eq!(client_live.headers["x-accel-buffering"], "no");

    fire(&app, &client, &project, &a, "shortlist", "").await;
    let seen = anne_live.until(is_path_of(&a)).await;
    let event = seen.last().unwrap().json();
    assert_eq!(event["project"], project.as_str());
    // Ids only: what changed is read again through the server functions.
    assert_eq!(
        event.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["expert", "id", "kind", "project"]
    );
    client_live.until(is_path_of(&a)).await;

    // The stranger's first event is their own notice, written after the shortlisting:
    // the path's event, earlier, never reached them.
    assert_eq!(
        app.call_as(&other, "notifications_mark_read", &[])
            .await
            .status(),
        200
    );
    let first = other_live
        .next(Duration::from_secs(10))
        .await
        .unwrap()
        .json();
    assert_eq!(first["kind"], "notice");
    assert!(first["project"].is_null());
    // Nor does replaying from the start give them anything but their own.
    let mut replay = Stream::open(&app.base_url, &other, Some(0), None).await;
    while let Some(event) = replay.next(Duration::from_millis(300)).await {
        assert_eq!(event.json()["kind"], "notice", "{event:?}");
    }

    // Signed out, no stream.
    let anonymous = TestApp::browser(&app.base_url);
    let res = anonymous
        .get(format!("{}/live", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reconnection_resumes_after_the_last_event_without_loss_or_repeat() {
    let app = TestApp::spawn().await;
    let (_admin, client, _anne, _bruno, project, a, b) = proposed_pair(&app).await;
    let start = cursor(&app, &client).await;
    let mut live = Stream::open(&app.base_url, &client, Some(start), None).await;
    fire(&app, &client, &project, &b, "decline", "rate_too_high").await;
    let last_seen = live.until(is_path_of(&b)).await.last().unwrap().id.unwrap();
    drop(live);

    // Missed while away: two moves and a message.
    fire(&app, &client, &project, &a, "shortlist", "").await;
    let form = [
        ("project", project.as_str()),
        ("expert", a.as_str()),
        ("body", "Bonjour Anne"),
    ];
    assert_eq!(app.call_as(&client, "chat_post", &form).await.status(), 200);
    fire(&app, &client, &project, &a, "select", "").await;

    // The browser reconnects with the id of the last event it received.
    let mut live = Stream::open(&app.base_url, &client, None, Some(last_seen)).await;
    let mut got = Vec::new();
    while let Some(event) = live.next(Duration::from_millis(500)).await {
        got.push(event);
    }
    let ids: Vec<i64> = got.iter().map(|e| e.id.unwrap()).collect();
    assert!(ids.iter().all(|id| *id > last_seen), "{ids:?}");
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "in order, once: {ids:?}"
    );
    let kinds: Vec<String> = got
        .iter()
        .map(|e| e.json()["kind"].as_str().unwrap().to_string())
        .filter(|k| k != "notice")
        .collect();
    assert_eq!(kinds, ["path", "chat", "path"]);
    // And it goes on live.
    let form = [
        ("project", project.as_str()),
        ("expert", a.as_str()),
        ("body", "À bientôt"),
    ];
    assert_eq!(app.call_as(&client, "chat_post", &form).await.status(), 200);
    let next = live.until(|e| e["kind"] == "chat").await;
    assert!(next.last().unwrap().id.unwrap() > *ids.last().unwrap());
}
