//! The visitor's language: the `lang` cookie, else `Accept-Language`, else French; the
//! switch in the header; the account's language for its mails.

use crate::common::{TestApp, PASSWORD};

/// `site.hero_title` of `locales/en` and `locales/fr`.
const EN_HERO: &str = "The right expert for your project, the right mission for your expertise";
const FR_HERO: &str = "Le bon expert pour votre projet, la bonne mission pour votre expertise";

async fn home(app: &TestApp, client: &reqwest::Client, accept: Option<&str>) -> String {
    let mut req = client.get(format!("{}/", app.base_url));
    if let Some(accept) = accept {
        req = req.header("accept-language", accept);
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), 200);
    res.text().await.unwrap()
}

fn html_lang(page: &str) -> &str {
    let start = page.find("<html lang=\"").expect("an <html lang>") + "<html lang=\"".len();
    &page[start..start + page[start..].find('"').unwrap()]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accept_language_and_cookie_decide_the_page_language() {
    let app = TestApp::spawn().await;
    let anonymous = TestApp::browser(&app.base_url);
    assert_eq!(html_lang(&home(&app, &anonymous, None).await), "fr");
    assert_eq!(
        html_lang(&home(&app, &anonymous, Some("de-DE,de;q=0.9")).await),
        "fr"
    );

    let english = home(&app, &anonymous, Some("en-GB,en;q=0.9")).await;
    assert_eq!(html_lang(&english), "en");
    assert!(
        english.contains(EN_HERO) && english.contains("How it works"),
        "an English visitor reads the English home page"
    );
    assert!(!english.contains(FR_HERO));
    assert!(english.contains("Sign in"), "and the English account links");

    // The cookie wins over the browser's languages.
    let res = anonymous
        .get(format!("{}/", app.base_url))
        .header("accept-language", "en-GB,en;q=0.9")
        .header("cookie", "lang=fr")
        .send()
        .await
        .unwrap();
    let page = res.text().await.unwrap();
    assert_eq!(html_lang(&page), "fr");
    assert!(page.contains(FR_HERO));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_switch_sets_the_cookie_and_goes_back_to_the_page() {
    let app = TestApp::spawn().await;
    let page = home(&app, &app.client, None).await;
    assert!(
        page.contains(r#"action="/api/set_language""#),
        "the header has the switch"
    );
    let res = app
        .client
        .post(format!("{}/api/set_language", app.base_url))
        .header("accept", "text/html,application/xhtml+xml")
        .form(&[("lang", "en"), ("back", "/experts?domaine=3")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
    assert_eq!(res.headers()["location"], "/experts?domaine=3");
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("lang=en;"), "{cookie}");
    for part in ["Path=/", "SameSite=Lax", "Max-Age=31536000"] {
        assert!(cookie.contains(part), "{cookie} lacks {part}");
    }
    // The client's jar now holds it: the next pages are English, whatever the browser says.
    let page = home(&app, &app.client, Some("fr-FR")).await;
    assert_eq!(html_lang(&page), "en");

    // Back to French; elsewhere than this site is never a way back.
    for back in [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
    ] {
        let res = app
            .call("set_language", &[("lang", "fr"), ("back", back)])
            .await;
        assert_eq!(res.headers()["location"], "/", "{back}");
    }
    assert_eq!(html_lang(&home(&app, &app.client, Some("en")).await), "fr");

    let res = app
        .call("set_language", &[("lang", "de"), ("back", "/")])
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.headers().get("set-cookie").is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_english_sign_up_is_kept_and_mailed_in_english() {
    let app = TestApp::spawn().await;
    let res = app
        .client
        .post(format!("{}/api/auth_sign_up_provider", app.base_url))
        .header("accept-language", "en-US,en;q=0.9,fr;q=0.5")
        .form(&[
            ("kind", "expert"),
            ("first_name", "Sam"),
            ("last_name", "Smith"),
            ("email", "sam@exemple.fr"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let language: String =
        sqlx::query_scalar("SELECT language FROM accounts WHERE email = 'sam@exemple.fr'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(language, "en");
    let (subject, body) = app.last_mail_to("sam@exemple.fr").await;
    assert_eq!(subject, "Confirm your e-mail address");
    assert!(body.starts_with("Hello,"), "{body}");

    // The reset mail follows the account, not the browser that asks for it.
    let res = app
        .call("auth_request_reset", &[("email", "sam@exemple.fr")])
        .await;
    assert_eq!(res.status(), 200);
    let (subject, _) = app.last_mail_to("sam@exemple.fr").await;
    assert_eq!(subject, "Resetting your password");

    // A French visitor (no header) signs up in French, as before.
    assert_eq!(
        app.sign_up_provider("lea@exemple.fr", PASSWORD)
            .await
            .status(),
        200
    );
    let (subject, _) = app.last_mail_to("lea@exemple.fr").await;
    assert_eq!(subject, "Confirmez votre adresse e-mail");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_in_choice_is_stored_on_the_account() {
    let app = TestApp::spawn().await;
    let client = app.provider("ines@exemple.fr").await;
    let res = app
        .call_as(
            &client,
            "set_language",
            &[("lang", "en"), ("back", "/compte")],
        )
        .await;
    assert_eq!(res.headers()["location"], "/compte");
    let language: String =
        sqlx::query_scalar("SELECT language FROM accounts WHERE email = 'ines@exemple.fr'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(language, "en");
    let res = app
        .call("auth_request_reset", &[("email", "ines@exemple.fr")])
        .await;
    assert_eq!(res.status(), 200);
    let (subject, _) = app.last_mail_to("ines@exemple.fr").await;
    assert_eq!(subject, "Resetting your password");
}
