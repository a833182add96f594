//! Uploads stored in an S3-compatible object store, through a real S3 server (s3s-fs:
//! the S3 protocol over HTTP, signatures checked, objects kept in a local directory).

use crate::common::{TestApp, PDF};
use hyper_util::rt::{TokioExecutor, TokioIo};
use serde_json::Value;
use std::path::PathBuf;

const ACCESS_KEY: &str = "b2bizen-test";
const SECRET_KEY: &str = "b2bizen-test-secret";

/// An S3 server on a random local port, with one bucket; its directory is removed with it.
struct S3Server {
    endpoint: String,
    root: PathBuf,
    task: tokio::task::JoinHandle<()>,
}

impl S3Server {
    async fn start(bucket: &str) -> Self {
        let root = std::env::temp_dir().join(format!("b2bizen-s3-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(root.join(bucket)).unwrap();
        let fs = s3s_fs::FileSystem::new(&root).unwrap();
        let mut builder = s3s::service::S3ServiceBuilder::new(fs);
        builder.set_auth(s3s::auth::SimpleAuth::from_single(ACCESS_KEY, SECRET_KEY));
        let service = builder.build();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let endpoint = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            let http = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
            while let Ok((socket, _)) = listener.accept().await {
                let conn = http
                    .serve_connection(TokioIo::new(socket), service.clone())
                    .into_owned();
                tokio::spawn(async move {
                    let _ = conn.await;
                });
            }
        });
        Self {
            endpoint,
            root,
            task,
        }
    }

    /// The app's storage settings for this server, with the given secret key.
    fn settings<'a>(&'a self, url: &'a str, secret: &'a str) -> Vec<(&'a str, &'a str)> {
        vec![
            ("STORAGE_URL", url),
            ("AWS_ENDPOINT", &self.endpoint),
            ("AWS_ALLOW_HTTP", "true"),
            ("AWS_REGION", "eu-west-3"),
            ("AWS_ACCESS_KEY_ID", ACCESS_KEY),
            ("AWS_SECRET_ACCESS_KEY", secret),
        ]
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        self.task.abort();
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn url_of(upload: &Value) -> String {
    upload["url"]
        .as_str()
        .expect("the file's address")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_are_stored_in_and_served_from_an_s3_bucket() {
    let s3 = S3Server::start("dossiers").await;
    let app = TestApp::spawn_with(&s3.settings("s3://dossiers/b2bizen", SECRET_KEY)).await;
    let expert = app.provider("camille@exemple.fr").await;

    let res = app
        .upload(&expert, "profile_upload_cv", PDF.to_vec(), "cv.pdf")
        .await;
    assert_eq!(res.status(), 200);
    let cv_url = url_of(&res.json().await.unwrap());
    let key = cv_url.trim_start_matches("/fichiers/");
    let object = s3.root.join("dossiers/b2bizen").join(key);
    assert_eq!(
        std::fs::read(&object).expect("the object in the bucket, under the prefix"),
        PDF
    );

    let served = expert
        .get(format!("{}{cv_url}", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(served.status(), 200);
    assert_eq!(served.bytes().await.unwrap(), PDF);

    // Someone else is refused before the store is even asked.
    let stranger = app.provider("dominique@exemple.fr").await;
    let refused = stranger
        .get(format!("{}{cv_url}", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);

    // An object gone from the bucket is a clean 404, not an error page.
    std::fs::remove_file(&object).unwrap();
    let missing = expert
        .get(format!("{}{cv_url}", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_store_refusing_our_credentials_fails_the_upload_without_internals() {
    let s3 = S3Server::start("dossiers").await;
    let app = TestApp::spawn_with(&s3.settings("s3://dossiers", "not-the-secret")).await;
    let expert = app.provider("camille@exemple.fr").await;

    let res = app
        .upload(&expert, "profile_upload_cv", PDF.to_vec(), "cv.pdf")
        .await;
    assert_eq!(res.status(), 500);
    let body = res.text().await.unwrap();
    for internal in [
        "SignatureDoesNotMatch",
        "s3",
        "dossiers",
        "127.0.0.1",
        "object_store",
    ] {
        assert!(
            !body.contains(internal),
            "the error shown must not reveal `{internal}`: {body}"
        );
    }
    assert!(
        std::fs::read_dir(s3.root.join("dossiers"))
            .unwrap()
            .next()
            .is_none(),
        "nothing stored with a bad signature"
    );
    // Nothing was attached to the dossier either.
    let attached: i64 = sqlx::query_scalar("SELECT count(*) FROM stored_files")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(attached, 0);
}
