//! Command line: `b2bizen` (serve), `b2bizen db start|stop|url`.

use anyhow::{anyhow, bail, Context, Result};
use sqlx::PgPool;
use std::path::PathBuf;
use tokio::net::TcpListener;

use crate::domain::account::Email;
use crate::server::auth::tokens;
use crate::server::config::Config;
use crate::server::embedded_pg::EmbeddedPg;
use crate::server::state::AppState;
use crate::server::{account, db, demo, http};

const USAGE: &str = "usage: b2bizen [serve]
       b2bizen admin create --email EMAIL [--name NAME]
       b2bizen db start|stop|url [--data-dir DIR] [--database NAME] [--fast]
       b2bizen contract verify FILE.pdf
       b2bizen contract evidence";

/// Demo experts loaded into an empty embedded database.
const DEMO_EXPERTS: usize = 220;

/// The admin created on an empty embedded database.
const FIRST_ADMIN_EMAIL: &str = "admin@b2bizen.local";

/// The embedded cluster's database when `DATABASE_URL` is unset.
const EMBEDDED_DATABASE: &str = "b2bizen";

pub async fn main(args: Vec<String>) -> Result<()> {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match words.as_slice() {
        [] | ["serve"] => serve(Config::from_env()?).await,
        ["db", action, rest @ ..] => db_command(action, rest).await,
        ["admin", action, rest @ ..] => admin_command(action, rest).await,
        ["contract", "verify", file] => contract_verify(file).await,
        ["contract", "evidence"] => evidence_check().await,
        ["help"] | ["--help"] | ["-h"] => {
            println!("{USAGE}");
            Ok(())
        }
        _ => bail!("unknown arguments {args:?}\n{USAGE}"),
    }
}

/// The database to use: `DATABASE_URL`, or the embedded cluster (started if needed and
/// stopped on [`Database::close`] when we started it).
struct Database {
    url: String,
    embedded: Option<(EmbeddedPg, bool)>,
}

impl Database {
    async fn open(config: &Config) -> Result<Self> {
        if let Some(url) = &config.database_url {
            return Ok(Self {
                url: url.clone(),
                embedded: None,
            });
        }
        let pg = EmbeddedPg::new(config.data_dir.join("pg"))?;
        let owned = pg.start().await?;
        pg.ensure_database(EMBEDDED_DATABASE).await?;
        tracing::info!(dir = %pg.data_dir().display(), "embedded PostgreSQL ready");
        Ok(Self {
            url: pg.url(EMBEDDED_DATABASE),
            embedded: Some((pg, owned)),
        })
    }

    fn is_embedded(&self) -> bool {
        self.embedded.is_some()
    }

    async fn close(self) {
        if let Some((pg, true)) = &self.embedded {
            match pg.stop().await {
                Ok(()) => tracing::info!("embedded PostgreSQL stopped"),
                Err(err) => {
                    tracing::warn!(error = %format!("{err:#}"), "could not stop the embedded PostgreSQL")
                }
            }
        }
    }
}

/// Runs the web server until Ctrl-C or SIGTERM.
pub async fn serve(mut config: Config) -> Result<()> {
    // Claim the port first: if it is taken, nothing else should start.
    let listener = TcpListener::bind(config.site_addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.site_addr))?;
    // The default public URL names the address actually bound (SITE_ADDR may say port 0).
    if config.public_url == format!("http://{}", config.site_addr) {
        config.public_url = format!("http://{}", listener.local_addr()?);
    }
    let shutdown = shutdown_signal()?;
    let database = Database::open(&config).await?;
    let embedded = database.is_embedded();
    let result = run_app(config, listener, &database.url, embedded, shutdown).await;
    database.close().await;
    result
}

