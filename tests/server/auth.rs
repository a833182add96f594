//! Accounts and sessions over real HTTP on a real PostgreSQL.

use crate::common::TestApp;
use b2bizen::domain::session::CurrentUser;
use b2bizen::error::AppError;

const PASSWORD: &str = "une longue phrase de passe";

pub(crate) async fn whoami(app: &TestApp, client: &reqwest::Client) -> Option<CurrentUser> {
    let res = app.call_as(client, "auth_whoami", &[]).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn error_of(res: reqwest::Response) -> (u16, AppError) {
    let status = res.status().as_u16();
    (status, res.json().await.expect("an AppError body"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn provider_signs_up_verifies_signs_in_and_out() {
    let app = TestApp::spawn().await;
    let res = app
        .sign_up_provider("Camille.Martin@Exemple.fr", PASSWORD)
        .await;
    assert_eq!(res.status(), 200);
    let (subject, body) = app.last_mail_to("camille.martin@exemple.fr").await;
    assert_eq!(subject, "Confirmez votre adresse e-mail");
    assert!(
        body.contains(&format!("{}/verifier-email?jeton=", app.base_url)),
        "{body}"
    );
    assert_eq!(whoami(&app, &app.client).await, None);

    // Signing in before verification is allowed (the account may edit its profile)…
    let res = app
        .call(
            "auth_sign_in",
            &[
                ("email", "camille.martin@exemple.fr"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["location"], "/compte");
    let me = whoami(&app, &app.client).await.expect("signed in");
    assert_eq!(me.display_name, "Camille");
    assert!(!me.email_verified);

    // …and the single-use link verifies the address, once.
    let token = app.token_from_last_mail("camille.martin@exemple.fr").await;
    assert_eq!(token.len(), 64);
    assert_eq!(
        app.call("auth_verify_email", &[("token", &token)])
            .await
            .status(),
        200
    );
    assert!(whoami(&app, &app.client).await.unwrap().email_verified);
    let (status, err) = error_of(app.call("auth_verify_email", &[("token", &token)]).await).await;
    assert_eq!((status, err), (410, AppError::InvalidLink));
    let status: b2bizen::domain::live::LiveStatus =
        app.call("live_status", &[]).await.json().await.unwrap();
    assert_eq!(status.unread_notices, 1);

    assert_eq!(app.call("auth_sign_out", &[]).await.status(), 200);
    assert_eq!(whoami(&app, &app.client).await, None);
    let (status, _) = error_of(app.call("live_status", &[]).await).await;
    assert_eq!(status, 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_sign_up_checks_siret_and_keeps_nothing_on_error() {
    let app = TestApp::spawn().await;
    let mut form = vec![
        ("company_name", "Ateliers Durand"),
        ("siret", "732 829 320 00075"),
        ("contact_first_name", "Nora"),
        ("contact_last_name", "Durand"),
        ("email", "nora@durand.fr"),
        ("password", PASSWORD),
    ];
    let (status, err) = error_of(app.call("auth_sign_up_client", &form).await).await;
    assert_eq!(status, 422);
    assert!(err.to_string().contains("SIRET n'est pas valide"), "{err}");
    let accounts: i64 = sqlx::query_scalar("SELECT count(*) FROM accounts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(accounts, 0);

    form[1].1 = "732 829 320 00074";
    assert_eq!(app.call("auth_sign_up_client", &form).await.status(), 200);
    let (role, siret): (String, String) = sqlx::query_as(
        "SELECT a.role, c.siret FROM accounts a JOIN clients c ON c.account_id = a.id",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        (role.as_str(), siret.as_str()),
        ("client", "73282932000074")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn weak_passwords_and_bad_emails_get_french_messages() {
    let app = TestApp::spawn().await;
    let (status, err) = error_of(app.sign_up_provider("a@b.fr", "court").await).await;
    assert_eq!(status, 422);
    assert!(err.to_string().contains("au moins 12 caractères"));
    let (_, err) = error_of(app.sign_up_provider("a@b.fr", "azerty123456").await).await;
    assert!(err.to_string().contains("trop courant"));
    let (_, err) = error_of(app.sign_up_provider("pas-une-adresse", PASSWORD).await).await;
    assert!(err.to_string().contains("adresse e-mail valide"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_up_twice_reveals_nothing_and_warns_the_owner() {
    let app = TestApp::spawn().await;
    assert_eq!(
        app.sign_up_provider("zoe@exemple.fr", PASSWORD)
            .await
            .status(),
        200
    );
    let second = app
        .sign_up_provider("zoe@exemple.fr", "une autre phrase de passe")
        .await;
    assert_eq!(second.status(), 200);
    let accounts: i64 = sqlx::query_scalar("SELECT count(*) FROM accounts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(accounts, 1);
    let (subject, _) = app.last_mail_to("zoe@exemple.fr").await;
    assert_eq!(subject, "Vous avez déjà un compte B2BiZen");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_email_and_wrong_password_answer_alike() {
    let app = TestApp::spawn().await;
    app.sign_up_provider("leo@exemple.fr", PASSWORD).await;
    let wrong = app
        .call(
            "auth_sign_in",
            &[
                ("email", "leo@exemple.fr"),
                ("password", "mauvaise phrase de passe"),
            ],
        )
        .await;
    let unknown = app
        .call(
            "auth_sign_in",
            &[("email", "personne@exemple.fr"), ("password", PASSWORD)],
        )
        .await;
    let (s1, e1) = error_of(wrong).await;
    let (s2, e2) = error_of(unknown).await;
    assert_eq!((s1, &e1), (401, &AppError::BadCredentials));
    assert_eq!((s2, &e2), (401, &AppError::BadCredentials));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn password_reset_link_works_once_and_ends_other_sessions() {
    let app = TestApp::spawn().await;
    app.sign_up_provider("ines@exemple.fr", PASSWORD).await;
    let elsewhere = TestApp::browser(&app.base_url);
    app.call_as(
        &elsewhere,
        "auth_sign_in",
        &[("email", "ines@exemple.fr"), ("password", PASSWORD)],
    )
    .await;
    assert!(whoami(&app, &elsewhere).await.is_some());

    // Unknown addresses get the same answer and no mail.
    assert_eq!(
        app.call("auth_request_reset", &[("email", "inconnu@exemple.fr")])
            .await
            .status(),
        200
    );
    let none: i64 =
        sqlx::query_scalar("SELECT count(*) FROM outbox WHERE recipient = 'inconnu@exemple.fr'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(none, 0);

    assert_eq!(
        app.call("auth_request_reset", &[("email", "ines@exemple.fr")])
            .await
            .status(),
        200
    );
    let (subject, body) = app.last_mail_to("ines@exemple.fr").await;
    assert_eq!(subject, "Réinitialisation de votre mot de passe");
    assert!(body.contains("/reinitialiser-mot-de-passe?jeton="));
    let token = app.token_from_last_mail("ines@exemple.fr").await;
    let new_password = "un tout nouveau mot de passe";
    let res = app
        .call(
            "auth_reset_password",
            &[("token", &token), ("password", new_password)],
        )
        .await;
    assert_eq!(res.status(), 200);
    let (status, _) = error_of(
        app.call(
            "auth_reset_password",
            &[("token", &token), ("password", new_password)],
        )
        .await,
    )
    .await;
    assert_eq!(status, 410);

    assert_eq!(
        whoami(&app, &elsewhere).await,
        None,
        "old session survived the reset"
    );
    let old = app
        .call(
            "auth_sign_in",
            &[("email", "ines@exemple.fr"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(old.status(), 401);
    let new = app
        .call(
            "auth_sign_in",
            &[("email", "ines@exemple.fr"), ("password", new_password)],
        )
        .await;
    assert_eq!(new.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_links_expire_after_an_hour() {
    let app = TestApp::spawn().await;
    app.sign_up_provider("jade@exemple.fr", PASSWORD).await;
    app.call("auth_request_reset", &[("email", "jade@exemple.fr")])
        .await;
    let token = app.token_from_last_mail("jade@exemple.fr").await;
    let (minutes,): (f64,) = sqlx::query_as(
        "SELECT extract(epoch FROM expires_at - created_at)::float8 / 60 FROM email_tokens WHERE purpose = 'reset_password'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!((minutes - 60.0).abs() < 1.0, "{minutes}");
    sqlx::query("UPDATE email_tokens SET expires_at = now() - interval '1 second'")
        .execute(&app.pool)
        .await
        .unwrap();
    let res = app
        .call(
            "auth_reset_password",
            &[("token", &token), ("password", "encore une phrase neuve")],
        )
        .await;
    assert_eq!(res.status(), 410);
}

/// Without JavaScript a form posts to the server function itself: a failure must come
/// back as a redirect to the form (a 401 with a Location header is not followed), and
/// the form page must show the message carried in the address.
#[tokio::test]
async fn a_form_posted_without_javascript_comes_back_with_its_message() {
    let app = TestApp::spawn().await;
    app.admin("admin@exemple.fr").await;
    let res = app
        .client
        .post(format!("{}/api/auth_sign_in", app.base_url))
        .header("accept", "text/html,application/xhtml+xml")
        .header("referer", format!("{}/connexion", app.base_url))
        .form(&[
            ("email", "admin@exemple.fr"),
            ("password", "pas le bon mot de passe"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        location.starts_with(&format!("{}/connexion?", app.base_url)),
        "{location}"
    );
    let page = app.client.get(&location).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Adresse e-mail ou mot de passe incorrect."),
        "the sign-in page shows why"
    );

    // The same call from the application's own code keeps its status.
    let res = app
        .call(
            "auth_sign_in",
            &[
                ("email", "admin@exemple.fr"),
                ("password", "pas le bon mot de passe"),
            ],
        )
        .await;
    assert_eq!(res.status(), 401);
}

/// The sign-up form lets anyone type any name next to anyone's address: a mail to that
/// address must not greet its reader with words the reader never confirmed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_mails_never_quote_a_name_the_recipient_did_not_confirm() {
    let app = TestApp::spawn().await;
    let bait = "Appelez Vite";
    let attack = |email: &'static str| {
        let app = &app;
        async move {
            app.call(
                "auth_sign_up_provider",
                &[
                    ("kind", "expert"),
                    ("first_name", bait),
                    ("last_name", "Service Client"),
                    ("email", email),
                    ("password", PASSWORD),
                ],
            )
            .await
            .status()
        }
    };
    let bodies = |email: &'static str| {
        let pool = app.pool.clone();
        async move {
            let (subject, text, html): (String, String, String) = sqlx::query_as(
                "SELECT subject, body_text, body_html FROM outbox
                 WHERE recipient = $1 ORDER BY id DESC LIMIT 1",
            )
            .bind(email)
            .fetch_one(&pool)
            .await
            .unwrap();
            (subject, format!("{text}\n{html}"))
        }
    };

    // A new address: the verification mail greets nobody in particular.
    assert_eq!(attack("victime@exemple.fr").await, 200);
    let (subject, body) = bodies("victime@exemple.fr").await;
    assert_eq!(subject, "Confirmez votre adresse e-mail");
    assert!(!body.contains("Appelez"), "{body}");
    assert!(body.starts_with("Bonjour,"), "{body}");
    // Again: the account exists but its name was never confirmed by the address.
    assert_eq!(attack("victime@exemple.fr").await, 200);
    let (subject, body) = bodies("victime@exemple.fr").await;
    assert_eq!(subject, "Vous avez déjà un compte B2BiZen");
    assert!(!body.contains("Appelez"), "{body}");
    // Nor does a reset requested for that unconfirmed account.
    app.call("auth_request_reset", &[("email", "victime@exemple.fr")])
        .await;
    let (subject, body) = bodies("victime@exemple.fr").await;
    assert_eq!(subject, "Réinitialisation de votre mot de passe");
    assert!(!body.contains("Appelez"), "{body}");

    // A company name is not quoted either.
    let form = [
        ("company_name", "Appelez Vite SARL"),
        ("siret", "732 829 320 00074"),
        ("contact_first_name", "Nora"),
        ("contact_last_name", "Durand"),
        ("email", "societe@exemple.fr"),
        ("password", PASSWORD),
    ];
    assert_eq!(app.call("auth_sign_up_client", &form).await.status(), 200);
    let (_, body) = bodies("societe@exemple.fr").await;
    assert!(!body.contains("Appelez"), "{body}");

    // A confirmed owner is greeted with the name they gave, never the one typed now.
    app.provider("proprietaire@exemple.fr").await;
    assert_eq!(attack("proprietaire@exemple.fr").await, 200);
    let (subject, body) = bodies("proprietaire@exemple.fr").await;
    assert_eq!(subject, "Vous avez déjà un compte B2BiZen");
    assert!(body.starts_with("Bonjour Camille,"), "{body}");
    assert!(!body.contains("Appelez"), "{body}");
}

/// An origin is a scheme, a host and a port: `https://host` is another site than
/// `http://host`, and may not post to it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_origin_with_another_scheme_is_cross_site() {
    let app = TestApp::spawn().await;
    let host = app.base_url.trim_start_matches("http://").to_string();
    let plain = reqwest::Client::new();
    let post = |origin: String| {
        plain
            .post(format!("{}/api/auth_whoami", app.base_url))
            .header("origin", origin)
            .send()
    };
    assert_eq!(post(format!("https://{host}")).await.unwrap().status(), 403);
    assert_eq!(post(format!("HTTP://{host}")).await.unwrap().status(), 200);
    assert_eq!(post(format!("http://{host}")).await.unwrap().status(), 200);
}
