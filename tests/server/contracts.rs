//! The intermediation contract over HTTP: drawn when the client accepts the quote, opened
//! (recorded), consented to, signed with the e-mailed code by both; a wrong code refused
//! and the fifth locking it; the final document's SHA-256 in the evidence; verification
//! accepting it and refusing it with one byte changed; the evidence chain detecting a
//! tampered record; the mission contract declared with its copy; strangers refused.

use crate::common::{client_path, error_of, pdftotext, words, TestApp};
use crate::live::{fire, proposed_pair};
use b2bizen::domain::problem::Problem;
use b2bizen::error::AppError;
use serde_json::Value;

pub(crate) async fn send_quote(app: &TestApp, anne: &reqwest::Client, project: &str, expert: &str) {
    let today = app.state.clock.today();
    let start = (today + chrono::Duration::days(10)).to_string();
    let until = (today + chrono::Duration::days(30)).to_string();
    let form = [
        ("project", project),
        ("expert", expert),
        ("form[start_date]", start.as_str()),
        ("form[duration_days]", "20"),
        ("form[terms_basis]", "after_service"),
        ("form[terms_days]", "30"),
        ("form[valid_until]", until.as_str()),
        ("form[lines][0][description]", "Audit de trésorerie"),
        ("form[lines][0][quantity]", "10"),
        ("form[lines][0][unit]", "day"),
        ("form[lines][0][unit_price]", "700"),
        ("form[lines][0][vat]", "20"),
    ];
    assert_eq!(app.call_as(anne, "quote_send", &form).await.status(), 200);
}

pub(crate) async fn accept(
    app: &TestApp,
    client: &reqwest::Client,
    project: &str,
    expert: &str,
    address: &str,
) -> reqwest::Response {
    let form = [
        ("project", project),
        ("expert", expert),
        ("version", "1"),
        ("answer", "accept"),
        ("details[legal_form]", "SAS"),
        ("details[address]", address),
        ("details[signatory]", "Claire Cliente"),
        ("details[signatory_role]", "Présidente"),
    ];
    app.call_as(client, "quote_answer", &form).await
}

pub(crate) fn contract_id(contract: &Value) -> String {
    contract["pdf"]
        .as_str()
        .unwrap()
        .trim_start_matches("/contrats/")
        .to_string()
}

/// The code in the latest signature mail to `to`.
pub(crate) async fn code_for(app: &TestApp, to: &str) -> String {
    let (subject, body) = app.last_mail_to(to).await;
    assert!(subject.contains("code"), "{subject}");
    let at = body.find(" : ").or_else(|| body.find(": ")).unwrap();
    body[at..]
        .chars()
        .filter(char::is_ascii_digit)
        .take(6)
        .collect()
}

pub(crate) async fn download(
    client: &reqwest::Client,
    app: &TestApp,
    url: &str,
) -> reqwest::Response {
    client
        .get(format!("{}{url}", app.base_url))
        .send()
        .await
        .unwrap()
}

pub(crate) async fn request_code(
    app: &TestApp,
    who: &reqwest::Client,
    id: &str,
) -> reqwest::Response {
    app.call_as(
        who,
        "contract_request_code",
        &[("contract", id), ("consent", "yes")],
    )
    .await
}

