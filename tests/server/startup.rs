//! The real binary: embedded database lifecycle and one-line start-up errors.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_b2bizen");

fn run_expecting_failure(envs: &[(&str, &str)]) -> String {
    let out = Command::new(BIN)
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "off")
        .envs(envs.iter().copied())
        .output()
        .unwrap();
    assert!(!out.status.success(), "expected a failure");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "not one line: {stderr:?}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn unreachable_database_is_a_one_line_error() {
    let err = run_expecting_failure(&[
        (
            "DATABASE_URL",
            "postgres://nobody:secret@127.0.0.1:1/b2bizen",
        ),
        ("SITE_ADDR", "127.0.0.1:0"),
    ]);
    assert!(err.contains("cannot reach the database"), "{err}");
    assert!(!err.contains("secret"), "password leaked: {err}");
}

#[test]
fn port_in_use_is_a_one_line_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let err = run_expecting_failure(&[
        ("DATABASE_URL", "postgres://nobody@127.0.0.1:1/b2bizen"),
        ("SITE_ADDR", &addr),
    ]);
    assert!(err.contains(&format!("cannot listen on {addr}")), "{err}");
}

#[test]
fn bad_site_addr_is_a_one_line_error() {
    let err = run_expecting_failure(&[("SITE_ADDR", "partout")]);
    assert!(err.contains("SITE_ADDR"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_migration_is_a_one_line_error() {
    let url = crate::common::unmigrated_database().await;
    let pool = b2bizen::server::db::connect(&url).await.unwrap();
    sqlx::query("CREATE TABLE departements (code text)")
        .execute(&pool)
        .await
        .unwrap();
    let err = tokio::task::spawn_blocking(move || {
        run_expecting_failure(&[("DATABASE_URL", &url), ("SITE_ADDR", "127.0.0.1:0")])
    })
    .await
    .unwrap();
    assert!(err.contains("database migration failed"), "{err}");
}

/// Ends the server (and with it its PostgreSQL) even when an assertion fails first.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            // SAFETY: sending a signal to our own child process.
            unsafe { libc::kill(self.0.id() as i32, libc::SIGTERM) };
            let _ = self.0.wait();
        }
    }
}

/// With DATABASE_URL unset the server creates, starts, migrates and, on SIGTERM,
/// stops its own PostgreSQL cluster.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embedded_database_lifecycle() {
    let dir = std::env::temp_dir().join(format!("b2bizen-embedded-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut server = Server(
        Command::new(BIN)
            .env_remove("DATABASE_URL")
            .env("B2BIZEN_DATA_DIR", &dir)
            .env("SITE_ADDR", "127.0.0.1:0")
            .env("RUST_LOG", "off")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let stdout = server.0.stdout.take().unwrap();
    let (url, before) = tokio::task::spawn_blocking(move || {
        let mut before = Vec::new();
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(i) = line.find("http://") {
                return (Some(line[i..].trim().to_string()), before);
            }
            before.push(line);
        }
        (None, before)
    })
    .await
    .unwrap();
    let url = url.expect("the server prints its URL");
    // On an empty embedded database, a first admin is created and its password shown once.
    let admin_line = before
        .iter()
        .find(|l| l.starts_with("Premier administrateur créé"))
        .expect("first admin announced");
    assert!(
        admin_line.contains("admin@b2bizen.local / "),
        "{admin_line}"
    );

    let stats: serde_json::Value = reqwest::get(format!("{url}/api/platform_stats"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // An empty embedded database gets the demo experts.
    assert_eq!(stats["published_experts"], 220);
    let pid_file = dir.join("pg/postmaster.pid");
    assert!(pid_file.exists(), "embedded PostgreSQL is not running");

    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(server.0.id() as i32, libc::SIGTERM) };
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = server.0.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "server did not stop on SIGTERM");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(status.success(), "exit status {status}");
    assert!(!pid_file.exists(), "embedded PostgreSQL left running");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_create_subcommand_prints_a_working_password_once() {
    use b2bizen::domain::account::Email;
    let url = crate::common::unmigrated_database().await;
    let run_url = url.clone();
    let out = tokio::task::spawn_blocking(move || {
        Command::new(BIN)
            .args(["admin", "create", "--email", "Chef@B2BiZen.fr"])
            .env("DATABASE_URL", &run_url)
            .env("RUST_LOG", "off")
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let password = stdout
        .lines()
        .find_map(|l| l.strip_prefix("Mot de passe (affiché une seule fois) : "))
        .expect("password printed")
        .to_string();
    let pool = b2bizen::server::db::connect(&url).await.unwrap();
    let email = Email::parse("chef@b2bizen.fr").unwrap();
    let (id, _) = b2bizen::server::account::authenticate(&pool, &email, password)
        .await
        .expect("the printed password signs in");
    let role: String = sqlx::query_scalar("SELECT role FROM accounts WHERE id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(role, "admin");
    let stored: String = sqlx::query_scalar("SELECT password_hash FROM accounts WHERE id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(!stdout.contains(&stored));
}
