//! Mail delivery through a real SMTP server (mailin-embedded) started by the test.

use crate::common::TestApp;
use b2bizen::server::mail::worker::{deliver_due, Mailer};
use mailin_embedded::response::OK;
use mailin_embedded::{Handler, Response, Server};
use std::net::{IpAddr, TcpListener};
use std::sync::{Arc, Mutex};

#[derive(Debug, Default, Clone)]
struct Received {
    to: Vec<String>,
    data: String,
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
fn smtp_server() -> (String, Arc<Mutex<Vec<Received>>>) {
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
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let mailer = Mailer::new(&format!("smtp://{closed}"), "no-reply@b2bizen.fr").unwrap();
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
