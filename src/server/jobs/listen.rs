//! One LISTEN connection per process, shared by every channel.
//!
//! PostgreSQL notifications (`pg_notify`, sent in the writing transaction) wake the parts
//! that follow the database: the matching index, the mail worker, and the live events
//! to come. Each used to hold a connection of its own; here one listener serves them
//! all. Notifications sent while the connection is down are lost: after every
//! reconnection each subscriber receives [`Wake::Reconnected`] and catches up from the
//! tables (the index rebuilds, the worker makes a pass), and a subscriber too slow to
//! keep up is told the same way.

use sqlx::postgres::PgListener;
use sqlx::PgPool;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast;

/// What a subscriber of a channel is woken with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wake {
    /// A notification on the channel, with its payload.
    Notified(String),
    /// Notifications may have been missed: read the state again.
    Reconnected,
}

/// Notifications waiting for a slow subscriber before it is told to catch up instead.
const BACKLOG: usize = 1024;

/// Subscriptions to the channels of the one listener.
#[derive(Clone)]
pub struct Channels {
    senders: Arc<HashMap<&'static str, broadcast::Sender<Wake>>>,
}

/// A subscription to one channel.
pub struct Subscription(broadcast::Receiver<Wake>);

impl Subscription {
    /// The next wake-up; `None` once the listener has stopped (the pool was closed).
    pub async fn next(&mut self) -> Option<Wake> {
        match self.0.recv().await {
            Ok(wake) => Some(wake),
            Err(broadcast::error::RecvError::Lagged(_)) => Some(Wake::Reconnected),
            Err(broadcast::error::RecvError::Closed) => None,
        }
    }
}

impl Channels {
    /// Listens to `channels` on one connection and dispatches what arrives; resolves once
    /// the connection listens, so nothing sent after it returns is missed.
    pub async fn start(pool: &PgPool, channels: &[&'static str]) -> Result<Self, sqlx::Error> {
        let mut listener = PgListener::connect_with(pool).await?;
        listener.listen_all(channels.iter().copied()).await?;
        let senders: HashMap<_, _> = channels
            .iter()
            .map(|name| (*name, broadcast::channel(BACKLOG).0))
            .collect();
        let channels = Self {
            senders: Arc::new(senders),
        };
        tokio::spawn(dispatch(listener, channels.clone()));
        Ok(channels)
    }

    /// Subscribes to `channel`, which must be one of those started.
    pub fn subscribe(&self, channel: &str) -> Subscription {
        let sender = self
            .senders
            .get(channel)
            .unwrap_or_else(|| panic!("channel {channel} is not listened to"));
        Subscription(sender.subscribe())
    }

    fn tell_all(&self, wake: &Wake) {
        for sender in self.senders.values() {
            // No subscriber yet is fine: they read the state when they subscribe.
            let _ = sender.send(wake.clone());
        }
    }
}

/// A channel nobody notifies: unlistening it forces the listener to reconnect.
const PROBE: &str = "b2bizen_listener_probe";

async fn dispatch(mut listener: PgListener, channels: Channels) {
    loop {
        match listener.try_recv().await {
            Ok(Some(note)) => match channels.senders.get(note.channel()) {
                Some(sender) => {
                    let _ = sender.send(Wake::Notified(note.payload().to_string()));
                }
                None => tracing::warn!(
                    channel = note.channel(),
                    "notification on an unknown channel"
                ),
            },
            // Lost and already re-established (sqlx reconnects before answering None).
            Ok(None) => {
                tracing::warn!("database listener reconnected: catching up");
                channels.tell_all(&Wake::Reconnected);
            }
            // Shutting down: give the connection back so that the pool can close.
            Err(sqlx::Error::PoolClosed) => return,
            Err(err) => {
                tracing::warn!(error = %err, "database listener lost: reconnecting");
                if !reconnect(&mut listener).await {
                    return;
                }
                channels.tell_all(&Wake::Reconnected);
            }
        }
    }
}

/// Retries until the listener listens again (1 s, then up to 30 s apart); `false` if the
/// pool was closed meanwhile.
async fn reconnect(listener: &mut PgListener) -> bool {
    let mut pause = Duration::from_secs(1);
    loop {
        tokio::time::sleep(pause).await;
        match listener.unlisten(PROBE).await {
            Ok(()) => return true,
            Err(sqlx::Error::PoolClosed) => return false,
            Err(err) => tracing::debug!(error = %err, "database listener: still unreachable"),
        }
        pause = (pause * 2).min(Duration::from_secs(30));
    }
}
