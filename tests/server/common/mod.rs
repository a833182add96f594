//! Test harness: a real PostgreSQL (one fresh database per test) and the real axum app
//! served over real HTTP on a random port.
#![allow(dead_code)]

use b2bizen::server::{config::Config, db, embedded_pg::EmbeddedPg, http, state::AppState};
use sqlx::{Connection, PgConnection, PgPool};
use std::sync::atomic::{AtomicU32, Ordering};
use tokio::sync::OnceCell;

pub mod facturx;

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

/// A small but well-formed PDF document.
pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// The token of the first single-use link (`…?jeton=<hex>`) in a mail's text.
pub fn token_in(text: &str) -> String {
    let start = text.find("jeton=").expect("a link with a token") + "jeton=".len();
    text[start..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect()
}

pub struct TestApp {
    pub base_url: String,
    pub pool: PgPool,
    /// A browser-like client: keeps cookies, sends this site's Origin on POST.
    pub client: reqwest::Client,
    pub db_url: String,
    /// The server's state, for jobs a test runs by hand (purges, reminders).
    pub state: AppState,
    /// The app's data directory when the test did not choose one, removed with the app.
    _data_dir: Option<RemoveOnDrop>,
}

/// A directory removed when the value is dropped (at the end of the test).
pub struct RemoveOnDrop(pub std::path::PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(&[]).await
    }

    /// The app with extra configuration (`KEY`, `value`) pairs.
    pub async fn spawn_with(settings: &[(&str, &str)]) -> Self {
        let (pool, db_url) = fresh_database().await;
        Self::serve(pool, db_url, settings).await
    }

    /// A second server process on the same database (its own pool and matching index).
    pub async fn second_server(&self) -> Self {
        let pool = b2bizen::server::db::connect(&self.db_url).await.unwrap();
        Self::serve(pool, self.db_url.clone(), &[]).await
    }

    async fn serve(pool: PgPool, db_url: String, settings: &[(&str, &str)]) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut owned: Vec<(String, String)> = settings
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        owned.push(("PUBLIC_URL".into(), format!("http://{addr}")));
        let mut data_dir = None;
        if !owned.iter().any(|(k, _)| k == "B2BIZEN_DATA_DIR") {
            let dir =
                std::env::temp_dir().join(format!("b2bizen-test-data-{}", uuid::Uuid::new_v4()));
            owned.push(("B2BIZEN_DATA_DIR".into(), dir.display().to_string()));
            data_dir = Some(RemoveOnDrop(dir));
        }
        let config =
            Config::from_lookup(|key| owned.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
                .unwrap();
        let mut state = AppState::new(config, pool.clone());
        // Stopped at the start of the test; `app.state.clock.set(..)` moves the server's.
        state.clock = b2bizen::server::clock::Clock::fixed(chrono::Utc::now());
        b2bizen::server::jobs::follow_database(&state)
            .await
            .unwrap();
        let served = state.clone();
        let timeout = state.config.slow_client_timeout;
        tokio::spawn(async move {
            http::serve(
                listener,
                http::router(served),
                timeout,
                std::future::pending(),
            )
            .await
            .unwrap();
        });
        let base_url = format!("http://{addr}");
        Self {
            client: Self::browser(&base_url),
            base_url,
            pool,
            db_url,
            state,
            _data_dir: data_dir,
        }
    }

    /// Waits (10 s at most) until every expert of the database is in this server's
    /// matching index: a publication reaches it through a notification, a moment later.
    pub async fn wait_all_indexed(&self) {
        let experts: Vec<b2bizen::domain::id::ExpertId> =
            sqlx::query_scalar("SELECT id FROM experts")
                .fetch_all(&self.pool)
                .await
                .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !experts
            .iter()
            .all(|id| self.state.matching_facts(*id).is_some())
        {
            assert!(
                std::time::Instant::now() < deadline,
                "experts not indexed after 10 s"
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// Another visitor, with its own cookie jar.
    pub fn browser(base_url: &str) -> reqwest::Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("origin", base_url.parse().unwrap());
        // A hang fails the test with a message instead of stalling the run.
        reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(30))
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .default_headers(headers)
            .build()
            .unwrap()
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{}", self.base_url, path))
            .send()
            .await
            .expect("request")
    }

    /// Calls a server function the way a browser form does.
    pub async fn call(&self, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.call_as(&self.client, endpoint, form).await
    }

    pub async fn call_as(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        client
            .post(format!("{}/api/{endpoint}", self.base_url))
            .form(form)
            .send()
            .await
            .expect("request")
    }

    /// The latest outbox mail to `to`: (subject, text body).
    pub async fn last_mail_to(&self, to: &str) -> (String, String) {
        sqlx::query_as(
            "SELECT subject, body_text FROM outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(to)
        .fetch_one(&self.pool)
        .await
        .unwrap_or_else(|_| panic!("no mail to {to}"))
    }

    /// The token of the first link in the latest mail to `to`.
    pub async fn token_from_last_mail(&self, to: &str) -> String {
        let (_, body) = self.last_mail_to(to).await;
        token_in(&body)
    }

    pub async fn sign_up_provider(&self, email: &str, password: &str) -> reqwest::Response {
        self.call(
            "auth_sign_up_provider",
            &[
                ("kind", "expert"),
                ("first_name", "Camille"),
                ("last_name", "Martin"),
                ("email", email),
                ("password", password),
            ],
        )
        .await
    }
}

pub const PASSWORD: &str = "une longue phrase de passe";

/// A server function's error: (status, error).
pub async fn error_of(res: reqwest::Response) -> (u16, b2bizen::error::AppError) {
    let status = res.status().as_u16();
    (status, res.json().await.expect("an AppError body"))
}

impl TestApp {
    async fn sign_in(&self, client: &reqwest::Client, email: &str) {
        let res = self
            .call_as(
                client,
                "auth_sign_in",
                &[("email", email), ("password", PASSWORD)],
            )
            .await;
        assert!(
            res.status().is_success() || res.status().is_redirection(),
            "sign-in of {email}: {}",
            res.status()
        );
    }

    /// A verified, signed-in provider (expert) with its own cookie jar.
    pub async fn provider(&self, email: &str) -> reqwest::Client {
        let form = [
            ("kind", "expert"),
            ("first_name", "Camille"),
            ("last_name", "Martin"),
            ("email", email),
            ("password", PASSWORD),
        ];
        self.registered("auth_sign_up_provider", &form, email).await
    }

    /// A verified, signed-in client company. Its SIRET is not the one the experts of the
    /// privacy tests keep private: its own account page shows it to it.
    pub async fn client_company(&self, email: &str, company: &str) -> reqwest::Client {
        let form = [
            ("company_name", company),
            ("siret", "443 061 841 00005"),
            ("contact_first_name", "Nora"),
            ("contact_last_name", "Durand"),
            ("email", email),
            ("password", PASSWORD),
        ];
        self.registered("auth_sign_up_client", &form, email).await
    }

    /// Signs up through `endpoint`, confirms the address from the mail, signs in.
    async fn registered(
        &self,
        endpoint: &str,
        form: &[(&str, &str)],
        email: &str,
    ) -> reqwest::Client {
        let client = Self::browser(&self.base_url);
        assert_eq!(self.call_as(&client, endpoint, form).await.status(), 200);
        let token = self.token_from_last_mail(email).await;
        let verified = self
            .call_as(&client, "auth_verify_email", &[("token", &token)])
            .await;
        assert_eq!(verified.status(), 200);
        self.sign_in(&client, email).await;
        client
    }

    /// A signed-in admin.
    pub async fn admin(&self, email: &str) -> reqwest::Client {
        let parsed = b2bizen::domain::account::Email::parse(email).unwrap();
        b2bizen::server::account::create_admin(&self.pool, &parsed, "Admin", PASSWORD.into())
            .await
            .unwrap();
        let client = Self::browser(&self.base_url);
        self.sign_in(&client, email).await;
        client
    }

    /// GETs `path` as `client` and reads the JSON answer (status 200 expected).
    pub async fn get_json(&self, client: &reqwest::Client, path: &str) -> serde_json::Value {
        let res = client
            .get(format!("{}{path}", self.base_url))
            .send()
            .await
            .expect("request");
        assert_eq!(res.status(), 200, "GET {path}");
        res.json().await.expect("a JSON body")
    }

    /// Calls a server function with a JSON body.
    pub async fn call_json(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        body: &serde_json::Value,
    ) -> reqwest::Response {
        client
            .post(format!("{}/api/{endpoint}", self.base_url))
            .json(body)
            .send()
            .await
            .expect("request")
    }

    /// Uploads `bytes` as the `file` part, as the editor does.
    pub async fn upload(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        bytes: Vec<u8>,
        file_name: &str,
    ) -> reqwest::Response {
        let part = reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_string());
        client
            .post(format!("{}/api/{endpoint}", self.base_url))
            .multipart(reqwest::multipart::Form::new().part("file", part))
            .send()
            .await
            .expect("request")
    }
}

/// A text of the product as its locale file has it (`text("en", "site", "hero_title")`),
/// so that tests follow the wording instead of copying it.
pub fn text(lang: &str, namespace: &str, key: &str) -> String {
    let path = format!(
        "{}/locales/{lang}/{namespace}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    key.split('.')
        .fold(&file, |value, part| &value[part])
        .as_str()
        .unwrap_or_else(|| panic!("{path} has no text `{key}`"))
        .to_owned()
}

/// The text of a PDF as `pdftotext` (poppler) reads it, every run of blanks (the
/// layout's line breaks, no-break spaces) as one space: what a reader sees, wherever the
/// lines were cut.
pub fn pdftotext(pdf: &[u8]) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("pdftotext")
        .args(["-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pdftotext (poppler-utils, installed by scripts/setup)");
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "pdftotext could not read the PDF");
    words(&String::from_utf8(out.stdout).unwrap())
}

/// `text` with every run of blanks as one space.
pub fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A path of `project` as its client reads it (`project_client_view`).
pub async fn client_path(
    app: &TestApp,
    client: &reqwest::Client,
    project: &str,
    expert: &str,
) -> serde_json::Value {
    let res = app
        .call_as(client, "project_client_view", &[("id", project)])
        .await;
    assert_eq!(res.status(), 200);
    let view: serde_json::Value = res.json().await.unwrap();
    view["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["expert"] == expert)
        .cloned()
        .expect("the path")
}
