//! What uploads may cost an account: a confirmed address first, a quota of files still
//! waiting, a rate per hour, and files judged by their content and served as downloads.

use crate::common::{error_of, TestApp, PASSWORD, PDF};
use crate::profile::{editor, png};
use serde_json::Value;

/// A well-formed PDF of exactly `len` bytes (a long comment in the middle).
fn pdf_of_size(len: usize) -> Vec<u8> {
    let tail = &PDF[b"%PDF-1.4\n".len()..];
    let mut bytes = b"%PDF-1.4\n%".to_vec();
    bytes.resize(len - tail.len() - 1, b'x');
    bytes.push(b'\n');
    bytes.extend_from_slice(tail);
    assert_eq!(bytes.len(), len);
    bytes
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_need_a_confirmed_address() {
    let app = TestApp::spawn().await;
    assert_eq!(
        app.sign_up_provider("nouveau@exemple.fr", PASSWORD)
            .await
            .status(),
        200
    );
    // Signed in, the confirmation link not followed.
    let unconfirmed = TestApp::browser(&app.base_url);
    let res = app
        .call_as(
            &unconfirmed,
            "auth_sign_in",
            &[("email", "nouveau@exemple.fr"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 200);
    for (endpoint, bytes) in [
        ("profile_upload_cv", PDF.to_vec()),
        ("profile_upload_attestation", PDF.to_vec()),
        ("profile_upload_photo", png(600, 600)),
    ] {
        let res = app.upload(&unconfirmed, endpoint, bytes, "f").await;
        let (status, err) = error_of(res).await;
        assert_eq!(status, 422, "{endpoint}");
        assert!(err.to_string().contains("Confirmez"), "{endpoint}: {err}");
    }
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM stored_files")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replaced_uploads_count_against_a_quota_until_purged() {
    let app = TestApp::spawn().await;
    let expert = app.provider("camille@exemple.fr").await;
    let cv = pdf_of_size(10 * 1024 * 1024);
    // The draft's CV and three replaced ones: 40 MB.
    for _ in 0..4 {
        let res = app
            .upload(&expert, "profile_upload_cv", cv.clone(), "cv.pdf")
            .await;
        assert_eq!(res.status(), 200);
    }
    for (endpoint, bytes) in [
        ("profile_upload_cv", cv.clone()),
        ("profile_upload_attestation", PDF.to_vec()),
    ] {
        let (status, err) = error_of(app.upload(&expert, endpoint, bytes, "f.pdf").await).await;
        assert_eq!(status, 413, "{endpoint}");
        assert!(err.to_string().contains("40 Mo"), "{err}");
    }
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM stored_files")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, 4);
    // Once the replaced ones are purged, there is room again.
    sqlx::query("UPDATE stored_files SET created_at = created_at - interval '2 days'")
        .execute(&app.pool)
        .await
        .unwrap();
    let purged = b2bizen::server::retention::purge_unreferenced_files(
        &app.pool,
        &app.state.storage,
        b2bizen::server::retention::GRACE,
    )
    .await
    .unwrap();
    assert_eq!(purged, 3);
    let res = app
        .upload(&expert, "profile_upload_attestation", PDF.to_vec(), "a.pdf")
        .await;
    assert_eq!(res.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_are_rate_limited_per_account() {
    let app = TestApp::spawn().await;
    let expert = app.provider("camille@exemple.fr").await;
    for _ in 0..20 {
        let res = app
            .upload(&expert, "profile_upload_cv", PDF.to_vec(), "cv.pdf")
            .await;
        assert_eq!(res.status(), 200);
    }
    // The window is a clock hour: should one begin meanwhile, the next 20 go through.
    let mut refused = None;
    for _ in 0..21 {
        let res = app
            .upload(&expert, "profile_upload_cv", PDF.to_vec(), "cv.pdf")
            .await;
        if res.status() != 200 {
            refused = Some(error_of(res).await);
            break;
        }
    }
    let (status, err) = refused.expect("41 uploads in a row accepted");
    assert_eq!(status, 429);
    assert!(err.to_string().contains("patienter"), "{err}");
    // Another account is not held up.
    let other = app.provider("autre@exemple.fr").await;
    let res = app
        .upload(&other, "profile_upload_cv", PDF.to_vec(), "cv.pdf")
        .await;
    assert_eq!(res.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_web_page_is_no_pdf_and_files_are_served_as_downloads() {
    let app = TestApp::spawn().await;
    let admin = app.admin("admin@b2bizen.fr").await;
    let expert = crate::review::ready_expert(&app, "camille@exemple.fr", "Camille").await;

    // Starts like a PDF, is a web page.
    let page = b"%PDF-1.4\n<html><body><script>fetch('/api/profile_editor')</script></body></html>\n%%EOF\n";
    let cut = &PDF[..PDF.len() - 7];
    for (bytes, says) in [(page.to_vec(), "PDF valide"), (cut.to_vec(), "incomplet")] {
        let res = app
            .upload(&expert, "profile_upload_cv", bytes, "cv.pdf")
            .await;
        let (status, err) = error_of(res).await;
        assert_eq!(status, 422);
        assert!(err.to_string().contains(says), "{err}");
    }

    let res = app
        .upload(&expert, "profile_upload_photo", png(600, 600), "moi.png")
        .await;
    assert_eq!(res.status(), 200);
    let photo_url = res.json::<Value>().await.unwrap()["url"]
        .as_str()
        .unwrap()
        .to_string();
    let data = editor(&app, &expert).await;
    let cv_url = data["files"]["cv"]["url"].as_str().unwrap().to_string();
    let disposition = |url: String| {
        let expert = expert.clone();
        let base = app.base_url.clone();
        async move {
            let res = expert.get(format!("{base}{url}")).send().await.unwrap();
            assert_eq!(res.status(), 200, "{url}");
            res.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .to_string()
        }
    };
    assert_eq!(
        disposition(cv_url.clone()).await,
        "attachment; filename=\"cv.pdf\""
    );
    assert_eq!(
        disposition(photo_url.clone()).await,
        "attachment; filename=\"photo.jpg\"",
        "a draft's photo is private"
    );

    // Published, the photo is public and shows in place; the CV is still a download.
    crate::review::submit_and_approve(&app, &expert, &admin).await;
    let id: uuid::Uuid = sqlx::query_scalar("SELECT id FROM experts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(disposition(format!("/photos/{id}")).await, "inline");
    assert_eq!(disposition(photo_url).await, "inline");
    assert_eq!(disposition(cv_url).await, "attachment; filename=\"cv.pdf\"");
}