async fn run_app(
    config: Config,
    listener: TcpListener,
    url: &str,
    embedded: bool,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<()> {
    let pool = db::connect(url).await?;
    db::migrate(&pool).await?;
    if embedded {
        if !account::has_admin(&pool).await? {
            create_first_admin(&pool).await?;
        }
        let seeded = demo::seed_if_empty(&pool, DEMO_EXPERTS)
            .await
            .map_err(|e| anyhow!("cannot load the demo data: {e}"))?;
        if seeded > 0 {
            tracing::info!(experts = seeded, "demo data loaded (marked « Démo »)");
        }
    }
    let state = AppState::new(config, pool);
    crate::server::jobs::start(&state).await?;
    let addr = listener.local_addr()?;
    tracing::info!("B2BiZen listening on http://{addr}");
    println!("B2BiZen est prêt : http://{addr}");
    let timeout = state.config.slow_client_timeout;
    let hub = state.live.clone();
    let shutdown = async move {
        shutdown.await;
        hub.close();
    };
    http::serve(listener, http::router(state), timeout, shutdown)
        .await
        .context("the HTTP server stopped with an error")
}

/// On an empty embedded database, an admin so that a newcomer can use /admin/mailbox.
async fn create_first_admin(pool: &PgPool) -> Result<()> {
    let email = Email::parse(FIRST_ADMIN_EMAIL)
        .map_err(|e| anyhow!(e.text(crate::domain::lang::Lang::Fr)))?;
    let password = tokens::random_password();
    account::create_admin(pool, &email, "Administrateur", password.clone())
        .await
        .map_err(|e| anyhow!("cannot create the first admin: {e}"))?;
    println!(
        "Premier administrateur créé (affiché une seule fois) : {FIRST_ADMIN_EMAIL} / {password}"
    );
    Ok(())
}

/// `b2bizen admin create --email E [--name N]`: prints the generated password once.
async fn admin_command(action: &str, rest: &[&str]) -> Result<()> {
    if action != "create" {
        bail!("unknown admin action {action}\n{USAGE}");
    }
    let mut email = None;
    let mut name = "Administrateur".to_string();
    let mut it = rest.iter();
    while let Some(flag) = it.next() {
        match *flag {
            "--email" => email = Some(it.next().context("--email needs a value")?.to_string()),
            "--name" => name = it.next().context("--name needs a value")?.to_string(),
            other => bail!("unknown option {other}\n{USAGE}"),
        }
    }
    let email = Email::parse(&email.context("--email is required")?)
        .map_err(|e| anyhow!(e.text(crate::domain::lang::Lang::Fr)))?;
    let config = Config::from_env()?;
    let database = Database::open(&config).await?;
    let result = async {
        let pool = db::connect(&database.url).await?;
        db::migrate(&pool).await?;
        let password = tokens::random_password();
        account::create_admin(&pool, &email, &name, password.clone())
            .await
            .map_err(|e| anyhow!("{e}"))?;
        println!("Administrateur créé : {email}");
        println!("Mot de passe (affiché une seule fois) : {password}");
        Ok(())
    }
    .await;
    database.close().await;
    result
}

/// Says what the platform knows of a PDF: a contract it had signed (and by whom), one
/// drawn and not yet signed by both, or nothing (an altered copy). Exit status 0 only for
/// a signed contract.
async fn contract_verify(file: &str) -> Result<()> {
    use crate::domain::contract::Verification;
    let pdf = std::fs::read(file).with_context(|| format!("cannot read {file}"))?;
    let hash = crate::server::contract::verify::fingerprint(&pdf);
    let found = with_database(|pool| async move {
        crate::server::contract::verify::verify(&pool, &hash)
            .await
            .map_err(|e| anyhow!("{e}"))
    })
    .await?;
    let signers = |list: &[crate::domain::contract::SignatureView]| {
        for s in list {
            println!("  {} ({}), {}", s.name, s.company, s.at);
        }
    };
    match found {
        Verification::Signed {
            reference,
            signatures,
        } => {
            println!("Contrat {reference} signé par :");
            signers(&signatures);
            Ok(())
        }
        Verification::Drawn {
            reference,
            signatures,
        } => {
            println!("Contrat {reference} tel qu'établi, avant les signatures ; signé par :");
            signers(&signatures);
            bail!("not the signed document")
        }
        Verification::Unknown => bail!("inconnu de la plateforme, ou modifié : {file}"),
    }
}

/// Recomputes the whole signature evidence chain.
async fn evidence_check() -> Result<()> {
    let broken = with_database(|pool| async move {
        Ok(crate::server::contract::evidence::verify_chain(&pool).await?)
    })
    .await?;
    match broken {
        None => {
            println!("Journal des preuves intègre.");
            Ok(())
        }
        Some(id) => bail!("journal des preuves rompu à l'enregistrement {id}"),
    }
}

/// Runs `f` on the configured database (migrated), closing what it opened.
async fn with_database<T, F, Fut>(f: F) -> Result<T>
where
    F: FnOnce(PgPool) -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
    let config = Config::from_env()?;
    let database = Database::open(&config).await?;
    let result = async {
        let pool = db::connect(&database.url).await?;
        db::migrate(&pool).await?;
        f(pool).await
    }
    .await;
    database.close().await;
    result
}

/// Resolves on Ctrl-C or SIGTERM. The handlers are registered when this is called, not
/// when first polled, so a signal that arrives during start-up is not lost.
fn shutdown_signal() -> Result<impl std::future::Future<Output = ()>> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut interrupt = signal(SignalKind::interrupt()).context("cannot handle SIGINT")?;
    let mut terminate = signal(SignalKind::terminate()).context("cannot handle SIGTERM")?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {},
            _ = terminate.recv() => {},
        }
        tracing::info!("shutting down");
    })
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
