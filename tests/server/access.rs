//! Every server function is either public or refuses anonymous callers; cross-site
//! requests are refused.

use crate::common::TestApp;
use b2bizen::server::auth::access::{policy, Access, SERVER_FNS};

fn registered() -> Vec<(String, String)> {
    // Touch the app so that every server function is linked and registered.
    let _ = b2bizen::app::App;
    leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| (path.to_string(), method.to_string()))
        .collect()
}

#[test]
fn every_registered_server_function_has_a_policy_and_no_policy_is_stale() {
    let paths = registered();
    assert!(
        paths.len() >= 14,
        "too few server functions found: {paths:?}"
    );
    for (path, _) in &paths {
        assert!(
            policy(path).is_some(),
            "{path} has no access policy in SERVER_FNS"
        );
    }
    for rule in SERVER_FNS {
        let endpoint = rule.endpoint;
        assert!(
            paths.iter().any(|(p, _)| p == &format!("/api/{endpoint}")),
            "SERVER_FNS names {endpoint}, which is not a server function"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn non_public_server_functions_refuse_anonymous_callers() {
    let app = TestApp::spawn().await;
    let mut checked = 0;
    for (path, method) in registered() {
        if policy(&path) == Some(Access::Public) {
            continue;
        }
        let url = format!("{}{path}", app.base_url);
        let res = match method.as_str() {
            "GET" => app.client.get(url).send().await.unwrap(),
            _ => app.client.post(url).send().await.unwrap(),
        };
        assert_eq!(
            res.status(),
            401,
            "{method} {path} answered an anonymous caller"
        );
        checked += 1;
    }
    assert!(checked >= 5);
    assert_eq!(
        app.client
            .post(format!("{}/api/nope", app.base_url))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_functions_refuse_other_roles() {
    let app = TestApp::spawn().await;
    app.sign_up_provider("pro@exemple.fr", "une longue phrase de passe")
        .await;
    app.call(
        "auth_sign_in",
        &[
            ("email", "pro@exemple.fr"),
            ("password", "une longue phrase de passe"),
        ],
    )
    .await;
    for rule in SERVER_FNS {
        if let Access::Role(b2bizen::domain::account::Role::Admin) = rule.access {
            let endpoint = rule.endpoint;
            assert_eq!(app.call(endpoint, &[]).await.status(), 403, "{endpoint}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_posts_are_refused() {
    let app = TestApp::spawn().await;
    let url = format!("{}/api/auth_request_reset", app.base_url);
    let plain = reqwest::Client::new();
    let form = [("email", "a@exemple.fr")];
    let foreign = plain
        .post(&url)
        .header("origin", "https://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), 403);
    let fetch_site = plain
        .post(&url)
        .header("sec-fetch-site", "cross-site")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(fetch_site.status(), 403);
    let null_origin = plain
        .post(&url)
        .header("origin", "null")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(null_origin.status(), 403);
    let same = plain
        .post(&url)
        .header("origin", &app.base_url)
        .header("sec-fetch-site", "same-origin")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(same.status(), 200);
    let queued: i64 =
        sqlx::query_scalar("SELECT count(*) FROM rate_limits WHERE key LIKE 'reset:%'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(queued, 2, "refused requests must not reach the function");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_read_the_mailbox_with_its_links() {
    use b2bizen::domain::account::Email;
    use b2bizen::domain::session::OutboxMail;
    let app = TestApp::spawn().await;
    let password = "phrase de passe de l'admin";
    let email = Email::parse("admin@b2bizen.fr").unwrap();
    b2bizen::server::account::create_admin(&app.pool, &email, "Admin", password.into())
        .await
        .unwrap();
    app.sign_up_provider("expert@exemple.fr", "une longue phrase de passe")
        .await;
    let admin = TestApp::browser(&app.base_url);
    let res = app
        .call_as(
            &admin,
            "auth_sign_in",
            &[("email", "admin@b2bizen.fr"), ("password", password)],
        )
        .await;
    assert_eq!(res.status(), 200);
    let mails: Vec<OutboxMail> = app
        .call_as(&admin, "admin_mailbox", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].recipient, "expert@exemple.fr");
    assert!(mails[0].links[0].starts_with(&format!("{}/verifier-email?jeton=", app.base_url)));
}

/// Every server function applies its rule from the table (`access::user::<Self>()`,
/// `access::visitor::<Self>()` or `access::allow::<Self>()`), so an in-process call during server rendering, where no
/// middleware runs, is checked by the same rule; no function states a rule of its own.
#[test]
fn every_server_function_asks_the_table_for_its_caller() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/api");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        for forbidden in ["require_role", "require_user", "access::caller("] {
            assert!(
                !source.contains(forbidden),
                "{}: {forbidden} states a rule beside the table",
                path.display()
            );
        }
        for block in source.split("\n#[server(").skip(1) {
            let name = block
                .split("pub async fn ")
                .nth(1)
                .and_then(|rest| rest.split('(').next())
                .expect("a server function");
            let type_name: String = name
                .split('_')
                .map(|part| {
                    let mut chars = part.chars();
                    chars
                        .next()
                        .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                        .unwrap_or_default()
                })
                .collect();
            let body = block.split("\n#[server(").next().unwrap();
            assert!(
                ["user", "visitor", "allow"]
                    .iter()
                    .any(|helper| body.contains(&format!("access::{helper}::<{type_name}>()"))),
                "{}: {name} does not apply its rule through access::user/visitor/allow::<{type_name}>",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} server functions found");
}
