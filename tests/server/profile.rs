//! Expert dossiers over real HTTP: autosave, uploads, file access, review, publication.

use crate::common::{error_of, TestApp, PASSWORD, PDF};
use serde_json::{json, Value};

pub(crate) fn valid_draft(first_name: &str) -> Value {
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

pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
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

/// Uploads `bytes` as the `file` part of a multipart body sent in chunks, without a
/// Content-Length (so only the streaming cap can stop it), and reads the answer.
async fn upload_chunked(app: &TestApp, cookie: &str, path: &str, bytes: &[u8]) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = app.base_url.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nOrigin: {}\r\nCookie: {cookie}\r\n\
         Content-Type: multipart/form-data; boundary=xyz\r\nTransfer-Encoding: chunked\r\n\r\n",
        app.base_url
    );
    let mut body =
        b"--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\n\
                     Content-Type: application/pdf\r\n\r\n"
            .to_vec();
    body.extend_from_slice(bytes);
    body.extend_from_slice(b"\r\n--xyz--\r\n");
    stream.write_all(head.as_bytes()).await.unwrap();
    for chunk in body.chunks(64 * 1024) {
        let framed = [format!("{:x}\r\n", chunk.len()).as_bytes(), chunk, b"\r\n"].concat();
        // The server may answer and close before the end: stop writing then.
        if stream.write_all(&framed).await.is_err() {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n").await;
    let mut buf = vec![0; 4096];
    let n = tokio::time::timeout(std::time::Duration::from_secs(20), stream.read(&mut buf))
        .await
        .expect("an answer")
        .unwrap_or(0);
    String::from_utf8_lossy(&buf[..n]).to_string()
}

/// Signs `email` in once more and returns the new session's `Cookie` header value.
async fn session_cookie(app: &TestApp, email: &str) -> String {
    let res = reqwest::Client::new()
        .post(format!("{}/api/auth_sign_in", app.base_url))
        .header("origin", &app.base_url)
        .form(&[("email", email), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

pub(crate) async fn editor(app: &TestApp, client: &reqwest::Client) -> Value {
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
    // The limit travels as data (rendered in the page's language by the browser).
    assert!(response.contains("\"max_mb\":"), "{response}");
    // Streamed past the cap without a declared length: a real PDF one byte too large is
    // stopped while reading (a 413, not a content error).
    let cap = 10 * 1024 * 1024;
    let mut too_big = PDF.to_vec();
    too_big.resize(cap + 1, b' ');
    let cookie = session_cookie(&app, "camille@exemple.fr").await;
    let response = upload_chunked(&app, &cookie, "/api/profile_upload_cv", &too_big).await;
    assert!(response.starts_with("HTTP/1.1 413"), "{response}");
    assert!(response.contains("\"max_mb\":10"), "{response}");
    // At the cap exactly, the same way: accepted.
    let response = upload_chunked(&app, &cookie, "/api/profile_upload_cv", &too_big[..cap]).await;
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");

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
    let logged: Vec<String> = sqlx::query_scalar("SELECT kind FROM dossier_views")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(logged, ["cv_download"]);
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_text_of_the_draft_is_bounded_before_it_is_stored() {
    let app = TestApp::spawn().await;
    let expert = app.provider("camille@exemple.fr").await;
    let res = app
        .call_json(&expert, "profile_save", &valid_draft("Camille"))
        .await;
    assert_eq!(res.status(), 200);
    let revision = editor(&app, &expert).await["revision"].clone();
    for (field, label) in [
        ("legal_form", "Forme juridique"),
        ("postal_address", "Adresse postale"),
        ("vat_number", "TVA"),
    ] {
        let mut huge = valid_draft("Camille");
        huge["draft"][field] = json!("x".repeat(200_000));
        let (status, err) = error_of(app.call_json(&expert, "profile_save", &huge).await).await;
        assert_eq!(status, 422, "{field}");
        let message = err.to_string();
        assert!(
            message.contains(label) && message.contains("caractères au plus"),
            "{message}"
        );
    }
    let mut entries = valid_draft("Camille");
    entries["draft"]["references"][0]["company"] = json!("x".repeat(200_000));
    let (status, _) = error_of(app.call_json(&expert, "profile_save", &entries).await).await;
    assert_eq!(status, 422);
    let stored = editor(&app, &expert).await;
    assert_eq!(stored["revision"], revision, "nothing stored");
    assert_eq!(stored["draft"]["legal_form"], "SASU");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_editor_dates_by_the_servers_clock_in_france() {
    let app = TestApp::spawn().await;
    let client = app.provider("horloge@exemple.fr").await;
    // 22:30 UTC on 1 July is already 2 July in Paris (summer time, UTC+2)…
    app.state.clock.set("2030-07-01T22:30:00Z".parse().unwrap());
    assert_eq!(editor(&app, &client).await["today"], "2030-07-02");
    // …but still 1 December at 22:30 UTC in winter (UTC+1).
    app.state.clock.set("2030-12-01T22:30:00Z".parse().unwrap());
    assert_eq!(editor(&app, &client).await["today"], "2030-12-01");
}

/// A name changed in the editor is the account's name from then on: the admins' lists
/// show it, not the one typed at sign-up. An invalid one changes nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_renamed_expert_is_listed_under_the_new_name() {
    let app = TestApp::spawn().await;
    let expert = app.provider("camille@exemple.fr").await;
    let admin = app.admin("admin@b2bizen.fr").await;
    let draft = valid_draft("Camilla");
    assert_eq!(
        app.call_json(&expert, "profile_save", &draft)
            .await
            .status(),
        200
    );
    let listed = app
        .get_json(&admin, "/api/admin_accounts?q=camille%40exemple.fr")
        .await;
    assert_eq!(listed[0]["display_name"], "Camilla", "{listed}");
    let mut markup = valid_draft("<b>Camille</b>");
    markup["draft"]["last_name"] = json!("Martin");
    app.call_json(&expert, "profile_save", &markup).await;
    let listed = app
        .get_json(&admin, "/api/admin_accounts?q=camille%40exemple.fr")
        .await;
    assert_eq!(listed[0]["display_name"], "Camilla");
}
