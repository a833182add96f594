//! The account page: a password change proves the current one and ends the other
//! sessions; a company corrects its details, checked as at sign-up.

use crate::common::{error_of, TestApp, PASSWORD};
use serde_json::Value;

async fn sign_in(app: &TestApp, client: &reqwest::Client, password: &str) -> u16 {
    let form = [("email", "camille@exemple.fr"), ("password", password)];
    app.call_as(client, "auth_sign_in", &form)
        .await
        .status()
        .as_u16()
}

async fn whoami(app: &TestApp, client: &reqwest::Client) -> Value {
    let res = app.call_as(client, "auth_whoami", &[]).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_change_needs_the_current_one_and_ends_the_other_sessions() {
    let app = TestApp::spawn().await;
    let laptop = app.provider("camille@exemple.fr").await;
    let phone = TestApp::browser(&app.base_url);
    assert_eq!(sign_in(&app, &phone, PASSWORD).await, 200);

    let wrong = [
        ("current_password", "pas le bon mot de passe"),
        ("new_password", "une toute nouvelle phrase"),
    ];
    let (status, err) = error_of(
        app.call_as(&laptop, "account_change_password", &wrong)
            .await,
    )
    .await;
    assert_eq!(
        (status, err.to_string().as_str()),
        (422, "Le mot de passe actuel ne correspond pas.")
    );
    let weak = [("current_password", PASSWORD), ("new_password", "court")];
    let (status, _) = error_of(app.call_as(&laptop, "account_change_password", &weak).await).await;
    assert_eq!(status, 422);

    let good = [
        ("current_password", PASSWORD),
        ("new_password", "une toute nouvelle phrase"),
    ];
    assert_eq!(
        app.call_as(&laptop, "account_change_password", &good)
            .await
            .status(),
        200
    );
    // This session goes on, the other one is over, and only the new password opens.
    assert_eq!(whoami(&app, &laptop).await["email"], "camille@exemple.fr");
    assert_eq!(whoami(&app, &phone).await, Value::Null);
    let fresh = TestApp::browser(&app.base_url);
    assert_ne!(sign_in(&app, &fresh, PASSWORD).await, 200);
    assert_eq!(
        sign_in(&app, &fresh, "une toute nouvelle phrase").await,
        200
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_company_corrects_its_details_and_contact() {
    let app = TestApp::spawn().await;
    let company = app.client_company("achats@acme.fr", "Acme").await;
    let stored = app.get_json(&company, "/api/account_company").await["details"].clone();
    assert_eq!(stored["company_name"], "Acme");
    assert_eq!(stored["siret"], "44306184100005");

    let bad = [
        ("company_name", "Acme Industrie"),
        ("siret", "443 061 841 00006"),
        ("contact_first_name", "Nora"),
        ("contact_last_name", "Durand"),
    ];
    let (status, _) = error_of(app.call_as(&company, "account_update_company", &bad).await).await;
    assert_eq!(status, 422);
    let good = [
        ("company_name", "Acme Industrie"),
        ("siret", "443 061 841 00005"),
        ("contact_first_name", "Léa"),
        ("contact_last_name", "Moreau"),
    ];
    assert_eq!(
        app.call_as(&company, "account_update_company", &good)
            .await
            .status(),
        200
    );
    let stored = app.get_json(&company, "/api/account_company").await["details"].clone();
    assert_eq!(stored["company_name"], "Acme Industrie");
    assert_eq!(stored["contact_first_name"], "Léa");
    assert_eq!(
        whoami(&app, &company).await["display_name"],
        "Acme Industrie"
    );

    // An expert has no company to read or change.
    let expert = app.provider("camille@exemple.fr").await;
    assert_eq!(
        app.get_json(&expert, "/api/account_company").await,
        Value::String("not_a_client".into())
    );
    let res = app.call_as(&expert, "account_update_company", &good).await;
    assert_eq!(res.status(), 403);
}
