//! The fan-out of one process: events arrive once, from the shared database listener,
//! and every open stream of the process gets them from one broadcast. Streams are
//! counted, per account and in all, so that opening tabs is not a way to exhaust the
//! server.

use sqlx::PgPool;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::{broadcast, watch};

use super::Published;
use crate::domain::id::AccountId;
use crate::server::jobs::listen::{Subscription, Wake};

/// Events kept for a stream that has not written the previous ones yet; one further
/// behind is ended, and the browser resumes from the table.
const BACKLOG: usize = 4096;
/// Open streams per process: past it, a browser retries (another process may have room).
pub const MAX_STREAMS: usize = 20_000;
/// Open streams per account: tabs and devices.
pub const STREAMS_PER_ACCOUNT: usize = 12;

#[derive(Clone)]
pub struct LiveHub {
    sender: broadcast::Sender<Arc<Published>>,
    open: Arc<Mutex<Streams>>,
    closing: watch::Sender<bool>,
    max_streams: usize,
}

#[derive(Default)]
struct Streams {
    total: usize,
    per_account: HashMap<AccountId, usize>,
}

/// A stream's place, given back when the stream ends.
pub struct Admission {
    hub: LiveHub,
    account: AccountId,
}

impl Drop for Admission {
    fn drop(&mut self) {
        let mut open = self.hub.open.lock().unwrap_or_else(|p| p.into_inner());
        open.total -= 1;
        if let Some(n) = open.per_account.get_mut(&self.account) {
            *n -= 1;
            if *n == 0 {
                open.per_account.remove(&self.account);
            }
        }
    }
}

impl LiveHub {
    pub fn new(max_streams: usize) -> Self {
        Self {
            sender: broadcast::channel(BACKLOG).0,
            open: Arc::default(),
            closing: watch::channel(false).0,
            max_streams,
        }
    }

    /// A place for one more stream of `account`, if it and the process have room.
    pub fn admit(&self, account: AccountId) -> Option<Admission> {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        let mine = open.per_account.get(&account).copied().unwrap_or(0);
        if open.total >= self.max_streams || mine >= STREAMS_PER_ACCOUNT {
            return None;
        }
        open.total += 1;
        *open.per_account.entry(account).or_default() += 1;
        Some(Admission {
            hub: self.clone(),
            account,
        })
    }

    pub fn open_streams(&self) -> usize {
        self.open.lock().unwrap_or_else(|p| p.into_inner()).total
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Published>> {
        self.sender.subscribe()
    }

    /// Resolves when the process shuts down: streams end so that shutdown need not wait
    /// for them (browsers reconnect to another process, or to this one restarted).
    pub fn closed(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        let mut closing = self.closing.subscribe();
        async move {
            let _ = closing.wait_for(|closing| *closing).await;
        }
    }

    pub fn close(&self) {
        self.closing.send_replace(true);
    }

    fn send(&self, event: Published) {
        // No stream open is fine: a stream replays from the table when it opens.
        let _ = self.sender.send(Arc::new(event));
    }
}

/// Feeds the hub from the listener until the pool closes. After a reconnection (or a
/// burst the listener's own buffer could not hold) it reads what it missed from the
/// table, in id order.
pub async fn follow(pool: PgPool, hub: LiveHub, mut wakes: Subscription) {
    let mut last = super::cursor(&pool).await.unwrap_or(0);
    while let Some(wake) = wakes.next().await {
        match wake {
            Wake::Notified(payload) => match serde_json::from_str::<Published>(&payload) {
                Ok(event) if event.id > last => {
                    last = event.id;
                    hub.send(event);
                }
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "unreadable live event"),
            },
            Wake::Reconnected => match super::after(&pool, last, None, BACKLOG as i64).await {
                Ok(events) => {
                    for event in events {
                        last = last.max(event.id);
                        hub.send(event);
                    }
                }
                Err(err) => tracing::warn!(error = %err, "live events: catching up failed"),
            },
        }
    }
}
