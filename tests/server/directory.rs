//! The public directory shows partial cards only, filters and pages them.

use crate::common::TestApp;
use b2bizen::domain::profile::DirectoryPage;
use uuid::Uuid;

/// Private values no public response may contain.
const PRIVATE: [&str; 7] = [
    "Zyqwarsky",
    "secret.zyqwarsky@prive.fr",
    "+33 6 12 34 56 78",
    "17 rue des Secrets",
    "73282932000074",
    "FR40732829320",
    "987.65",
];

async fn expert(
    app: &TestApp,
    first: &str,
    dep: &str,
    years: i16,
    status: &str,
    domain: &str,
    lang: &str,
) -> Uuid {
    let id: Uuid = sqlx::query_scalar(
        "INSERT INTO experts (first_name, departement_code, status, published_at, years_experience,
             education, last_name, email, phone, postal_address, siret, vat_number, daily_rate,
             attestation_issued_on)
         VALUES ($1, $2, $3, CASE WHEN $3 = 'published' THEN now() END, $4, ARRAY['Master, Université de Lyon'],
             $5, $6, $7, $8, $9, $10, 987.65, current_date - 10)
         RETURNING id",
    )
    .bind(first)
    .bind(dep)
    .bind(status)
    .bind(years)
    .bind(PRIVATE[0])
    .bind(PRIVATE[1])
    .bind(PRIVATE[2])
    .bind(PRIVATE[3])
    .bind(PRIVATE[4])
    .bind(PRIVATE[5])
    .fetch_one(&app.pool)
    .await
    .unwrap();
    sqlx::query("INSERT INTO expert_domains (expert_id, domain_id) SELECT $1, id FROM domains WHERE slug = $2")
        .bind(id)
        .bind(domain)
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO expert_languages (expert_id, code, level) VALUES ($1, 'fr', 'Native'), ($1, $2, 'C1')")
        .bind(id)
        .bind(lang)
        .execute(&app.pool)
        .await
        .unwrap();
    id
}

