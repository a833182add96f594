//! What sign-in and reset attempts cost and how they are held back: a growing delay per
//! account and address, limits per address, and the memory of password hashing, measured
//! on the real binary.

use crate::common::{error_of, TestApp, PASSWORD};
use b2bizen::error::AppError;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// A sign-in attempt as seen through a proxy that says the client is `forwarded_for`.
async fn sign_in_from(app: &TestApp, forwarded_for: &str, email: &str, password: &str) -> u16 {
    app.client
        .post(format!("{}/api/auth_sign_in", app.base_url))
        .header("x-forwarded-for", forwarded_for)
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// Lets the waiting time imposed on every (account, address) pair pass.
async fn let_the_delay_pass(app: &TestApp) {
    sqlx::query("UPDATE sign_in_throttle SET blocked_until = now() - interval '1 second'")
        .execute(&app.pool)
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn successful_sign_ins_are_not_counted_as_failures() {
    let app = TestApp::spawn().await;
    app.sign_up_provider("reguliere@exemple.fr", PASSWORD).await;
    for i in 0..8 {
        let res = app
            .call(
                "auth_sign_in",
                &[("email", "reguliere@exemple.fr"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(res.status(), 200, "sign-in {i}");
    }
}

/// An office behind one address: a colleague's typos slow that account down from that
/// address for a while, growing with each new failure; they never lock it for good, and
/// the right password, once the delay has passed, signs in and starts afresh.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failures_delay_the_pair_and_the_right_password_works_after_the_delay() {
    let app = TestApp::spawn_with(&[("TRUSTED_PROXIES", "127.0.0.1")]).await;
    app.sign_up_provider("bureau@exemple.fr", PASSWORD).await;
    let office = "198.51.100.20";
    let wrong = "une faute de frappe";
    for _ in 0..5 {
        assert_eq!(
            sign_in_from(&app, office, "bureau@exemple.fr", wrong).await,
            401
        );
    }
    assert_eq!(
        sign_in_from(&app, office, "bureau@exemple.fr", PASSWORD).await,
        429
    );
    let_the_delay_pass(&app).await;
    // One more failure: a longer wait than the first.
    assert_eq!(
        sign_in_from(&app, office, "bureau@exemple.fr", wrong).await,
        401
    );
    // The first wait is 30 s; the next one is twice as long.
    let wait: f64 = sqlx::query_scalar(
        "SELECT extract(epoch FROM blocked_until - now())::float8 FROM sign_in_throttle",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(wait > 45.0, "{wait}");
    assert_eq!(
        sign_in_from(&app, office, "bureau@exemple.fr", PASSWORD).await,
        429
    );
    let_the_delay_pass(&app).await;
    assert_eq!(
        sign_in_from(&app, office, "bureau@exemple.fr", PASSWORD).await,
        200
    );
    // A success forgets the failures.
    for _ in 0..5 {
        assert_eq!(
            sign_in_from(&app, office, "bureau@exemple.fr", wrong).await,
            401
        );
    }
}

/// An IPv6 client owns a whole /64 and may pick any address in it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ipv6_addresses_of_one_64_share_their_limits() {
    let app = TestApp::spawn_with(&[("TRUSTED_PROXIES", "127.0.0.1")]).await;
    app.sign_up_provider("cible6@exemple.fr", PASSWORD).await;
    let wrong = "essai au hasard 123";
    for i in 1..=5 {
        let ip = format!("2001:db8:1:2::{i:x}");
        assert_eq!(
            sign_in_from(&app, &ip, "cible6@exemple.fr", wrong).await,
            401
        );
    }
    assert_eq!(
        sign_in_from(
            &app,
            "2001:db8:1:2:ffff:ffff:ffff:1",
            "cible6@exemple.fr",
            PASSWORD
        )
        .await,
        429
    );
    // Another /64 is another client.
    assert_eq!(
        sign_in_from(&app, "2001:db8:1:3::1", "cible6@exemple.fr", PASSWORD).await,
        200
    );
}

/// Setting a new password is limited per address, whether the link is good or not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_password_attempts_are_limited_per_address() {
    let app = TestApp::spawn().await;
    let bogus = "0".repeat(64);
    let mut statuses = Vec::new();
    for _ in 0..30 {
        let res = app
            .call(
                "auth_reset_password",
                &[
                    ("token", &bogus),
                    ("password", "une nouvelle phrase de passe"),
                ],
            )
            .await;
        statuses.push(res.status().as_u16());
    }
    assert_eq!(statuses[0], 410);
    assert_eq!(statuses.last(), Some(&429), "{statuses:?}");
    let (status, err) = error_of(
        app.call(
            "auth_reset_password",
            &[
                ("token", &bogus),
                ("password", "une nouvelle phrase de passe"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!((status, err), (429, AppError::RateLimited));
}

/// The real binary on a fresh database of its own: its URL, and its process to measure.
struct Binary {
    child: std::process::Child,
    url: String,
}

impl Drop for Binary {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn binary() -> Binary {
    let db = crate::common::unmigrated_database().await;
    let mut child = Command::new(env!("CARGO_BIN_EXE_b2bizen"))
        .env("DATABASE_URL", &db)
        .env("SITE_ADDR", "127.0.0.1:0")
        .env("RUST_LOG", "off")
        .env_remove("SMTP_URL")
        .env_remove("TRUSTED_PROXIES")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let url = tokio::task::spawn_blocking(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .find_map(|line| line.find("http://").map(|i| line[i..].trim().to_string()))
    })
    .await
    .unwrap()
    .expect("the server prints its URL");
    Binary { child, url }
}

impl Binary {
    /// A `/proc/<pid>/status` field in KiB (`VmRSS`: now, `VmHWM`: the peak so far).
    fn kib(&self, field: &str) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or_else(|| panic!("no {field} in {status}"))
    }

    async fn post(&self, endpoint: &str, form: &[(&str, &str)]) -> u16 {
        reqwest::Client::new()
            .post(format!("{}/api/{endpoint}", self.url))
            .form(form)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    }
}

/// One Argon2 hash takes 19 MiB.
const HASH_KIB: u64 = 19 * 1024;

/// A made-up link costs no password hash: anonymous requests cannot make the server
/// allocate 19 MiB each (the peak memory of the process does not move).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bogus_reset_link_costs_no_password_hash() {
    let server = binary().await;
    let bogus = "f".repeat(64);
    let form = [
        ("token", bogus.as_str()),
        ("password", "une nouvelle phrase de passe"),
    ];
    // Measured from start-up, which hashes nothing here: a single hash would show.
    let peak = server.kib("VmHWM");
    assert_eq!(server.post("auth_reset_password", &form).await, 410);
    let answers =
        futures::future::join_all((0..8).map(|_| server.post("auth_reset_password", &form))).await;
    assert!(answers.iter().all(|s| *s == 410), "{answers:?}");
    let grown = server.kib("VmHWM") - peak;
    assert!(
        grown < HASH_KIB,
        "the peak grew by {grown} KiB: passwords were hashed"
    );
}

/// Memory used by hashing goes back to the system afterwards, instead of staying with
/// the allocator (which grew a server to gigabytes under a burst of sign-ins).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hashing_memory_is_given_back() {
    let server = binary().await;
    let attempt = |i: usize| {
        let email = format!("inconnu{i}@exemple.fr");
        let server = &server;
        async move {
            server
                .post("auth_sign_in", &[("email", &email), ("password", PASSWORD)])
                .await
        }
    };
    assert_eq!(attempt(100).await, 401);
    let before = server.kib("VmRSS");
    let answers = futures::future::join_all((0..6).map(attempt)).await;
    assert!(answers.iter().all(|s| *s == 401), "{answers:?}");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let kept = server.kib("VmRSS").saturating_sub(before);
    assert!(kept < HASH_KIB, "{kept} KiB kept after hashing");
}

/// A sign-in attempt as seen through a proxy that says the client is `forwarded_for`.
async fn sign_in_via(
    app: &TestApp,
    client: &reqwest::Client,
    forwarded_for: &str,
    password: &str,
) -> u16 {
    client
        .post(format!("{}/api/auth_sign_in", app.base_url))
        .header("x-forwarded-for", forwarded_for)
        .form(&[("email", "cible@exemple.fr"), ("password", password)])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_bursts_are_limited_without_locking_the_owner_out() {
    let app = TestApp::spawn_with(&[("TRUSTED_PROXIES", "127.0.0.1")]).await;
    app.sign_up_provider("cible@exemple.fr", PASSWORD).await;
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(sign_in_via(&app, &app.client, "198.51.100.66", "essai au hasard 123").await);
    }
    assert_eq!(statuses, vec![401, 401, 401, 401, 401, 429]);
    // Even the right password is refused from the attacking address for now…
    assert_eq!(
        sign_in_via(&app, &app.client, "198.51.100.66", PASSWORD).await,
        429
    );
    // …but the owner, elsewhere, signs in.
    let owner = TestApp::browser(&app.base_url);
    assert_eq!(
        sign_in_via(&app, &owner, "203.0.113.5", PASSWORD).await,
        200
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spoofed_forwarded_for_does_not_bypass_the_limit() {
    let app = TestApp::spawn().await; // no trusted proxy
    app.sign_up_provider("cible@exemple.fr", PASSWORD).await;
    let mut last = 0;
    for i in 0..6 {
        last = sign_in_via(
            &app,
            &app.client,
            &format!("198.51.100.{i}"),
            "essai au hasard 123",
        )
        .await;
    }
    assert_eq!(last, 429);
}

/// Guessing across accounts from one address meets the per-address ceiling: once it is
/// reached, that address is refused even for an account it never tried, and others are
/// not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guessing_across_accounts_meets_the_per_address_ceiling() {
    let app = TestApp::spawn_with(&[("TRUSTED_PROXIES", "127.0.0.1")]).await;
    app.sign_up_provider("cible@exemple.fr", PASSWORD).await;
    let limit = b2bizen::server::auth::rate_limit::SIGN_IN_FAILURES_PER_IP;
    let ceiling = limit.max;
    // The windows are fixed (every 15 minutes of the database's clock): a burst that
    // straddled a boundary would be counted in two windows and never meet the ceiling.
    let left: f64 = sqlx::query_scalar(
        "SELECT ($1::numeric - mod(extract(epoch FROM now()), $1::numeric))::float8",
    )
    .bind(limit.window_secs)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    if left < 90.0 {
        tokio::time::sleep(std::time::Duration::from_secs_f64(left + 1.0)).await;
    }
    for i in 0..ceiling {
        let email = format!("essai{i}@exemple.fr");
        let status = sign_in_from(&app, "198.51.100.77", &email, "essai au hasard 123").await;
        assert_eq!(status, 401, "attempt {i}");
    }
    assert_eq!(
        sign_in_from(&app, "198.51.100.77", "cible@exemple.fr", PASSWORD).await,
        429
    );
    assert_eq!(
        sign_in_from(&app, "203.0.113.9", "cible@exemple.fr", PASSWORD).await,
        200
    );
}
