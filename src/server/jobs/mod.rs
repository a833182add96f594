//! Background work, all started here: what follows the database (the one LISTEN
//! connection, the matching index) and the periodic jobs (mail delivery, reminders,
//! notice retries, purges).

pub mod listen;

use anyhow::{Context, Result};
use std::time::Duration;
use tower_sessions::ExpiredDeletion;
use tower_sessions_sqlx_store::PostgresStore;

use crate::server::auth::rate_limit;
use crate::server::mail::worker;
use crate::server::state::AppState;
use listen::Channels;

/// The channels this process listens to.
pub const CHANNELS: &[&str] = &[
    crate::server::match_sync::CHANNEL,
    worker::CHANNEL,
    crate::server::live::CHANNEL,
    crate::server::billing::CHANNEL,
];

/// What every server process needs before it answers: the shared listener and the
/// matching index built and followed. Tests start this alone; [`start`] adds the jobs.
pub async fn follow_database(state: &AppState) -> Result<Channels> {
    let channels = Channels::start(&state.pool, CHANNELS)
        .await
        .context("listening to database notifications")?;
    crate::server::match_sync::start(state, &channels)
        .await
        .context("building the matching index")?;
    tokio::spawn(crate::server::live::hub::follow(
        state.pool.clone(),
        state.live.clone(),
        channels.subscribe(crate::server::live::CHANNEL),
    ));
    Ok(channels)
}

/// Everything that runs beside the requests of a serving process.
pub async fn start(state: &AppState) -> Result<()> {
    let channels = follow_database(state).await?;
    match &state.config.smtp_url {
        Some(url) => {
            let mailer = worker::Mailer::new(url, &state.config.mail_from)?;
            tokio::spawn(worker::run(
                state.pool.clone(),
                mailer,
                channels.subscribe(worker::CHANNEL),
            ));
        }
        None => tracing::info!("SMTP_URL unset: mails stay in the outbox, see /admin/mailbox"),
    }
    let store = PostgresStore::new(state.pool.clone());
    tokio::spawn(async move {
        if let Err(err) = store
            .continuously_delete_expired(Duration::from_secs(600))
            .await
        {
            tracing::warn!(error = %err, "expired session clean-up stopped");
        }
    });
    let pool = state.pool.clone();
    tokio::spawn(async move {
        loop {
            let _ = rate_limit::purge(&pool).await;
            let _ = crate::server::live::purge(&pool).await;
            let _ =
                crate::server::mail::outbox::purge(&pool, crate::server::mail::outbox::KEEP).await;
            tokio::time::sleep(Duration::from_secs(3600)).await;
        }
    });
    tokio::spawn(crate::server::eligibility::run(
        state.pool.clone(),
        state.config.public_url.clone(),
        state.clock.clone(),
    ));
    tokio::spawn(crate::server::project::run_notice_retries(state.clone()));
    tokio::spawn(crate::server::selection::run_reminders(state.clone()));
    tokio::spawn(crate::server::chat::mail::run(state.clone()));
    tokio::spawn(crate::server::billing::document::run(
        state.clone(),
        channels.subscribe(crate::server::billing::CHANNEL),
    ));
    tokio::spawn(crate::server::billing::reminders::run(state.clone()));
    tokio::spawn(crate::server::retention::run(
        state.pool.clone(),
        state.storage.clone(),
    ));
    Ok(())
}
