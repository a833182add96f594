//! Command line: `b2bizen` (serve), `b2bizen db start|stop|url`.

use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use tokio::net::TcpListener;

use crate::server::config::Config;
use crate::server::embedded_pg::EmbeddedPg;
use crate::server::state::AppState;
use crate::server::{db, http};

const USAGE: &str = "usage: b2bizen [serve]
       b2bizen db start|stop|url [--data-dir DIR] [--database NAME] [--fast]";

/// The embedded cluster's database when `DATABASE_URL` is unset.
const EMBEDDED_DATABASE: &str = "b2bizen";

pub async fn main(args: Vec<String>) -> Result<()> {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match words.as_slice() {
        [] | ["serve"] => serve(Config::from_env()?).await,
        ["db", action, rest @ ..] => db_command(action, rest).await,
        ["help"] | ["--help"] | ["-h"] => {
            println!("{USAGE}");
            Ok(())
        }
        _ => bail!("unknown arguments {args:?}\n{USAGE}"),
    }
}

/// Runs the web server until Ctrl-C or SIGTERM.
pub async fn serve(config: Config) -> Result<()> {
    // Claim the port first: if it is taken, nothing else should start.
    let listener = TcpListener::bind(config.site_addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.site_addr))?;

    let embedded = match &config.database_url {
        Some(_) => None,
        None => {
            let pg = EmbeddedPg::new(config.data_dir.join("pg"))?;
            let owned = pg.start().await?;
            pg.ensure_database(EMBEDDED_DATABASE).await?;
            tracing::info!(dir = %pg.data_dir().display(), "embedded PostgreSQL ready");
            Some((pg, owned))
        }
    };
    let url = match (&config.database_url, &embedded) {
        (Some(url), _) => url.clone(),
        (None, Some((pg, _))) => pg.url(EMBEDDED_DATABASE),
        (None, None) => unreachable!("embedded cluster started above"),
    };

    let result = run_app(config, listener, &url).await;

    if let Some((pg, true)) = &embedded {
        if let Err(err) = pg.stop().await {
            tracing::warn!(error = %format!("{err:#}"), "could not stop the embedded PostgreSQL");
        } else {
            tracing::info!("embedded PostgreSQL stopped");
        }
    }
    result
}

async fn run_app(config: Config, listener: TcpListener, url: &str) -> Result<()> {
    let pool = db::connect(url).await?;
    db::migrate(&pool).await?;
    let state = AppState {
        leptos_options: config.leptos.clone(),
        pool,
    };
    let addr = listener.local_addr()?;
    tracing::info!("B2BiZen listening on http://{addr}");
    println!("B2BiZen est prêt : http://{addr}");
    axum::serve(listener, http::router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("the HTTP server stopped with an error")
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut sig) => {
                sig.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

async fn db_command(action: &str, rest: &[&str]) -> Result<()> {
    let mut data_dir = PathBuf::from(".data/pg");
    let mut database = EMBEDDED_DATABASE.to_string();
    let mut fast = false;
    let mut it = rest.iter();
    while let Some(flag) = it.next() {
        match *flag {
            "--data-dir" => data_dir = it.next().context("--data-dir needs a value")?.into(),
            "--database" => database = it.next().context("--database needs a value")?.to_string(),
            "--fast" => fast = true,
            other => bail!("unknown option {other}\n{USAGE}"),
        }
    }
    let mut pg = EmbeddedPg::new(&data_dir)?;
    if fast {
        pg = pg.without_durability();
    }
    match action {
        "start" => {
            pg.start().await?;
            pg.ensure_database(&database).await?;
            println!("{}", pg.url(&database));
        }
        "stop" => pg.stop().await?,
        "url" => println!("{}", pg.url(&database)),
        other => bail!("unknown db action {other}\n{USAGE}"),
    }
    Ok(())
}
