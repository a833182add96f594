//! The built front end: content-named files cached for a year, the precompressed copy the
//! browser accepts, and pages that link the hashed names.

use crate::common::{RemoveOnDrop, TestApp};
use std::path::Path;

const JS: &str = "Jsjsjsjsjsjsjsjsjsjs01";
const WASM: &str = "Wasmwasmwasmwasmwasm02";
const CSS: &str = "Csscsscsscsscsscsscs03";
const MODULE: &[u8] = b"\0asm\x01\0\0\0 the module itself";
const BROTLI: &[u8] = b"the brotli copy";
const GZIP: &[u8] = b"the gzip copy";

/// A site as cargo-leptos leaves it; with `hashed`, content-named files and their
/// hash.txt, as a release build does.
fn built_site(hashed: bool) -> (RemoveOnDrop, Vec<(&'static str, String)>) {
    let root = std::env::temp_dir().join(format!("b2bizen-site-{}", uuid::Uuid::new_v4()));
    let pkg = root.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let name = |stem: &str, hash: &str, ext: &str| match hashed {
        true => format!("{stem}.{hash}.{ext}"),
        false => format!("{stem}.{ext}"),
    };
    let write = |file: String, bytes: &[u8]| std::fs::write(pkg.join(file), bytes).unwrap();
    let wasm = name("b2bizen", WASM, "wasm");
    write(wasm.clone(), MODULE);
    write(format!("{wasm}.br"), BROTLI);
    write(format!("{wasm}.gz"), GZIP);
    write(
        name("b2bizen", JS, "js"),
        b"export default function init() {}",
    );
    write(name("b2bizen", CSS, "css"), b"body { margin: 0 }");
    let mut settings = vec![("LEPTOS_SITE_ROOT", root.display().to_string())];
    let hash_file = root.join("hash.txt");
    std::fs::write(&hash_file, format!("js: {JS}\nwasm: {WASM}\ncss: {CSS}\n")).unwrap();
    // An absolute path: it replaces the default "beside the binary".
    settings.push(("LEPTOS_HASH_FILE_NAME", hash_file.display().to_string()));
    settings.push(("LEPTOS_HASH_FILES", hashed.to_string()));
    (RemoveOnDrop(root), settings)
}

async fn spawn_on(settings: &[(&'static str, String)]) -> TestApp {
    let pairs: Vec<(&str, &str)> = settings.iter().map(|(k, v)| (*k, v.as_str())).collect();
    TestApp::spawn_with(&pairs).await
}

async fn fetch(app: &TestApp, path: &str, accept: Option<&str>) -> reqwest::Response {
    let mut request = app.client.get(format!("{}{path}", app.base_url));
    if let Some(encodings) = accept {
        request = request.header("accept-encoding", encodings);
    }
    request.send().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hashed_files_are_immutable_and_served_precompressed() {
    let (_site, settings) = built_site(true);
    let app = spawn_on(&settings).await;
    let path = format!("/pkg/b2bizen.{WASM}.wasm");

    for (accept, encoding, body) in [
        (Some("gzip, deflate, br"), Some("br"), BROTLI),
        (Some("gzip"), Some("gzip"), GZIP),
        (None, None, MODULE),
    ] {
        let res = fetch(&app, &path, accept).await;
        assert_eq!(res.status(), 200, "{accept:?}");
        let headers = res.headers().clone();
        assert_eq!(
            headers["cache-control"], "public, max-age=31536000, immutable",
            "{accept:?}"
        );
        assert_eq!(headers["content-type"], "application/wasm", "{accept:?}");
        let vary: Vec<_> = headers.get_all("vary").iter().collect();
        assert!(
            vary.iter()
                .any(|v| v.to_str().unwrap().eq_ignore_ascii_case("accept-encoding")),
            "{accept:?}: vary {vary:?}"
        );
        assert_eq!(
            headers.get("content-encoding").map(|v| v.to_str().unwrap()),
            encoding,
            "{accept:?}"
        );
        assert_eq!(&res.bytes().await.unwrap()[..], body, "{accept:?}");
    }
    let missing = fetch(&app, "/pkg/b2bizen.Absentabsentabsent0000.wasm", None).await;
    assert_eq!(missing.status(), 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_link_the_hashed_names() {
    let (_site, settings) = built_site(true);
    let app = spawn_on(&settings).await;
    let html = app.get("/experts").await.text().await.unwrap();
    for linked in [
        format!("/pkg/b2bizen.{JS}.js"),
        format!("/pkg/b2bizen.{WASM}.wasm"),
        format!("/pkg/b2bizen.{CSS}.css"),
    ] {
        assert!(html.contains(&linked), "{linked} not linked");
    }
    let css = fetch(&app, &format!("/pkg/b2bizen.{CSS}.css"), None).await;
    assert_eq!(css.status(), 200);
    assert_eq!(css.text().await.unwrap(), "body { margin: 0 }");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_names_are_revalidated() {
    let (site, settings) = built_site(false);
    assert!(Path::new(&site.0).join("pkg/b2bizen.wasm").is_file());
    let app = spawn_on(&settings).await;
    let html = app.get("/").await.text().await.unwrap();
    assert!(
        html.contains("/pkg/b2bizen.css"),
        "plain stylesheet not linked"
    );
    let res = fetch(&app, "/pkg/b2bizen.wasm", None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-cache");
    assert_eq!(&res.bytes().await.unwrap()[..], MODULE);
}
