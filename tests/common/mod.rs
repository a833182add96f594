//! Test harness: a real PostgreSQL (one fresh database per test) and the real axum app
//! served over real HTTP on a random port.
#![allow(dead_code)]

use b2bizen::server::{config::Config, db, embedded_pg::EmbeddedPg, http, state::AppState};
use sqlx::{Connection, PgConnection, PgPool};
use std::sync::atomic::{AtomicU32, Ordering};
use tokio::sync::OnceCell;

static CLUSTER_URL: OnceCell<String> = OnceCell::const_new();
static COUNTER: AtomicU32 = AtomicU32::new(0);

/// The server to create test databases on: `DATABASE_URL` (set by scripts/test), or
/// else an embedded cluster in target/test-pg, started on first use and left running.
async fn cluster_url() -> String {
    CLUSTER_URL
        .get_or_init(|| async {
            if let Ok(url) = std::env::var("DATABASE_URL") {
                return url;
            }
            let dir =
                std::env::temp_dir().join(format!("b2bizen-cargo-test-{}", std::process::id()));
            let pg = EmbeddedPg::new(dir.join("pg"))
                .unwrap()
                .without_durability();
            pg.start().await.expect("embedded PostgreSQL for tests");
            pg.url("postgres")
        })
        .await
        .clone()
}

/// A fresh, migrated database of its own.
pub async fn fresh_database() -> (PgPool, String) {
    let url = unmigrated_database().await;
    let pool = db::connect(&url).await.expect("connect to test database");
    db::migrate(&pool).await.expect("migrations apply");
    (pool, url)
}

/// A fresh, empty database (no migrations), returned as a URL.
pub async fn unmigrated_database() -> String {
    let base = cluster_url().await;
    let name = format!(
        "t_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        uuid::Uuid::new_v4().simple()
    );
    let mut admin = PgConnection::connect(&base)
        .await
        .expect("connect to test cluster");
    sqlx::query(&format!("CREATE DATABASE \"{name}\""))
        .execute(&mut admin)
        .await
        .expect("create test database");
    replace_database(&base, &name)
}

/// The same server URL (host or socket parameters kept) with another database name.
fn replace_database(url: &str, name: &str) -> String {
    let (head, query) = match url.split_once('?') {
        Some((h, q)) => (h, Some(q)),
        None => (url, None),
    };
    let scheme_end = head.find("://").map(|i| i + 3).unwrap_or(0);
    let base = match head[scheme_end..].find('/') {
        Some(slash) => &head[..scheme_end + slash],
        None => head,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

pub struct TestApp {
    pub base_url: String,
    pub pool: PgPool,
    pub client: reqwest::Client,
}

impl TestApp {
    pub async fn spawn() -> Self {
        let (pool, _) = fresh_database().await;
        let config = Config::from_lookup(|_| None).unwrap();
        let state = AppState {
            leptos_options: config.leptos,
            pool: pool.clone(),
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            axum::serve(listener, http::router(state)).await.unwrap();
        });
        Self {
            base_url: format!("http://{addr}"),
            pool,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
        }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{}", self.base_url, path))
            .send()
            .await
            .expect("request")
    }
}
