//! Mail delivery through a real SMTP server (mailin-embedded) started by the test.

use crate::common::TestApp;
use b2bizen::server::mail::worker::{deliver_due, Mailer};
use mailin_embedded::response::OK;
use mailin_embedded::{Handler, Response, Server};
use std::net::{IpAddr, TcpListener};
use std::sync::{Arc, Mutex};

/// A mailer pointed at a local port where nothing listens (the listener is dropped).
fn unreachable_mailer() -> Mailer {
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    Mailer::new(&format!("smtp://{closed}"), "no-reply@b2bizen.fr").unwrap()
}

#[derive(Debug, Default, Clone)]
pub(crate) struct Received {
    pub to: Vec<String>,
    pub data: String,
}

#[derive(Clone, Default)]
struct Inbox {
    mails: Arc<Mutex<Vec<Received>>>,
    current: Arc<Mutex<Received>>,
}

impl Handler for Inbox {
    fn mail(&mut self, _ip: IpAddr, _domain: &str, _from: &str) -> Response {
        *self.current.lock().unwrap() = Received::default();
        OK
    }
    fn rcpt(&mut self, to: &str) -> Response {
        self.current.lock().unwrap().to.push(to.to_string());
        OK
    }
    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.current
            .lock()
            .unwrap()
            .data
            .push_str(&String::from_utf8_lossy(buf));
        Ok(())
    }
    fn data_end(&mut self) -> Response {
        let mail = self.current.lock().unwrap().clone();
        self.mails.lock().unwrap().push(mail);
        OK
    }
}

/// A real SMTP server on a random local port.
pub(crate) fn smtp_server() -> (String, Arc<Mutex<Vec<Received>>>) {
    let inbox = Inbox::default();
    let mails = inbox.mails.clone();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("smtp://{}", listener.local_addr().unwrap());
    let mut server = Server::new(inbox);
    server.with_name("test.smtp").with_tcp_listener(listener);
    std::thread::spawn(move || {
        let _ = server.serve();
    });
    (url, mails)
}

/// Undoes quoted-printable soft breaks and `=XX` escapes, enough to read links.
fn unfold(data: &str) -> String {
    data.replace("=\r\n", "").replace("=3D", "=")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_mail_reaches_a_real_smtp_server_once_with_a_working_link() {
    let app = TestApp::spawn().await;
    let (url, mails) = smtp_server();
    let mailer = Mailer::new(&url, "B2BiZen <no-reply@b2bizen.fr>").unwrap();
    app.sign_up_provider("anna@exemple.fr", "une longue phrase de passe")
        .await;

    assert_eq!(deliver_due(&app.pool, &mailer).await.unwrap(), 1);
    // A second pass, as after a restart, sends nothing again.
    assert_eq!(deliver_due(&app.pool, &mailer).await.unwrap(), 0);
    let received = mails.lock().unwrap().clone();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].to, vec!["anna@exemple.fr".to_string()]);
    let data = unfold(&received[0].data);
    assert!(
        data.contains("Subject: Confirmez votre adresse e-mail"),
        "{data}"
    );
    assert!(data.contains("Content-Type: text/html") && data.contains("Content-Type: text/plain"));
    assert!(data.contains("Message-ID: <outbox-"));

    let token = crate::common::token_in(&data);
    assert_eq!(token.len(), 64);
    assert_eq!(
        app.call("auth_verify_email", &[("token", &token)])
            .await
            .status(),
        200
    );
    let sent: bool = sqlx::query_scalar("SELECT sent_at IS NOT NULL FROM outbox")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(sent);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreachable_smtp_is_retried_with_back_off() {
    let app = TestApp::spawn().await;
    let mailer = unreachable_mailer();
    app.sign_up_provider("remi@exemple.fr", "une longue phrase de passe")
        .await;
    assert_eq!(deliver_due(&app.pool, &mailer).await.unwrap(), 0);
    let (attempts, waits, failed, error): (i32, bool, bool, Option<String>) = sqlx::query_as(
        "SELECT attempts, next_attempt_at > now() + interval '20 seconds', failed_at IS NOT NULL, last_error FROM outbox",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(attempts, 1);
    assert!(waits, "no back-off");
    assert!(!failed);
    assert!(error.is_some());
    // Not due yet: the next pass does not try again.
    assert_eq!(deliver_due(&app.pool, &mailer).await.unwrap(), 0);
    let attempts: i32 = sqlx::query_scalar("SELECT attempts FROM outbox")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(attempts, 1);
}

/// The stored copies of every mail: (text, html) of each outbox row.
async fn stored_bodies(app: &TestApp) -> Vec<(String, String)> {
    sqlx::query_as("SELECT body_text, body_html FROM outbox ORDER BY id")
        .fetch_all(&app.pool)
        .await
        .unwrap()
}

/// Whoever reads the database after delivery (an admin, a backup) finds no working
/// single-use link: once a mail has left, its stored copy keeps the text without it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delivered_mails_keep_no_single_use_link_at_rest() {
    let app = TestApp::spawn().await;
    let (url, mails) = smtp_server();
    let mailer = Mailer::new(&url, "B2BiZen <no-reply@b2bizen.fr>").unwrap();
    app.sign_up_provider("lina@exemple.fr", "une longue phrase de passe")
        .await;
    app.call("auth_request_reset", &[("email", "lina@exemple.fr")])
        .await;
    assert_eq!(deliver_due(&app.pool, &mailer).await.unwrap(), 2);

    let received = mails.lock().unwrap().clone();
    let tokens: Vec<String> = received
        .iter()
        .map(|m| crate::common::token_in(&unfold(&m.data)))
        .collect();
    assert_eq!(tokens.len(), 2);
    for (text, html) in stored_bodies(&app).await {
        for token in &tokens {
            assert!(!text.contains(token.as_str()), "{text}");
            assert!(!html.contains(token.as_str()), "{html}");
        }
        assert!(
            !text.contains("jeton=") && !html.contains("jeton="),
            "{text}"
        );
        assert!(text.contains("retiré"), "the stored copy says why: {text}");
    }
    // The links themselves still work: only the copies lost them.
    assert_eq!(
        app.call("auth_verify_email", &[("token", &tokens[0])])
            .await
            .status(),
        200
    );
}