async fn search(app: &TestApp, query: &str) -> DirectoryPage {
    let res = app.get(&format!("/api/directory_search?{query}")).await;
    assert_eq!(res.status(), 200, "{query}");
    res.json().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_private_value_reaches_any_public_page_or_response() {
    let app = TestApp::spawn().await;
    let published = expert(&app, "Anouk", "69", 10, "published", "finance", "en").await;
    let draft = expert(&app, "Brunehilde", "75", 4, "submitted", "finance", "de").await;

    let mut bodies = Vec::new();
    for path in [
        "/".to_string(),
        "/experts".to_string(),
        "/experts?domaine=finance".to_string(),
        format!("/experts/{published}"),
        format!("/experts/{draft}"),
        "/api/directory_search?query[page]=1".to_string(),
        format!("/api/directory_card?id={published}"),
        format!("/api/directory_card?id={draft}"),
        "/api/directory_filters".to_string(),
        "/api/platform_stats".to_string(),
    ] {
        let res = app.get(&path).await;
        bodies.push((path, res.status().as_u16(), res.text().await.unwrap()));
    }
    for (path, _, body) in &bodies {
        for secret in PRIVATE {
            assert!(!body.contains(secret), "{path} leaks {secret}");
        }
        assert!(
            !body.contains("Brunehilde"),
            "{path} shows an unpublished profile"
        );
    }
    let page = &bodies[1].2;
    assert!(
        page.contains("Anouk") && page.contains("Senior"),
        "card missing from the SSR page"
    );
    assert_eq!(bodies[4].1, 404, "unpublished card page");
    assert_eq!(bodies[7].1, 404, "unpublished card through the API");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_and_pages() {
    let app = TestApp::spawn().await;
    expert(&app, "Alma", "2A", 1, "published", "juridique", "es").await;
    expert(&app, "Basile", "974", 20, "published", "informatique", "en").await;
    expert(&app, "Céleste", "69", 9, "published", "informatique", "de").await;
    for i in 0..25 {
        expert(&app, &format!("Dom{i}"), "33", 5, "published", "rh", "it").await;
    }
    let names = |p: &DirectoryPage| {
        p.cards
            .iter()
            .map(|c| c.first_name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&search(&app, "query[page]=1&query[departement]=2A").await),
        ["Alma"]
    );
    let it = search(&app, "query[page]=1&query[domain]=informatique").await;
    assert_eq!(it.total, 2);
    assert_eq!(
        names(
            &search(
                &app,
                "query[page]=1&query[domain]=informatique&query[level]=expert"
            )
            .await
        ),
        ["Basile"]
    );
    assert_eq!(
        names(&search(&app, "query[page]=1&query[language]=de").await),
        ["Céleste"]
    );
    let all = search(&app, "query[page]=1").await;
    assert_eq!((all.total, all.cards.len(), all.pages), (28, 24, 2));
    let second = search(&app, "query[page]=2").await;
    assert_eq!(second.cards.len(), 4);
    // The same filters through the server-rendered page (no JavaScript needed).
    let html = app
        .get("/experts?niveau=junior")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Alma") && !html.contains("Basile"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_data_is_marked_and_covers_every_departement() {
    let app = TestApp::spawn().await;
    assert_eq!(
        b2bizen::server::demo::seed_if_empty(&app.pool, 220)
            .await
            .unwrap(),
        220
    );
    assert_eq!(
        b2bizen::server::demo::seed_if_empty(&app.pool, 220)
            .await
            .unwrap(),
        0
    );
    let (experts, departements, demo): (i64, i64, i64) = sqlx::query_as(
        "SELECT count(*), count(DISTINCT departement_code), count(*) FILTER (WHERE is_demo)
         FROM experts WHERE status = 'published'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((experts, departements, demo), (220, 101, 220));
    let (clients, with_skills): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM clients c JOIN accounts a ON a.id = c.account_id
                 WHERE a.email LIKE '%.demo' AND c.company_name LIKE 'Démo%'),
                (SELECT count(DISTINCT expert_id) FROM expert_skills)",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((clients, with_skills), (5, 220));
    // Demo clients cannot sign in.
    let res = app
        .call(
            "auth_sign_in",
            &[
                ("email", "contact@demo-industries-du-rhone.demo"),
                ("password", "!"),
            ],
        )
        .await;
    assert_eq!(res.status(), 401);
    let page = search(&app, "query[page]=1").await;
    assert!(page.cards.iter().all(|c| c.demo && !c.domains.is_empty()));
    assert!(app
        .get("/experts")
        .await
        .text()
        .await
        .unwrap()
        .contains("Démo"));
}

/// The visibility rule includes eligibility: an expert whose URSSAF attestation has
/// expired (or carries a date to come) leaves the directory, the card page and the
/// public figures, and comes back with a valid one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn experts_without_a_valid_attestation_leave_the_directory_and_the_figures() {
    let app = TestApp::spawn().await;
    let valid = expert(&app, "Valentin", "69", 10, "published", "finance", "en").await;
    let expired = expert(&app, "Eugénie", "69", 10, "published", "finance", "en").await;
    let future = expert(&app, "Fabrice", "69", 10, "published", "finance", "en").await;
    let last_valid_day = expert(&app, "Lucie", "69", 10, "published", "finance", "en").await;
    let set = |id: Uuid, issued: &'static str| {
        let pool = app.pool.clone();
        async move {
            sqlx::query(&format!(
                "UPDATE experts SET attestation_issued_on = {issued} WHERE id = $1"
            ))
            .bind(id)
            .execute(&pool)
            .await
            .unwrap();
        }
    };
    set(
        expired,
        "(now() AT TIME ZONE 'Europe/Paris')::date - interval '6 months'",
    )
    .await;
    set(future, "(now() AT TIME ZONE 'Europe/Paris')::date + 1").await;
    set(
        last_valid_day,
        "(now() AT TIME ZONE 'Europe/Paris')::date - interval '6 months' + interval '1 day'",
    )
    .await;
    let page = search(&app, "query[page]=1").await;
    let mut names: Vec<_> = page.cards.iter().map(|c| c.first_name.clone()).collect();
    names.sort();
    assert_eq!(names, ["Lucie", "Valentin"]);
    assert_eq!(page.total, 2);
    let stats: serde_json::Value = app.get("/api/platform_stats").await.json().await.unwrap();
    assert_eq!(stats["published_experts"], 2);
    assert_eq!(app.get(&format!("/experts/{valid}")).await.status(), 200);
    assert_eq!(app.get(&format!("/experts/{expired}")).await.status(), 404);
    assert_eq!(app.get(&format!("/experts/{future}")).await.status(), 404);
    set(expired, "current_date - 10").await;
    assert_eq!(search(&app, "query[page]=1").await.total, 3);
}

