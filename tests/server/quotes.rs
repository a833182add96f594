//! The quote over HTTP, as the page's forms post it: the selected expert sends version 1,
//! the client asks for a revision, version 2 supersedes it (version 1 still readable),
//! the client accepts and the accepted version is frozen, down to the database. Each
//! move is in both timelines and told to the other side by mail; strangers get nothing.

use crate::common::{client_path, error_of, pdftotext, words, TestApp};
use crate::live::{fire, proposed_pair};
use b2bizen::domain::problem::Problem;
use b2bizen::domain::quote::TermsBasis;
use b2bizen::error::AppError;
use chrono::Duration;
use serde_json::Value;

/// The quote form as the page names its fields; `lines`: (description, quantity, price, vat).
fn quote_form(
    app: &TestApp,
    project: &str,
    expert: &str,
    lines: &[(&str, &str, &str, &str)],
    terms_days: &str,
) -> Vec<(String, String)> {
    let today = app.state.clock.today();
    let mut form = vec![
        ("project".to_string(), project.to_string()),
        ("expert".to_string(), expert.to_string()),
        (
            "form[start_date]".to_string(),
            (today + Duration::days(14)).to_string(),
        ),
        ("form[duration_days]".to_string(), "20".to_string()),
        ("form[terms_basis]".to_string(), "after_service".to_string()),
        ("form[terms_days]".to_string(), terms_days.to_string()),
        (
            "form[valid_until]".to_string(),
            (today + Duration::days(30)).to_string(),
        ),
    ];
    for (i, (description, quantity, price, vat)) in lines.iter().enumerate() {
        for (field, value) in [
            ("description", *description),
            ("quantity", *quantity),
            ("unit", "day"),
            ("unit_price", *price),
            ("vat", *vat),
        ] {
            form.push((format!("form[lines][{i}][{field}]"), value.to_string()));
        }
    }
    form
}

async fn send(
    app: &TestApp,
    who: &reqwest::Client,
    form: &[(String, String)],
) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.call_as(who, "quote_send", &form).await
}

async fn answer(
    app: &TestApp,
    who: &reqwest::Client,
    (project, expert): (&str, &str),
    version: &str,
    answer: &str,
    comment: &str,
) -> reqwest::Response {
    // Accepting names the client's signatory for the contract (ignored for a revision).
    let form = [
        ("project", project),
        ("expert", expert),
        ("version", version),
        ("answer", answer),
        ("comment", comment),
        ("details[legal_form]", "SAS"),
        ("details[address]", "1 rue de la Paix, 75002 Paris"),
        ("details[signatory]", "Claire Cliente"),
        ("details[signatory_role]", "Présidente"),
    ];
    app.call_as(who, "quote_answer", &form).await
}

/// The expert's own path on `project`.
async fn expert_path(app: &TestApp, expert: &reqwest::Client, project: &str) -> Value {
    let paths: Value = app.get_json(expert, "/api/selection_mine").await;
    paths
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["project"]["id"] == project)
        .cloned()
        .expect("the expert's path")
}

fn quote_events(timeline: &Value) -> Vec<String> {
    timeline
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["what"]["quote"]["change"].as_str().map(String::from))
        .collect()
}