/// A mail given up on is never sent: its link is dropped as well.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mails_given_up_on_keep_no_single_use_link_either() {
    let app = TestApp::spawn().await;
    let mailer = unreachable_mailer();
    app.sign_up_provider("noe@exemple.fr", "une longue phrase de passe")
        .await;
    sqlx::query("UPDATE outbox SET attempts = $1 - 1")
        .bind(b2bizen::server::mail::worker::MAX_ATTEMPTS)
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(deliver_due(&app.pool, &mailer).await.unwrap(), 0);
    let failed: bool = sqlx::query_scalar("SELECT failed_at IS NOT NULL FROM outbox")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(failed);
    for (text, html) in stored_bodies(&app).await {
        assert!(
            !text.contains("jeton=") && !html.contains("jeton="),
            "{text}"
        );
    }
}

/// With SMTP configured, mails reach their recipients: the mailbox has no purpose left
/// and would only show admins what is not theirs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_mailbox_is_closed_when_smtp_is_configured() {
    let app = TestApp::spawn_with(&[("SMTP_URL", "smtp://127.0.0.1:1")]).await;
    let admin = app.admin("admin@exemple.fr").await;
    app.sign_up_provider("eve@exemple.fr", "une longue phrase de passe")
        .await;
    let res = app.call_as(&admin, "admin_mailbox", &[]).await;
    assert_eq!(res.status(), 404);
    let body = res.text().await.unwrap();
    assert!(!body.contains("jeton"), "{body}");
    let page = admin
        .get(format!("{}/admin/mailbox", app.base_url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("jeton="), "the page shows a link");
    assert!(page.contains("pas disponible"), "the page says why");
}

/// The admin's menu offers the mailbox only while mails stay in it: with SMTP the page
/// would only say it is not available. The signed-in menu is drawn in the browser from
/// the session the page hands over (its unread badge keeps it out of the server's
/// HTML), so that value is what decides the link.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_menu_offers_the_mailbox_only_without_smtp() {
    async fn admin_page(app: &TestApp) -> String {
        let admin = app.admin("admin@exemple.fr").await;
        let res = admin
            .get(format!("{}/admin/comptes", app.base_url))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        res.text().await.unwrap()
    }
    // The session's value, as serialized in the page for the browser.
    let mailbox = |page: &str| {
        const FLAG: &str = r#"\"mailbox\":"#;
        let at = page.find(FLAG).expect("the session in the page") + FLAG.len();
        page[at..].starts_with("true")
    };
    let local = admin_page(&TestApp::spawn().await).await;
    assert!(mailbox(&local), "no mailbox in the menu without SMTP");
    let with_smtp = TestApp::spawn_with(&[("SMTP_URL", "smtp://127.0.0.1:1")]).await;
    let page = admin_page(&with_smtp).await;
    assert!(
        !mailbox(&page),
        "the mailbox in the menu with SMTP configured"
    );
    assert!(!page.contains(r#"href="/admin/mailbox""#));
}

/// Mails do not pile up for ever: those written more than 30 days ago are deleted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn old_mails_are_purged() {
    use b2bizen::server::mail::outbox::{purge, KEEP};
    let app = TestApp::spawn().await;
    app.sign_up_provider("ancien@exemple.fr", "une longue phrase de passe")
        .await;
    app.sign_up_provider("recent@exemple.fr", "une longue phrase de passe")
        .await;
    sqlx::query(
        "UPDATE outbox SET created_at = now() - interval '31 days', sent_at = now() - interval '31 days'
          WHERE recipient = 'ancien@exemple.fr'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    assert_eq!(KEEP.as_secs(), 30 * 24 * 3600);
    assert_eq!(purge(&app.pool, KEEP).await.unwrap(), 1);
    let left: Vec<String> = sqlx::query_scalar("SELECT recipient FROM outbox")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(left, vec!["recent@exemple.fr".to_string()]);
}
