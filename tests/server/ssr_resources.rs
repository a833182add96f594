//! Server-rendered pages hand the browser one serialized value per resource, in the
//! order the browser creates them. A resource created inside a closure that the server
//! runs more than once (a `Suspend` awaiting the session) was created two or three times,
//! at random, under new ids: the browser then read another resource's value, sometimes an
//! internal error of a disposed copy, and hydration broke. These pages are rendered many
//! times and must serialize the same resources every time, each once, none failed.

use crate::common::TestApp;

/// Resource id → serialized value, in the order the page sent them
/// (`__RESOLVED_RESOURCES[3] = "…";`).
fn resolved(html: &str) -> Vec<(u32, String)> {
    const MARK: &str = "__RESOLVED_RESOURCES[";
    let mut out = Vec::new();
    for (at, _) in html.match_indices(MARK) {
        let rest = &html[at + MARK.len()..];
        let Some(close) = rest.find(']') else {
            continue;
        };
        let Ok(id) = rest[..close].parse::<u32>() else {
            continue;
        };
        let Some(body) = rest[close..].strip_prefix("] = \"") else {
            continue;
        };
        let mut escaped = false;
        let end = body
            .char_indices()
            .find(|&(_, c)| {
                let end = c == '"' && !escaped;
                escaped = c == '\\' && !escaped;
                end
            })
            .map(|(i, _)| i)
            .expect("unterminated resource value");
        out.push((id, body[..end].to_string()));
    }
    out
}

async fn check_page(app: &TestApp, who: &str, client: &reqwest::Client, path: &str) {
    let mut first: Option<Vec<u32>> = None;
    for round in 0..12 {
        let res = client
            .get(format!("{}{path}", app.base_url))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{who} {path}");
        let html = res.text().await.unwrap();
        let resources = resolved(&html);
        assert!(
            !resources.is_empty(),
            "{who} {path}: no serialized resource"
        );
        for (id, value) in &resources {
            assert!(
                !value.contains(r#"\"Err\":\"internal\""#),
                "{who} {path} round {round}: resource {id} failed: {value}"
            );
        }
        let mut values: Vec<&str> = resources.iter().map(|(_, v)| v.as_str()).collect();
        values.sort_unstable();
        let before = values.len();
        values.dedup();
        assert_eq!(
            values.len(),
            before,
            "{who} {path} round {round}: a resource was serialized twice: {resources:?}"
        );
        let mut ids: Vec<u32> = resources.iter().map(|(id, _)| *id).collect();
        ids.sort_unstable();
        match &first {
            None => first = Some(ids),
            Some(expected) => assert_eq!(
                &ids, expected,
                "{who} {path} round {round}: other resources than the first time"
            ),
        }
    }
}

#[tokio::test]
async fn every_page_serializes_each_resource_once_and_the_same_way() {
    let app = TestApp::spawn().await;
    let admin = app.admin("admin@exemple.fr").await;
    let expert = app.provider("expert@exemple.fr").await;
    let client = app.client_company("achats@acme.fr", "Acme").await;
    let anonymous = TestApp::browser(&app.base_url);

    for path in ["/", "/experts"] {
        check_page(&app, "anonymous", &anonymous, path).await;
    }
    for path in [
        "/admin/revues",
        "/admin/referentiel",
        "/admin/projets",
        "/notifications",
        "/compte",
    ] {
        check_page(&app, "admin", &admin, path).await;
    }
    for path in ["/profil", "/projets", "/compte", "/notifications"] {
        check_page(&app, "expert", &expert, path).await;
    }
    for path in ["/mes-projets", "/mes-projets/nouveau", "/compte"] {
        check_page(&app, "client", &client, path).await;
    }
}
