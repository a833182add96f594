//! `GET /live`: the server-sent events of the signed-in reader, one stream per tab for
//! everything the tab may follow (a project's paths, a conversation, the notifications).
//!
//! The stream subscribes to the process's hub *before* it replays from the table, so an
//! event committed in between is in one or the other (and skipped in the second by its
//! id), never in neither. A reconnecting browser sends `Last-Event-ID`; a page opening a
//! stream sends `?after=` the cursor it was rendered with. A stream that falls behind the
//! hub is ended rather than waited for: the browser resumes from the table.

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::stream::{self, StreamExt};
use serde::Deserialize;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast::{self, error::RecvError};
use tokio::time::Instant;
use tower_sessions::Session;

use super::hub::Admission;
use super::Published;
use crate::domain::live::{parse_cursor, RESET};
use crate::domain::session::CurrentUser;
use crate::error::AppError;
use crate::server::auth::{access::refuse, session};
use crate::server::state::AppState;

pub const PATH: &str = "/live";
/// Events replayed on a reconnection; a reader further behind is told to start again.
const REPLAY_MAX: i64 = 1000;
/// Proxies close a connection idle for about a minute.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// The browser's pause before it reconnects.
const RETRY: Duration = Duration::from_secs(2);
/// A stream ends after this and the browser reconnects, so that a signed-out or disabled
/// account stops receiving within this delay.
const LIFETIME: Duration = Duration::from_secs(15 * 60);

#[derive(Deserialize)]
pub struct Resume {
    after: Option<String>,
}

pub async fn open(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Query(resume): Query<Resume>,
) -> Response {
    let reader = match session::current_user(&session, &state.pool).await {
        Ok(Some(reader)) => reader,
        Ok(None) => return refuse(AppError::Unauthorized),
        Err(err) => return refuse(err),
    };
    let Some(admission) = state.live.admit(reader.id) else {
        return refuse(AppError::RateLimited);
    };
    let cursor = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(parse_cursor)
        .or_else(|| resume.after.as_deref().and_then(parse_cursor));
    let live = state.live.subscribe();
    let mut first = vec![Event::default().retry(RETRY)];
    let mut last = cursor.unwrap_or(0);
    if let Some(after) = cursor {
        match super::after(&state.pool, after, Some(&reader), REPLAY_MAX + 1).await {
            Ok(missed) if missed.len() as i64 > REPLAY_MAX => {
                last = super::cursor(&state.pool).await.unwrap_or(last);
                first.push(Event::default().event(RESET).id(last.to_string()).data(""));
            }
            Ok(missed) => {
                for event in &missed {
                    last = event.id;
                    first.push(sse(event));
                }
            }
            Err(err) => return refuse(err.into()),
        }
    }
    let follow = Follow {
        live,
        last,
        reader,
        closed: Box::pin(state.live.closed()),
        until: Instant::now() + LIFETIME,
        _admission: admission,
    };
    let events = stream::iter(first)
        .chain(stream::unfold(follow, Follow::next))
        .map(Ok::<_, Infallible>);
    let mut response = Sse::new(events)
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response();
    // Nginx and the like buffer responses unless told not to.
    response
        .headers_mut()
        .insert("x-accel-buffering", "no".parse().expect("a valid header"));
    response
}

struct Follow {
    live: broadcast::Receiver<Arc<Published>>,
    last: i64,
    reader: CurrentUser,
    closed: Pin<Box<dyn Future<Output = ()> + Send>>,
    until: Instant,
    _admission: Admission,
}

impl Follow {
    async fn next(mut self) -> Option<(Event, Self)> {
        loop {
            let received = tokio::select! {
                received = self.live.recv() => received,
                () = &mut self.closed => return None,
                () = tokio::time::sleep_until(self.until) => return None,
            };
            match received {
                Ok(event) if event.id > self.last && event.may_reach(&self.reader) => {
                    self.last = event.id;
                    return Some((sse(&event), self));
                }
                Ok(_) => {}
                // Behind the hub: ending lets the browser resume from the table.
                Err(RecvError::Lagged(_) | RecvError::Closed) => return None,
            }
        }
    }
}

fn sse(event: &Published) -> Event {
    let data = serde_json::to_string(&event.event()).unwrap_or_default();
    Event::default().id(event.id.to_string()).data(data)
}
