//! Review decisions beyond approval: a rejection needs a reason and tells the expert by
//! e-mail and in the app; an attestation that expired while the dossier waited blocks
//! its publication; the editor warns when the published attestation runs out.

use crate::common::{error_of, TestApp};
use crate::review::{pending_id, ready_expert};
use serde_json::Value;

async fn decide(
    app: &TestApp,
    admin: &reqwest::Client,
    id: i64,
    decision: &str,
    message: &str,
) -> reqwest::Response {
    let id = id.to_string();
    let form = [
        ("id", id.as_str()),
        ("decision", decision),
        ("message", message),
    ];
    app.call_as(admin, "review_decide", &form).await
}

/// The expert's notification page, as the server renders it.
async fn notifications_page(app: &TestApp, client: &reqwest::Client) -> String {
    let res = client
        .get(format!("{}/notifications", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // Without the hydration markers, whose number depends on how views were compiled.
    res.text().await.unwrap().replace("<!>", "")
}

/// An app with an expert's dossier submitted: (app, expert, admin, submission id).
async fn submitted() -> (TestApp, reqwest::Client, reqwest::Client, i64) {
    let app = TestApp::spawn().await;
    let expert = ready_expert(&app, "camille@exemple.fr", "Camille").await;
    let admin = app.admin("admin@b2bizen.fr").await;
    assert_eq!(
        app.call_as(&expert, "profile_submit", &[]).await.status(),
        200
    );
    let id = pending_id(&app, &admin).await;
    (app, expert, admin, id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejection_gives_its_reason_by_mail_and_in_the_app() {
    let (app, expert, admin, id) = submitted().await;

    let (status, err) = error_of(decide(&app, &admin, id, "rejected", " ").await).await;
    assert_eq!(status, 422, "a rejection without a reason");
    assert!(!err.to_string().is_empty());

    let reason = "Votre activité ne relève pas des domaines de la plateforme.";
    assert_eq!(
        decide(&app, &admin, id, "rejected", reason).await.status(),
        200
    );
    let (subject, text) = app.last_mail_to("camille@exemple.fr").await;
    assert_eq!(subject, "Votre profil n'a pas été retenu");
    assert!(text.contains(reason), "{text}");
    let page = notifications_page(&app, &expert).await;
    assert!(page.contains("Refusé"), "{page}");
    // The admin's words, marked as data: the sentence is in the page's language, not them.
    assert!(
        page.contains(&format!(r#" — <span translate="no">{reason}</span>"#)),
        "{page}"
    );

    let data: Value = app.get_json(&expert, "/api/profile_editor").await;
    assert_eq!(data["state"]["state"], "rejected");
    assert_eq!(data["state"]["reason"], reason);
    assert_eq!(data["history"][0]["decision"], "reject");
    let published: i64 =
        sqlx::query_scalar("SELECT count(*) FROM experts WHERE status = 'published'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(published, 0);
    let (status, _) = error_of(decide(&app, &admin, id, "approved", "").await).await;
    assert_eq!(status, 422, "decided once");
}

/// Notifications are stored as what happened and read in the reader's language: an
/// expert who switched to English reads the older ones in English too, and the admin's
/// words as they were written, escaped.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_english_expert_reads_the_decision_in_english() {
    let (app, expert, admin, id) = submitted().await;
    let res = app
        .call_as(&expert, "set_language", &[("lang", "en"), ("back", "/")])
        .await;
    assert!(res.status().as_u16() < 400, "{}", res.status());
    let reason = "Hors <périmètre> & « ailleurs »";
    assert_eq!(
        decide(&app, &admin, id, "rejected", reason).await.status(),
        200
    );
    let (subject, text) = app.last_mail_to("camille@exemple.fr").await;
    assert_eq!(subject, "Your profile was not accepted");
    assert!(text.starts_with("Hello Camille,"), "{text}");
    assert!(
        text.contains(&format!("Message from the team: “{reason}”")),
        "{text}"
    );

    let page = notifications_page(&app, &expert).await;
    for english in [
        "Rejected",
        r#"Your profile was not accepted — <span translate="no">Hors &lt;périmètre&gt; &amp; « ailleurs »</span>"#,
        "Profile submitted",
        "E-mail address confirmed",
    ] {
        assert!(page.contains(english), "{english:?} not in {page}");
    }
    for french in ["Refusé", "Profil soumis", "Adresse e-mail confirmée"] {
        assert!(!page.contains(french), "{french:?} in {page}");
    }
    // Back to French: the same notifications read in French.
    let res = app
        .call_as(&expert, "set_language", &[("lang", "fr"), ("back", "/")])
        .await;
    assert!(res.status().as_u16() < 400, "{}", res.status());
    let page = notifications_page(&app, &expert).await;
    assert!(
        page.contains("Refusé") && page.contains("Profil soumis"),
        "{page}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_attestation_expired_while_waiting_blocks_the_approval() {
    let (app, _expert, admin, id) = submitted().await;
    // Submitted long ago with an attestation that has expired since.
    sqlx::query(
        "UPDATE profile_submissions
            SET snapshot = jsonb_set(snapshot, '{attestation_issued_on}',
                                     to_jsonb((current_date - 200)::text))
          WHERE id = $1",
    )
    .bind(id)
    .execute(&app.pool)
    .await
    .unwrap();

    let (status, err) = error_of(decide(&app, &admin, id, "approved", "").await).await;
    assert_eq!(status, 422);
    assert!(err.to_string().contains("a expiré le"), "{err}");
    let pending: Option<String> =
        sqlx::query_scalar("SELECT decision FROM profile_submissions WHERE id = $1")
            .bind(id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(pending, None, "nothing decided, nothing published");
    // The admin can still ask for a newer one.
    assert_eq!(
        decide(
            &app,
            &admin,
            id,
            "changes_requested",
            "Déposez une attestation récente."
        )
        .await
        .status(),
        200
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_editor_warns_when_the_published_attestation_runs_out() {
    let app = TestApp::spawn().await;
    let expert = ready_expert(&app, "camille@exemple.fr", "Camille").await;
    let admin = app.admin("admin@b2bizen.fr").await;
    crate::review::submit_and_approve(&app, &expert, &admin).await;
    let page = |client: reqwest::Client| {
        let url = format!("{}/profil", app.base_url);
        async move { client.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let data: Value = app.get_json(&expert, "/api/profile_editor").await;
    assert_eq!(data["published_attestation"]["state"], "valid");
    assert!(!page(expert.clone()).await.contains("published-attestation"));

    for (days, state, says) in [
        (175, "expiring_soon", "expire le"),
        (200, "expired", "expirée"),
    ] {
        sqlx::query("UPDATE experts SET attestation_issued_on = current_date - $1")
            .bind(days)
            .execute(&app.pool)
            .await
            .unwrap();
        let data: Value = app.get_json(&expert, "/api/profile_editor").await;
        assert_eq!(data["published_attestation"]["state"], state);
        let html = page(expert.clone()).await;
        let banner = html
            .split("data-testid=\"published-attestation\"")
            .nth(1)
            .unwrap_or_else(|| panic!("no banner for {state}"));
        let banner: String = banner.chars().take(300).collect();
        assert!(banner.contains(says), "{state}: {banner}");
    }
}
