//! What a session is: its cookie, its end when the account is disabled, and the menu it
//! brings into every page.

use crate::auth::whoami;
use crate::common::{TestApp, PASSWORD};
use b2bizen::domain::session::CurrentUser;

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
        async move {
            let html = client.get(url).send().await.unwrap().text().await.unwrap();
            // Without the hydration markers, whose number depends on how views were compiled.
            html.replace("<!>", "")
        }
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