/// The page's language decides the texts of the cards and the labels of the domains
/// (stored in both languages), on the page as in the API.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_directory_speaks_the_visitors_language() {
    let app = TestApp::spawn().await;
    let id = expert(&app, "Anouk", "69", 10, "published", "finance", "en").await;
    let client = reqwest::Client::new();
    let get = |path: String, lang: &'static str| {
        let req = client
            .get(format!("{}{path}", app.base_url))
            .header("cookie", format!("lang={lang}"));
        async move {
            let res = req.send().await.unwrap();
            assert_eq!(res.status(), 200, "{path}");
            res.text().await.unwrap()
        }
    };
    let english = get(format!("/experts/{id}"), "en").await;
    for text in [
        "Finance and controlling",
        "English · C1 (advanced)",
        "Senior",
        "Education",
    ] {
        assert!(
            english.contains(text),
            "{text} missing from the English card"
        );
    }
    assert!(!english.contains("Finance, gestion et contrôle"));
    let french = get(format!("/experts/{id}"), "fr").await;
    for text in [
        "Finance, gestion et contrôle",
        "Anglais · C1 (autonome)",
        "Formation",
    ] {
        assert!(french.contains(text), "{text} missing from the French card");
    }
    let api = get("/api/directory_search?query[page]=1".into(), "en").await;
    let page: DirectoryPage = serde_json::from_str(&api).unwrap();
    assert_eq!(page.cards[0].domains, ["Finance and controlling"]);
    let filters = get("/experts".into(), "en").await;
    assert!(filters.contains("Directory of experts"));
}

/// Visibility follows the server's clock, like matching does: once the attestation is
/// past its six months by that clock, the card leaves the directory, its page, its photo
/// and the figures, and comes back when the clock does.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn visibility_follows_the_servers_clock() {
    let app = TestApp::spawn().await;
    let id = expert(&app, "Horloge", "69", 8, "published", "finance", "en").await;
    let shown = |app: &TestApp| {
        let (card, list, stats) = (
            format!("/api/directory_card?id={id}"),
            "/api/directory_search?query[page]=1".to_string(),
            "/api/platform_stats".to_string(),
        );
        let base = app.base_url.clone();
        async move {
            let get = |path: String| {
                let url = format!("{base}{path}");
                async move { reqwest::get(url).await.unwrap() }
            };
            let card = get(card).await.status().as_u16();
            let page: DirectoryPage = get(list).await.json().await.unwrap();
            let stats: serde_json::Value = get(stats).await.json().await.unwrap();
            (
                card,
                page.total,
                stats["published_experts"].as_i64().unwrap(),
            )
        }
    };
    assert_eq!(shown(&app).await, (200, 1, 1));
    let now = app.state.clock.now();
    app.state.clock.set(now + chrono::Duration::days(200));
    assert_eq!(shown(&app).await, (404, 0, 0));
    app.state.clock.set(now);
    assert_eq!(shown(&app).await, (200, 1, 1));
}
