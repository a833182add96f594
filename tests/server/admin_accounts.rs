//! Admins find accounts, disable them (their sessions end at once) and enable them again.

use crate::common::{error_of, TestApp, PASSWORD};
use b2bizen::domain::account::{AccountSummary, Role};
use b2bizen::error::AppError;
use serde_json::Value;

async fn signed_in(app: &TestApp, client: &reqwest::Client) -> bool {
    let res = app.call_as(client, "auth_whoami", &[]).await;
    assert_eq!(res.status(), 200);
    res.json::<Value>().await.unwrap() != Value::Null
}

async fn search(app: &TestApp, admin: &reqwest::Client, q: &str) -> Vec<AccountSummary> {
    let value = app
        .get_json(admin, &format!("/api/admin_accounts?q={}", urlencoding(q)))
        .await;
    serde_json::from_value(value).unwrap()
}

fn urlencoding(q: &str) -> String {
    q.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_disables_an_account_and_enables_it_again() {
    let app = TestApp::spawn().await;
    let admin = app.admin("admin@exemple.fr").await;
    let expert = app.provider("max.dupont@exemple.fr").await;
    let client = app.client_company("achats@acme.fr", "Acme").await;

    // Search by e-mail or name; wildcards are taken literally.
    let found = search(&app, &admin, "MAX.dupont").await;
    assert_eq!(found.len(), 1);
    let max = &found[0];
    assert_eq!(
        (max.role, max.verified, max.disabled),
        (Role::Provider, true, false)
    );
    let acme = search(&app, &admin, "ACME").await;
    assert_eq!((acme.len(), acme[0].role), (1, Role::Client), "{acme:?}");
    assert_eq!(search(&app, &admin, "camille").await.len(), 1, "by name");
    assert_eq!(
        search(&app, &admin, "%").await.len(),
        0,
        "% is not a wildcard"
    );
    assert_eq!(search(&app, &admin, "").await.len(), 3);

    // Only admins, and not on themselves.
    let refused = app
        .call_as(
            &expert,
            "admin_set_account_disabled",
            &[("id", &max.id.to_string()), ("disabled", "true")],
        )
        .await;
    assert_eq!(refused.status(), 403);
    let listing = client
        .get(format!("{}/api/admin_accounts?q=", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(listing.status(), 403);
    let me = search(&app, &admin, "admin@exemple.fr").await[0].id;
    let (status, err) = error_of(
        app.call_as(
            &admin,
            "admin_set_account_disabled",
            &[("id", &me.to_string()), ("disabled", "true")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(matches!(err, AppError::Validation(_)) && err.to_string().contains("propre compte"));
    let unknown = app
        .call_as(
            &admin,
            "admin_set_account_disabled",
            &[
                ("id", "00000000-0000-4000-8000-000000000000"),
                ("disabled", "true"),
            ],
        )
        .await;
    assert_eq!(unknown.status(), 404);

    // Disabled: the open session ends at its next request, signing in is refused.
    assert!(signed_in(&app, &expert).await);
    let done = app
        .call_as(
            &admin,
            "admin_set_account_disabled",
            &[("id", &max.id.to_string()), ("disabled", "true")],
        )
        .await;
    assert_eq!(done.status(), 200);
    assert!(!signed_in(&app, &expert).await, "the session ended");
    assert!(search(&app, &admin, "max.dupont").await[0].disabled);
    let sign_in = [("email", "max.dupont@exemple.fr"), ("password", PASSWORD)];
    assert_eq!(
        app.call_as(&expert, "auth_sign_in", &sign_in)
            .await
            .status(),
        401
    );

    // Enabled again: the owner signs in anew.
    let done = app
        .call_as(
            &admin,
            "admin_set_account_disabled",
            &[("id", &max.id.to_string()), ("disabled", "false")],
        )
        .await;
    assert_eq!(done.status(), 200);
    assert!(!search(&app, &admin, "max.dupont").await[0].disabled);
    assert_eq!(
        app.call_as(&expert, "auth_sign_in", &sign_in)
            .await
            .status(),
        200
    );
    assert!(signed_in(&app, &expert).await);
}
