//! Expert dossiers over real HTTP: autosave, uploads, file access, review, publication.

use crate::common::{error_of, TestApp, PDF};
use serde_json::{json, Value};

fn valid_draft(first_name: &str) -> Value {
    let issued = (chrono::Utc::now().date_naive() - chrono::Duration::days(10)).to_string();
    json!({ "draft": {
        "first_name": first_name,
        "last_name": "Zyxwvutsrq",
        "departement": "69",
        "years_experience": "12",
        "domains": ["finance"],
        "languages": [{ "code": "fr", "level": "Native" }, { "code": "en", "level": "C1" }],
        "education": "Master CCA, Université Lyon 3",
        "phone": "06 98 76 54 32",
        "postal_address": "17 rue Secrète, 69002 Lyon",
        "legal_form": "SASU",
        "siret": "732 829 320 00074",
        "vat_number": "FR44732829320",
        "daily_rate": "777,77",
        "available_from": "2027-01-04",
        "remote_ok": true,
        "mobility": "69, 01",
        "skills": [{ "slug": "tresorerie", "years": "8" }],
        "experiences": [{ "title": "DAF de transition", "sector": "Industrie",
                          "started_on": "2022-01-01", "ended_on": "2023-06-30",
                          "description": "Refonte du reporting" }],
        "references": [{ "name": "Paul Ref", "company": "Acme", "contact": "paul@acme.fr" }],
        "attestation_issued_on": issued,
    }})
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let img =
        image::RgbImage::from_fn(width, height, |x, _| image::Rgb([(x % 255) as u8, 80, 160]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

const EXE: &[u8] = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00This program cannot be run in DOS mode";

/// Sends only the headers of a POST declaring `length` bytes, and reads the answer.
async fn declared_only(app: &TestApp, path: &str, length: usize) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = app.base_url.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nOrigin: {}\r\n\
         Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {length}\r\n\r\n",
        app.base_url
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut buf = vec![0; 4096];
    let n = tokio::time::timeout(std::time::Duration::from_secs(10), stream.read(&mut buf))
        .await
        .expect("an answer without sending the body")
        .unwrap();
    String::from_utf8_lossy(&buf[..n]).to_string()
}

async fn editor(app: &TestApp, client: &reqwest::Client) -> Value {
    app.get_json(client, "/api/profile_editor").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drafts_keep_what_was_typed_and_report_problems() {
    let app = TestApp::spawn().await;
    let expert = app.provider("camille@exemple.fr").await;
    let first = editor(&app, &expert).await;
    assert_eq!(
        first["draft"]["first_name"], "Camille",
        "prefilled from sign-up"
    );
    assert_eq!(first["state"]["state"], "draft");

    let mut draft = valid_draft("Camille");
    draft["draft"]["daily_rate"] = json!("beaucoup");
    draft["draft"]["phone"] = json!("12");
    let res = app.call_json(&expert, "profile_save", &draft).await;
    assert_eq!(res.status(), 200);
    let saved: Value = res.json().await.unwrap();
    let fields: Vec<&str> = saved["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["phone", "daily_rate"]);
    let again = editor(&app, &expert).await;
    assert_eq!(
        again["draft"]["daily_rate"], "beaucoup",
        "input kept as typed"
    );
    assert_eq!(again["revision"], saved["revision"]);

    // Submission refuses the problems and says which.
    let (status, err) = error_of(app.call_as(&expert, "profile_submit", &[]).await).await;
    assert_eq!(status, 422);
    let message = err.to_string();
    assert!(
        message.contains("Photo") || message.contains("Attestation"),
        "{message}"
    );

    // Other roles cannot use the editor.
    let company = app.client_company("achats@acme.fr", "Acme").await;
    assert_eq!(
        app.call_json(&company, "profile_save", &draft)
            .await
            .status(),
        403
    );
    let anonymous = TestApp::browser(&app.base_url);
    assert_eq!(
        app.call_json(&anonymous, "profile_save", &draft)
            .await
            .status(),
        401
    );
    // A draft too large is refused before anything is stored.
    let mut huge = valid_draft("Camille");
    huge["draft"]["education"] = json!("x".repeat(300_000));
    assert_eq!(
        app.call_json(&expert, "profile_save", &huge).await.status(),
        413
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_are_judged_by_content_resized_and_served_only_to_those_allowed() {
    let app = TestApp::spawn().await;
    let expert = app.provider("camille@exemple.fr").await;

    let res = app
        .upload(
            &expert,
            "profile_upload_attestation",
            EXE.to_vec(),
            "attestation.pdf",
        )
        .await;
    let (status, err) = error_of(res).await;
    assert_eq!(status, 422);
    assert!(
        err.to_string().contains("n'est pas un document PDF"),
        "{err}"
    );
    let res = app
        .upload(&expert, "profile_upload_photo", EXE.to_vec(), "moi.jpg")
        .await;
    assert_eq!(res.status(), 422);

    // Declared too large: refused from the headers alone, before any byte of body.
    let response = declared_only(&app, "/api/profile_upload_cv", 20 * 1024 * 1024).await;
    assert!(response.starts_with("HTTP/1.1 413"), "{response}");
    assert!(response.contains("Mo"), "{response}");
    // Streamed past the cap: stopped while reading.
    let too_big = vec![b'%'; 10 * 1024 * 1024 + 1];
    let res = app
        .upload(&expert, "profile_upload_cv", too_big, "cv.pdf")
        .await;
    assert!(
        matches!(res.status().as_u16(), 413 | 422),
        "{}",
        res.status()
    );

    let res = app
        .upload(&expert, "profile_upload_photo", png(1200, 800), "moi.png")
        .await;
    assert_eq!(res.status(), 200);
    let photo: Value = res.json().await.unwrap();
    let photo_url = photo["url"].as_str().unwrap().to_string();
    let res = expert
        .get(format!("{}{photo_url}", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/jpeg");
    let stored = image::load_from_memory(&res.bytes().await.unwrap()).unwrap();
    assert_eq!(
        (stored.width(), stored.height()),
        (480, 480),
        "cropped to the standard square"
    );

    let res = app
        .upload(&expert, "profile_upload_cv", PDF.to_vec(), "cv.pdf")
        .await;
    assert_eq!(res.status(), 200);
    let cv_url = res.json::<Value>().await.unwrap()["url"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(cv_url.starts_with("/fichiers/cv/"));
    let data = editor(&app, &expert).await;
    assert_eq!(data["files"]["cv"]["url"], cv_url.as_str());

    let fetch = |client: reqwest::Client, url: String| {
        let base = app.base_url.clone();
        async move {
            client
                .get(format!("{base}{url}"))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(fetch(expert.clone(), cv_url.clone()).await, 200);
    let anonymous = TestApp::browser(&app.base_url);
    assert_eq!(fetch(anonymous.clone(), cv_url.clone()).await, 401);
    assert_eq!(
        fetch(anonymous, photo_url.clone()).await,
        401,
        "draft photo is not public"
    );
    let other = app.provider("autre@exemple.fr").await;
    assert_eq!(fetch(other, cv_url.clone()).await, 403);
    let company = app.client_company("achats@acme.fr", "Acme").await;
    assert_eq!(fetch(company, cv_url.clone()).await, 403, "not proposed");
    let admin = app.admin("admin@b2bizen.fr").await;
    assert_eq!(fetch(admin, cv_url.clone()).await, 200);
    let logged: Vec<String> = sqlx::query_scalar("SELECT context FROM dossier_views")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(logged, ["Téléchargement du CV"]);
    assert_eq!(
        fetch(
            TestApp::browser(&app.base_url),
            "/fichiers/cv/../../etc".into()
        )
        .await,
        404
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_go_to_the_configured_object_store() {
    let root = std::env::temp_dir().join(format!("b2bizen-objects-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&root).unwrap();
    let url = format!("file://{}/bucket", root.display());
    let app = TestApp::spawn_with(&[("STORAGE_URL", &url)]).await;
    let expert = app.provider("camille@exemple.fr").await;
    let res = app
        .upload(&expert, "profile_upload_cv", PDF.to_vec(), "cv.pdf")
        .await;
    assert_eq!(res.status(), 200);
    let cv_url = res.json::<Value>().await.unwrap()["url"]
        .as_str()
        .unwrap()
        .to_string();
    let key = cv_url.trim_start_matches("/fichiers/");
    assert_eq!(
        std::fs::read(root.join("bucket").join(key)).unwrap(),
        PDF,
        "stored through object_store"
    );
    let served = expert
        .get(format!("{}{cv_url}", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(served.status(), 200);
    assert_eq!(served.bytes().await.unwrap(), PDF);
    std::fs::remove_dir_all(root).unwrap();
}
