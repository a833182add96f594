//! Accounts and sessions over real HTTP on a real PostgreSQL.

use crate::common::TestApp;
use b2bizen::domain::session::CurrentUser;
use b2bizen::error::AppError;

const PASSWORD: &str = "une longue phrase de passe";

async fn whoami(app: &TestApp, client: &reqwest::Client) -> Option<CurrentUser> {
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
    let unread: i64 = app
        .call("notifications_unread", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(unread, 1);

    assert_eq!(app.call("auth_sign_out", &[]).await.status(), 200);
    assert_eq!(whoami(&app, &app.client).await, None);
    let (status, _) = error_of(app.call("notifications_unread", &[]).await).await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn session_cookie_is_http_only_lax_and_rotated_at_sign_in() {
    let app = TestApp::spawn().await;
    app.sign_up_provider("paul@exemple.fr", PASSWORD).await;
    let form = [("email", "paul@exemple.fr"), ("password", PASSWORD)];
    let first = app.call("auth_sign_in", &form).await;
    let cookie = set_cookie(&first, "b2bizen_session=");
    assert!(cookie.starts_with("b2bizen_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "{cookie}");
    let second = app.call("auth_sign_in", &form).await;
    let rotated = set_cookie(&second, "b2bizen_session=");
    let id = |c: &str| c.split(';').next().unwrap().to_string();
    assert_ne!(id(&cookie), id(&rotated), "session id not rotated");

    // The previous id no longer opens a session.
    let stale = reqwest::Client::new()
        .post(format!("{}/api/auth_whoami", app.base_url))
        .header("cookie", id(&cookie))
        .send()
        .await
        .unwrap();
    assert_eq!(stale.json::<Option<CurrentUser>>().await.unwrap(), None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secure_cookies_use_the_host_prefix() {
    let app = TestApp::spawn_with(&[("SECURE_COOKIES", "true")]).await;
    app.sign_up_provider("lou@exemple.fr", PASSWORD).await;
    let res = app
        .call(
            "auth_sign_in",
            &[("email", "lou@exemple.fr"), ("password", PASSWORD)],
        )
        .await;
    let cookie = set_cookie(&res, "__Host-b2bizen=");
    assert!(
        cookie.starts_with("__Host-b2bizen=")
            && cookie.contains("Secure")
            && cookie.contains("Path=/"),
        "{cookie}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disabling_an_account_ends_its_sessions() {
    let app = TestApp::spawn().await;
    app.sign_up_provider("max@exemple.fr", PASSWORD).await;
    app.call(
        "auth_sign_in",
        &[("email", "max@exemple.fr"), ("password", PASSWORD)],
    )
    .await;
    let me = whoami(&app, &app.client).await.unwrap();
    b2bizen::server::account::disable(&app.pool, me.id)
        .await
        .unwrap();
    assert_eq!(whoami(&app, &app.client).await, None);
    let again = app
        .call(
            "auth_sign_in",
            &[("email", "max@exemple.fr"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(again.status(), 401);
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

/// The `Set-Cookie` of the answer that sets the cookie named by `prefix` (sign-in also
/// sets the language cookie).
fn set_cookie(res: &reqwest::Response, prefix: &str) -> String {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with(prefix))
        .unwrap_or_else(|| panic!("no {prefix} cookie in {:?}", res.headers()))
}

/// The signed-in menu, unread count included, is in the page the server sends: it works
/// without JavaScript, and hydration finds the same.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_signed_in_menu_and_its_unread_count_come_with_the_page() {
    let app = TestApp::spawn().await;
    let expert = app.provider("menu@exemple.fr").await;
    let unread: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notifications n JOIN accounts a ON a.id = n.account_id
         WHERE a.email = 'menu@exemple.fr' AND n.read_at IS NULL",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(unread > 0, "confirming the address leaves a notice");
    let page = |client: reqwest::Client| {
        let url = format!("{}/experts", app.base_url);
        async move { client.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let html = page(expert.clone()).await;
    for menu in ["nav-account", "nav-profile", "nav-projects", "sign-out"] {
        assert!(
            html.contains(&format!(r#"data-testid="{menu}""#)),
            "{menu} missing"
        );
    }
    let badge = html
        .split(r#"data-testid="unread-badge""#)
        .nth(1)
        .expect("no unread badge in the page");
    assert!(badge.contains(&format!(">{unread}</span>")), "{badge:.200}");

    // Once read, the next page has no badge.
    let res = app.call_as(&expert, "notifications_mark_read", &[]).await;
    assert!(res.status().is_success(), "{}", res.status());
    let html = page(expert).await;
    assert!(html.contains(r#"data-testid="nav-account""#));
    assert!(!html.contains(r#"data-testid="unread-badge""#));
}
