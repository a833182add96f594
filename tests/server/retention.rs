//! Uploaded files nobody refers to are deleted after a grace period; files of the
//! draft, of any submission and of the published version are kept.

use crate::common::{TestApp, PDF};
use crate::review::ready_expert;
use b2bizen::server::retention::{purge_unreferenced_files, GRACE};
use b2bizen::server::storage::{Key, Storage};
use serde_json::Value;

async fn upload_cv(app: &TestApp, expert: &reqwest::Client, marker: &str) -> String {
    let mut bytes = PDF.to_vec();
    bytes.extend_from_slice(marker.as_bytes());
    let res = app
        .upload(expert, "profile_upload_cv", bytes, "cv.pdf")
        .await;
    assert_eq!(res.status(), 200);
    let info: Value = res.json().await.unwrap();
    info["url"].as_str().unwrap().to_string()
}

fn key_of(url: &str) -> Key {
    let (slot, id) = url
        .trim_start_matches("/fichiers/")
        .split_once('/')
        .unwrap();
    Key::new(slot, uuid::Uuid::parse_str(id).unwrap()).unwrap()
}

async fn age_every_file(app: &TestApp) {
    sqlx::query("UPDATE stored_files SET created_at = created_at - interval '2 days'")
        .execute(&app.pool)
        .await
        .unwrap();
}

async fn status_of(app: &TestApp, client: &reqwest::Client, url: &str) -> u16 {
    client
        .get(format!("{}{url}", app.base_url))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replaced_uploads_are_deleted_once_nothing_refers_to_them() {
    let app = TestApp::spawn().await;
    let expert = ready_expert(&app, "camille@exemple.fr", "Camille").await;
    let purge = || purge_unreferenced_files(&app.pool, &app.state.storage, GRACE);

    let first = upload_cv(&app, &expert, "first").await;
    let submitted = upload_cv(&app, &expert, "submitted").await;
    // `first` is replaced but recent: kept for the grace period.
    assert_eq!(purge().await.unwrap(), 0);
    assert_eq!(status_of(&app, &expert, &first).await, 200);

    assert_eq!(
        app.call_as(&expert, "profile_submit", &[]).await.status(),
        200
    );
    let dropped = upload_cv(&app, &expert, "dropped").await;
    let current = upload_cv(&app, &expert, "current").await;
    age_every_file(&app).await;

    assert_eq!(
        purge().await.unwrap(),
        3,
        "the CV `ready_expert` uploaded, `first` and `dropped`; nothing else"
    );
    for gone in [&first, &dropped] {
        assert_eq!(status_of(&app, &expert, gone).await, 404);
        assert_eq!(app.state.storage.get(&key_of(gone)).await.unwrap(), None);
    }
    // The submission's CV (the admin's decision refers to it), the draft's CV and the
    // attestation both refer to are kept.
    for kept in [&submitted, &current] {
        assert_eq!(status_of(&app, &expert, kept).await, 200);
        assert!(app
            .state
            .storage
            .get(&key_of(kept))
            .await
            .unwrap()
            .is_some());
    }
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM stored_files")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(left, 3, "two CVs and the attestation");
    assert_eq!(purge().await.unwrap(), 0, "nothing more to delete");
}