pub(crate) async fn sign(
    app: &TestApp,
    who: &reqwest::Client,
    id: &str,
    code: &str,
) -> reqwest::Response {
    app.call_as(who, "contract_sign", &[("contract", id), ("code", code)])
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_sign_with_their_codes_and_the_signed_document_is_verifiable() {
    let app = TestApp::spawn().await;
    let (admin, client, anne, bruno, project, a, _b) = proposed_pair(&app).await;
    fire(&app, &client, &project, &a, "shortlist", "").await;
    fire(&app, &client, &project, &a, "select", "").await;
    send_quote(&app, &anne, &project, &a).await;
    // Accepting names the company's signatory: without an address, nothing is accepted.
    let res = accept(&app, &client, &project, &a, " ").await;
    assert_eq!(
        error_of(res).await,
        (
            422,
            AppError::Validation(Problem::ContractAddress { max: 300 })
        )
    );
    assert_eq!(
        accept(&app, &client, &project, &a, "1 rue de la Paix, 75002 Paris")
            .await
            .status(),
        200
    );
    let path = client_path(&app, &client, &project, &a).await;
    let contract = &path["contract"];
    assert_eq!(contract["state"], "awaiting_signatures");
    assert_eq!(path["quote"]["versions"][0]["state"], "accepted");
    let id = contract_id(contract);

    // The document to sign: the three parties, the totals, the commission rule.
    let pdf = download(&client, &app, contract["pdf"].as_str().unwrap()).await;
    assert_eq!(pdf.status(), 200);
    let document = pdf.bytes().await.unwrap();
    assert_eq!(
        b2bizen::server::contract::verify::fingerprint(&document),
        contract["sha256"].as_str().unwrap()
    );
    let text = pdftotext(&document);
    for expected in [
        "B2BiZen",
        "Acme",
        "Claire Cliente",
        "Présidente",
        "Aubry",
        "7\u{202f}000,00\u{a0}€",
        "8\u{202f}400,00\u{a0}€",
        "3 %",
        "49,00 € HT",
        "3,92 € HT",
    ] {
        assert!(
            text.contains(&words(expected)),
            "{expected:?} not in:\n{text}"
        );
    }

    // Strangers get nothing: another client, another expert, nobody.
    let other = app.client_company("achats@globex.fr", "Globex").await;
    let url = contract["pdf"].as_str().unwrap();
    assert_eq!(download(&other, &app, url).await.status(), 404);
    assert_eq!(download(&bruno, &app, url).await.status(), 404);
    assert_eq!(app.get(url).await.status(), 401);
    assert_eq!(request_code(&app, &other, &id).await.status(), 404);
    assert_eq!(sign(&app, &bruno, &id, "123456").await.status(), 404);
    // The team reads it, and signs for nobody.
    assert_eq!(download(&admin, &app, url).await.status(), 200);
    assert_eq!(request_code(&app, &admin, &id).await.status(), 403);

    // Anne: a code before opening is refused; opened, consent, code.
    let unopened = request_code(&app, &anne, &id).await;
    assert_eq!(
        error_of(unopened).await,
        (422, AppError::Validation(Problem::ContractNotOpened))
    );
    assert_eq!(download(&anne, &app, url).await.status(), 200);
    let no_consent = app
        .call_as(&anne, "contract_request_code", &[("contract", id.as_str())])
        .await;
    assert_eq!(
        error_of(no_consent).await,
        (422, AppError::Validation(Problem::SignatureConsentRequired))
    );
    assert_eq!(request_code(&app, &anne, &id).await.status(), 200);
    let code = code_for(&app, "anne@exemple.fr").await;
    // Only a salted hash is stored, never the code.
    let stored: Vec<u8> = sqlx::query_scalar("SELECT code_hash FROM signature_challenges")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_ne!(stored, code.as_bytes());
    // Four wrong codes are refused with what is left; the fifth locks the code.
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for left in [4, 3, 2, 1] {
        assert_eq!(
            error_of(sign(&app, &anne, &id, wrong).await).await,
            (
                422,
                AppError::Validation(Problem::SignatureCodeWrong { left })
            )
        );
    }
    assert_eq!(
        error_of(sign(&app, &anne, &id, wrong).await).await,
        (422, AppError::Validation(Problem::SignatureCodeLocked))
    );
    assert_eq!(
        error_of(sign(&app, &anne, &id, &code).await).await,
        (422, AppError::Validation(Problem::SignatureCodeLocked))
    );
    // A new code works.
    assert_eq!(request_code(&app, &anne, &id).await.status(), 200);
    let code = code_for(&app, "anne@exemple.fr").await;
    let res = sign(&app, &anne, &id, &code).await;
    assert_eq!(res.json::<String>().await.unwrap(), "awaiting_signatures");

    // The client signs: the final document, mailed to both with the evidence page.
    assert_eq!(download(&client, &app, url).await.status(), 200);
    assert_eq!(request_code(&app, &client, &id).await.status(), 200);
    let code = code_for(&app, "achats@acme.fr").await;
    let res = sign(&app, &client, &id, &code).await;
    assert_eq!(res.json::<String>().await.unwrap(), "signed");
    let path = client_path(&app, &client, &project, &a).await;
    assert_eq!(path["contract"]["state"], "signed");
    assert_eq!(path["contract"]["signatures"].as_array().unwrap().len(), 2);
    let signed = download(&client, &app, url).await.bytes().await.unwrap();
    let text = pdftotext(&signed);
    for expected in [
        "Preuve des signatures",
        contract["sha256"].as_str().unwrap(),
        "Claire Cliente",
        "anne@exemple.fr",
        "127.0.0.1",
    ] {
        assert!(
            text.contains(&words(expected)),
            "{expected:?} not in:\n{text}"
        );
    }
    let (subject, _) = app.last_mail_to("anne@exemple.fr").await;
    assert!(subject.starts_with("Contrat signé"), "{subject}");
    let attached: Option<Vec<u8>> = sqlx::query_scalar(
        "SELECT attachment FROM outbox WHERE recipient = 'achats@acme.fr' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(attached.as_deref(), Some(&signed[..]));

    // Verification: the signed document names both signers; one byte changed, nobody.
    let fingerprint = b2bizen::server::contract::verify::fingerprint(&signed);
    let found: Value = app
        .get_json(
            &other,
            &format!("/api/contract_verify?sha256={fingerprint}"),
        )
        .await;
    assert_eq!(found["found"], "signed");
    assert_eq!(found["signatures"].as_array().unwrap().len(), 2);
    let mut altered = signed.to_vec();
    let middle = altered.len() / 2;
    altered[middle] ^= 1;
    let altered_hash = b2bizen::server::contract::verify::fingerprint(&altered);
    let found: Value = app
        .get_json(
            &other,
            &format!("/api/contract_verify?sha256={altered_hash}"),
        )
        .await;
    assert_eq!(found["found"], "unknown");

    // The evidence chain holds; a record changed behind its back is found.
    assert_eq!(
        b2bizen::server::contract::evidence::verify_chain(&app.pool)
            .await
            .unwrap(),
        None
    );
    let update = sqlx::query("UPDATE signature_evidence SET record = '{}' WHERE kind = 'signed'")
        .execute(&app.pool)
        .await;
    assert!(update.is_err(), "the evidence is append-only");
    sqlx::query("ALTER TABLE signature_evidence DISABLE TRIGGER signature_evidence_append_only")
        .execute(&app.pool)
        .await
        .unwrap();
    let first: i64 =
        sqlx::query_scalar("SELECT min(id) FROM signature_evidence WHERE kind = 'signed'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    sqlx::query("UPDATE signature_evidence SET record = replace(record, '127.0.0.1', '10.0.0.1') WHERE id = $1")
        .bind(first)
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        b2bizen::server::contract::evidence::verify_chain(&app.pool)
            .await
            .unwrap(),
        Some(first)
    );

    // The mission contract declared by the client, with its signed copy.
    let part = reqwest::multipart::Part::bytes(b"%PDF-1.4\n% copie\n%%EOF\n".to_vec())
        .file_name("mission.pdf")
        .mime_str("application/pdf")
        .unwrap();
    let today = app.state.clock.today().to_string();
    let form = reqwest::multipart::Form::new()
        .text("signed_on", today)
        .part("file", part);
    let res = client
        .post(format!("{}/contrats/{id}/copie", app.base_url))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    let path = client_path(&app, &client, &project, &a).await;
    assert_eq!(path["contract"]["mission"]["mission"], "signed");
    let copy = path["contract"]["mission"]["copy"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(download(&anne, &app, &copy).await.status(), 200);
    assert_eq!(download(&other, &app, &copy).await.status(), 404);
    let events: Vec<String> = path["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["what"]["contract"]["change"].as_str().map(String::from))
        .collect();
    assert_eq!(
        events,
        [
            "drawn",
            "signed_by",
            "signed_by",
            "signed",
            "mission_signed"
        ]
    );
    // The team reads the quote and the contract on its project page.
    let team: Value = app
        .get_json(&admin, &format!("/api/admin_candidates?id={project}"))
        .await;
    let chosen = team["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["expert_id"] == a)
        .unwrap();
    assert_eq!(chosen["contract"]["state"], "signed");
    assert_eq!(chosen["quote"]["versions"][0]["state"], "accepted");
    // Once only.
    let again = app
        .call_as(
            &anne,
            "contract_no_mission",
            &[("contract", id.as_str()), ("reason", "other")],
        )
        .await;
    assert_eq!(
        error_of(again).await,
        (422, AppError::Validation(Problem::MissionNotExpected))
    );
}