const LINES: [(&str, &str, &str, &str); 2] = [
    ("Audit de l'existant", "3", "650", "20"),
    ("Restitution <b>écrite</b>", "1", "400", "20"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quote_is_revised_then_accepted_and_the_accepted_version_is_frozen() {
    let app = TestApp::spawn().await;
    let (_admin, client, anne, _bruno, project, a, _b) = proposed_pair(&app).await;
    // Before the client's choice there is no quote to send.
    let early = send(&app, &anne, &quote_form(&app, &project, &a, &LINES, "30")).await;
    assert_eq!(
        error_of(early).await,
        (422, AppError::Validation(Problem::QuoteNotExpected))
    );
    fire(&app, &client, &project, &a, "shortlist", "").await;
    fire(&app, &client, &project, &a, "select", "").await;
    assert!(
        client_path(&app, &client, &project, &a).await["quote"].clone()["versions"]
            .as_array()
            .unwrap()
            .is_empty(),
        "chosen: the quote is expected, none sent yet"
    );

    let res = send(&app, &anne, &quote_form(&app, &project, &a, &LINES, "30")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<i32>().await.unwrap(), 1);
    let quote = client_path(&app, &client, &project, &a).await["quote"].clone();
    let v1 = &quote["versions"][0];
    assert_eq!(v1["state"], "sent");
    // 3 × 650 + 400 = 2 350 € HT; 20 %: 470 €; 2 820 € TTC.
    assert_eq!(v1["totals"]["ht"], "2350.00");
    assert_eq!(v1["totals"]["vat"], "470.00");
    assert_eq!(v1["totals"]["ttc"], "2820.00");
    assert_eq!(
        v1["draft"]["lines"][1]["description"],
        "Restitution <b>écrite</b>"
    );
    assert!(v1["reference"].as_str().unwrap().ends_with("-v1"));
    let (subject, body) = app.last_mail_to("achats@acme.fr").await;
    assert!(subject.starts_with("Devis reçu"), "{subject}");
    assert!(body.contains("2\u{202f}820,00\u{a0}€"), "{body}");

    // The client asks for a revision, with what should change.
    let path = (project.as_str(), a.as_str());
    let blank = answer(&app, &client, path, "1", "revise", "  ").await;
    assert_eq!(
        error_of(blank).await,
        (422, AppError::Validation(Problem::RevisionCommentRequired))
    );
    let res = answer(
        &app,
        &client,
        path,
        "1",
        "revise",
        "Deux jours d'audit suffiront",
    )
    .await;
    assert_eq!(res.status(), 200);
    let mine = expert_path(&app, &anne, &project).await;
    assert_eq!(mine["quote"]["versions"][0]["state"], "revision_requested");
    assert_eq!(
        mine["quote"]["versions"][0]["revision_comment"],
        "Deux jours d'audit suffiront"
    );
    // The expert's next step is theirs: the revision.
    assert_eq!(mine["next"][0], "expert");
    let (subject, _) = app.last_mail_to("anne@exemple.fr").await;
    assert!(subject.starts_with("Révision demandée"), "{subject}");

    // Version 2: version 1 stays, superseded.
    let lines = [("Audit de l'existant", "2", "650", "20"), LINES[1]];
    let res = send(&app, &anne, &quote_form(&app, &project, &a, &lines, "45")).await;
    assert_eq!(res.json::<i32>().await.unwrap(), 2);
    let quote = client_path(&app, &client, &project, &a).await["quote"].clone();
    let versions = quote["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["version"], 2);
    assert_eq!(versions[0]["totals"]["ttc"], "2040.00");
    assert_eq!(versions[1]["state"], "superseded");
    assert_eq!(versions[1]["totals"]["ttc"], "2820.00");

    // An answer to the version the client read before is refused; the latest is accepted.
    let stale = answer(&app, &client, path, "1", "accept", "").await;
    assert_eq!(
        error_of(stale).await,
        (422, AppError::Validation(Problem::QuoteVersionStale))
    );
    assert_eq!(
        answer(&app, &client, path, "2", "accept", "")
            .await
            .status(),
        200
    );
    let again = send(&app, &anne, &quote_form(&app, &project, &a, &lines, "30")).await;
    assert_eq!(
        error_of(again).await,
        (422, AppError::Validation(Problem::QuoteFrozen))
    );
    // Told of the acceptance, then of the contract it draws.
    let subjects: Vec<String> = sqlx::query_scalar(
        "SELECT subject FROM outbox WHERE recipient = 'anne@exemple.fr' ORDER BY id DESC LIMIT 2",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert!(subjects[1].starts_with("Devis accepté"), "{subjects:?}");
    assert!(subjects[0].starts_with("Contrat à signer"), "{subjects:?}");

    // Frozen down to the database: neither the accepted version nor its lines change.
    let update = sqlx::query(
        "UPDATE quote_versions SET total_ht = 1, total_ttc = 1 + total_vat WHERE version = 2",
    )
    .execute(&app.pool)
    .await;
    assert!(update.is_err(), "an accepted version does not change");
    let update = sqlx::query("UPDATE quote_lines SET unit_price = 1 WHERE version = 1")
        .execute(&app.pool)
        .await;
    assert!(update.is_err(), "a sent version's lines do not change");

    // Both timelines tell the quote's story, in order.
    let story = ["sent", "revision_requested", "sent", "accepted"];
    let mine = expert_path(&app, &anne, &project).await;
    assert_eq!(quote_events(&mine["timeline"]), story);
    let view: Value = app
        .call_as(&client, "project_client_view", &[("id", project.as_str())])
        .await
        .json()
        .await
        .unwrap();
    let theirs = view["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["expert"] == a)
        .unwrap();
    assert_eq!(quote_events(&theirs["timeline"]), story);

    // The accepted version as a PDF, for the parties only.
    let url = theirs["quote"]["versions"][0]["pdf"]
        .as_str()
        .unwrap()
        .to_string();
    let res = client
        .get(format!("{}{url}", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let text = pdftotext(&res.bytes().await.unwrap());
    let reference = theirs["quote"]["versions"][0]["reference"]
        .as_str()
        .unwrap();
    for expected in [
        reference,
        "Acme",
        "Audit de l'existant",
        "2\u{202f}040,00\u{a0}€",
        "Accepté",
    ] {
        assert!(
            text.contains(&words(expected)),
            "{expected:?} not in:\n{text}"
        );
    }
    let mine = anne
        .get(format!("{}{url}", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(mine.status(), 200);
    let other = app.provider("carole@exemple.fr").await;
    let refused = other
        .get(format!("{}{url}", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 404);
    let anonymous = app.get(&url).await;
    assert_eq!(anonymous.status(), 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_two_parties_move_a_quote_and_bad_terms_are_refused_in_words() {
    let app = TestApp::spawn().await;
    let (admin, client, anne, bruno, project, a, b) = proposed_pair(&app).await;
    fire(&app, &client, &project, &a, "shortlist", "").await;
    fire(&app, &client, &project, &a, "select", "").await;
    let form = quote_form(&app, &project, &a, &LINES, "30");

    // Another expert cannot send on Anne's path, nor on their own unchosen one.
    assert_eq!(send(&app, &bruno, &form).await.status(), 404);
    let theirs = send(&app, &bruno, &quote_form(&app, &project, &b, &LINES, "30")).await;
    assert_eq!(
        error_of(theirs).await,
        (422, AppError::Validation(Problem::QuoteNotExpected))
    );
    // The client and the team do not write the expert's quote (the access table).
    assert_eq!(send(&app, &client, &form).await.status(), 403);
    assert_eq!(send(&app, &admin, &form).await.status(), 403);

    // Beyond 60 days after the service: refused, with the ceiling and the article.
    let res = send(&app, &anne, &quote_form(&app, &project, &a, &LINES, "61")).await;
    let (status, err) = error_of(res).await;
    assert_eq!(
        (status, &err),
        (
            422,
            &AppError::Validation(Problem::PaymentTermsTooLong {
                basis: TermsBasis::AfterService,
                max_days: 60
            })
        )
    );
    let text = err.text(b2bizen::domain::lang::Lang::Fr);
    assert!(
        text.contains("60 jours") && text.contains("L441-10"),
        "{text}"
    );
    let blank = send(&app, &anne, &quote_form(&app, &project, &a, &[], "30")).await;
    assert_eq!(
        error_of(blank).await,
        (422, AppError::Validation(Problem::QuoteLinesRequired))
    );

    assert_eq!(send(&app, &anne, &form).await.status(), 200);
    // Another client, and the team, do not answer it.
    let other = app.client_company("achats@globex.fr", "Globex").await;
    let path = (project.as_str(), a.as_str());
    assert_eq!(
        answer(&app, &other, path, "1", "accept", "").await.status(),
        404
    );
    assert_eq!(
        answer(&app, &admin, path, "1", "accept", "").await.status(),
        403
    );
    assert_eq!(
        answer(&app, &anne, path, "1", "accept", "").await.status(),
        403
    );
    // Nor read it: the other client's view of the project is refused, and the other
    // expert's paths carry nothing of Anne's quote.
    let res = app
        .call_as(&other, "project_client_view", &[("id", project.as_str())])
        .await;
    assert_eq!(res.status(), 404);
    let bruno_paths = app
        .get_json(&bruno, "/api/selection_mine")
        .await
        .to_string();
    assert!(
        !bruno_paths.contains("Audit de l'existant"),
        "{bruno_paths}"
    );
    // The quote was not answered by any of them.
    let quote = client_path(&app, &client, &project, &a).await["quote"].clone();
    assert_eq!(quote["versions"][0]["state"], "sent");
}
