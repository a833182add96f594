//! Billing over HTTP: the advance invoice issued when both sign the intermediation
//! contract, its Factur-X PDF with every mandatory mention and a schema-valid XML; a
//! camt.053 statement marking it paid and keeping the rest for review; the credit note
//! when no mission contract follows (declared, or after the period); gapless numbers
//! under concurrency; the expert's mission invoice, due 30 days after the service, with
//! the late-payment penalty once the clock passes it; strangers refused.

use crate::common::facturx::facturx_check;
use crate::common::{error_of, pdftotext, words, TestApp};
use crate::contracts::{accept, code_for, contract_id, download, request_code, send_quote, sign};
use crate::live::{fire, proposed_pair};
use b2bizen::domain::problem::Problem;
use b2bizen::error::AppError;
use serde_json::Value;

/// A path whose intermediation contract both signed.
pub(crate) struct Signed {
    pub admin: reqwest::Client,
    pub client: reqwest::Client,
    pub anne: reqwest::Client,
    pub bruno: reqwest::Client,
    pub project: String,
    pub expert: String,
    pub contract: String,
}

pub(crate) async fn signed(app: &TestApp) -> Signed {
    let (admin, client, anne, bruno, project, a, _b) = proposed_pair(app).await;
    fire(app, &client, &project, &a, "shortlist", "").await;
    fire(app, &client, &project, &a, "select", "").await;
    send_quote(app, &anne, &project, &a).await;
    let res = accept(app, &client, &project, &a, "1 rue de la Paix, 75002 Paris").await;
    assert_eq!(res.status(), 200);
    let path = crate::common::client_path(app, &client, &project, &a).await;
    let contract = contract_id(&path["contract"]);
    let url = format!("/contrats/{contract}");
    for (who, email) in [(&anne, "anne@exemple.fr"), (&client, "achats@acme.fr")] {
        assert_eq!(download(who, app, &url).await.status(), 200);
        assert_eq!(request_code(app, who, &contract).await.status(), 200);
        let code = code_for(app, email).await;
        assert_eq!(sign(app, who, &contract, &code).await.status(), 200);
    }
    Signed {
        admin,
        client,
        anne,
        bruno,
        project,
        expert: a,
        contract,
    }
}

async fn billing_of(app: &TestApp, who: &reqwest::Client) -> Value {
    app.get_json(who, "/api/billing_expert").await
}

fn invoice<'a>(billing: &'a Value, kind: &str) -> &'a Value {
    billing["invoices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} invoice in {billing}"))
}

fn camt(reference: &str, amount: &str, day: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT-1</MsgId><CreDtTm>{day}T18:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>1</Id>
      <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></Acct>
      <Ntry>
        <NtryRef>E1</NtryRef>
        <Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>{day}</Dt></BookgDt><ValDt><Dt>{day}</Dt></ValDt>
        <NtryDtls><TxDtls>
          <RltdPties><Dbtr><Pty><Nm>Anne Aubry EI</Nm></Pty></Dbtr></RltdPties>
          <RmtInf><Strd><CdtrRefInf><Ref>{reference}</Ref></CdtrRefInf></Strd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <NtryRef>E2</NtryRef>
        <Amt Ccy="EUR">99.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>{day}</Dt></BookgDt>
        <NtryDtls><TxDtls><RmtInf><Ustrd>VIREMENT DIVERS</Ustrd></RmtInf></TxDtls></NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>"#
    )
}

async fn import(app: &TestApp, admin: &reqwest::Client, xml: &str) -> reqwest::Response {
    let part = reqwest::multipart::Part::bytes(xml.as_bytes().to_vec())
        .file_name("releve.xml")
        .mime_str("application/xml")
        .unwrap();
    admin
        .post(format!("{}/admin/facturation/releves", app.base_url))
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_signed_contract_is_invoiced_in_advance_and_a_statement_marks_it_paid() {
    let app = TestApp::spawn().await;
    let s = signed(&app).await;
    // 10 days at 700 € HT: 3 % of 7 000 € = 210,00 € HT, 42,00 € VAT, 252,00 € TTC.
    let billing = billing_of(&app, &s.anne).await;
    let advance = invoice(&billing, "advance");
    let year = app.state.clock.today().format("%Y").to_string();
    assert_eq!(advance["number"], format!("FA-{year}-000001"));
    assert_eq!(advance["total_ht"], "210.00");
    assert_eq!(advance["total_ttc"], "252.00");
    assert_eq!(advance["state"], "unpaid");
    let pdf_url = advance["pdf"].as_str().unwrap().to_string();

    // The document: every mention the law asks, and the XML valid against the schema.
    let res = download(&s.anne, &app, &pdf_url).await;
    assert_eq!(res.status(), 200);
    let pdf = res.bytes().await.unwrap().to_vec();
    let text = pdftotext(&pdf);
    let reference = advance["payment_reference"].as_str().unwrap();
    for expected in [
        format!("FA-{year}-000001"),
        "Facture d'acompte".to_string(),
        "B2BiZen, SAS, SIREN".to_string(),
        "Aubry".to_string(),
        "Nature de l'opération : prestation de services".to_string(),
        "Date de la prestation".to_string(),
        "Date d'échéance".to_string(),
        "210,00\u{a0}€".to_string(),
        "TVA 20\u{a0}%".to_string(),
        "42,00\u{a0}€".to_string(),
        "252,00\u{a0}€".to_string(),
        "12,15\u{a0}%".to_string(),
        "indemnité forfaitaire pour frais de recouvrement de 40 €".to_string(),
        "IBAN".to_string(),
        reference.to_string(),
        "TVA intracommunautaire".to_string(),
        "Code QR de virement SEPA".to_string(),
    ] {
        assert!(
            text.contains(&words(&expected)),
            "{expected:?} not in:\n{text}"
        );
    }
    facturx_check(&pdf).expect("a Factur-X EN 16931 invoice");
    // Drawn once: the same bytes every time, mailed to the expert with the file.
    let again = download(&s.admin, &app, &pdf_url)
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(again.to_vec(), pdf);
    let attached: Option<String> = sqlx::query_scalar(
        "SELECT attachment_name FROM outbox WHERE recipient = 'anne@exemple.fr' AND attachment_name LIKE 'FA-%'",
    )
    .fetch_optional(&app.pool)
    .await
    .unwrap();
    assert_eq!(attached, Some(format!("FA-{year}-000001.pdf")));
    // Nobody else reads it: the client, another expert, a visitor.
    assert_eq!(download(&s.client, &app, &pdf_url).await.status(), 404);
    assert_eq!(download(&s.bruno, &app, &pdf_url).await.status(), 404);
    assert_eq!(app.get(&pdf_url).await.status(), 401);
    // An issued invoice never changes.
    let changed = sqlx::query("UPDATE platform_invoices SET total_ht = 1")
        .execute(&app.pool)
        .await;
    assert!(changed.is_err());

    // The bank statement: the transfer with the reference and the amount pays it, the
    // other line waits for review, and the same file twice is refused.
    let today = app.state.clock.today().to_string();
    let xml = camt(reference, "252.00", &today);
    assert_eq!(import(&app, &s.bruno, &xml).await.status(), 404);
    let res = import(&app, &s.admin, &xml).await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()["location"],
        "/admin/facturation?importees=2&rapprochees=1"
    );
    let billing = billing_of(&app, &s.anne).await;
    assert_eq!(invoice(&billing, "advance")["state"], "paid");
    assert_eq!(invoice(&billing, "advance")["paid"], "252.00");
    let admin: Value = app.get_json(&s.admin, "/api/billing_admin").await;
    assert_eq!(admin["totals"]["paid"], "252.00");
    let unmatched = admin["unmatched"].as_array().unwrap();
    assert_eq!(unmatched.len(), 1);
    assert_eq!(unmatched[0]["why"], "unknown_reference");
    let twice = import(&app, &s.admin, &xml).await;
    assert_eq!(twice.status(), 422);
    assert!(twice.text().await.unwrap().contains(&crate::common::text(
        "fr",
        "problems",
        "statement_already_imported"
    )));
    // Not a statement: a clear refusal, nothing imported.
    let res = import(&app, &s.admin, "<html>").await;
    assert_eq!(res.status(), 422);

    // The accounting export lists it, for admins only.
    let csv = download(&s.admin, &app, "/admin/facturation/export.csv").await;
    assert_eq!(csv.status(), 200);
    let csv = csv.text().await.unwrap();
    assert!(csv.contains(&format!("FA-{year}-000001;advance;")), "{csv}");
    assert_eq!(
        download(&s.anne, &app, "/admin/facturation/export.csv")
            .await
            .status(),
        404
    );
    // The expert's log shows the advance and the payment; the client's does not.
    let path = crate::common::client_path(&app, &s.client, &s.project, &s.expert).await;
    assert!(!path["timeline"].to_string().contains("advance_issued"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_mission_contract_the_advance_is_credited_less_the_management_fee() {
    let app = TestApp::spawn().await;
    let s = signed(&app).await;
    let res = app
        .call_as(
            &s.client,
            "contract_no_mission",
            &[
                ("contract", s.contract.as_str()),
                ("reason", "terms_not_agreed"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let billing = billing_of(&app, &s.anne).await;
    let advance = invoice(&billing, "advance");
    let credit = invoice(&billing, "credit_note");
    // 210,00 − 3,92 = 206,08 € HT; VAT 41,22 €; 247,30 € TTC. Nothing was paid: nothing
    // to refund, and what stays due on the advance is the fee with its VAT (4,70 €).
    assert_eq!(credit["total_ht"], "206.08");
    assert_eq!(credit["total_vat"], "41.22");
    assert_eq!(credit["total_ttc"], "247.30");
    assert_eq!(credit["preceding"], advance["number"]);
    assert_eq!(credit["refund"]["amount"], "0.00");
    let year = app.state.clock.today().format("%Y").to_string();
    assert_eq!(credit["number"], format!("AV-{year}-000001"));
    let pdf = download(&s.anne, &app, credit["pdf"].as_str().unwrap())
        .await
        .bytes()
        .await
        .unwrap()
        .to_vec();
    let text = pdftotext(&pdf);
    let issued =
        chrono::NaiveDate::parse_from_str(advance["issued_on"].as_str().unwrap(), "%Y-%m-%d")
            .unwrap()
            .format("%d/%m/%Y")
            .to_string();
    let mention = format!(
        "Avoir sur la facture n° {} du {issued}",
        advance["number"].as_str().unwrap()
    );
    assert!(text.contains(&words(&mention)), "{mention} not in:\n{text}");
    assert!(text.contains(&words("206,08\u{a0}€")), "{text}");
    facturx_check(&pdf).expect("a Factur-X credit note");
    // Declared twice: refused, and still one credit note.
    let again = app
        .call_as(
            &s.client,
            "contract_no_mission",
            &[("contract", s.contract.as_str()), ("reason", "other")],
        )
        .await;
    assert_eq!(
        error_of(again).await,
        (422, AppError::Validation(Problem::MissionNotExpected))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_contract_whose_mission_contract_never_comes_is_credited_after_the_period() {
    let app = TestApp::spawn().await;
    let s = signed(&app).await;
    let state = &app.state;
    // Paid in full first: the credit note then gives back what exceeds the fee.
    let billing = billing_of(&app, &s.anne).await;
    let advance = invoice(&billing, "advance").clone();
    let res = app
        .call_as(
            &s.admin,
            "billing_record_payment",
            &[
                ("invoice", advance["id"].as_str().unwrap()),
                ("amount", "252,00"),
                ("paid_on", &state.clock.today().to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let pass = b2bizen::server::billing::reminders::run_once(state)
        .await
        .unwrap();
    assert_eq!(pass.credited, 0, "not before the period");
    state.clock.set(
        state.clock.now() + chrono::Duration::days(state.config.billing.mission_wait_days + 1),
    );
    let pass = b2bizen::server::billing::reminders::run_once(state)
        .await
        .unwrap();
    assert_eq!(pass.credited, 1);
    let billing = billing_of(&app, &s.anne).await;
    let credit = invoice(&billing, "credit_note");
    assert_eq!(credit["total_ttc"], "247.30");
    // 252,00 paid, 4,70 stays due: 247,30 to pay back, recorded by an admin.
    assert_eq!(credit["refund"]["amount"], "247.30");
    assert_eq!(credit["state"], "unpaid");
    let on = state.clock.today().to_string();
    let res = app
        .call_as(
            &s.admin,
            "billing_record_refund",
            &[
                ("credit_note", credit["id"].as_str().unwrap()),
                ("refunded_on", &on),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let billing = billing_of(&app, &s.anne).await;
    assert_eq!(invoice(&billing, "credit_note")["state"], "paid");
    let twice = app
        .call_as(
            &s.admin,
            "billing_record_refund",
            &[
                ("credit_note", credit["id"].as_str().unwrap()),
                ("refunded_on", &on),
            ],
        )
        .await;
    assert_eq!(
        error_of(twice).await,
        (422, AppError::Validation(Problem::RefundNotDue))
    );
    let pass = b2bizen::server::billing::reminders::run_once(state)
        .await
        .unwrap();
    assert_eq!(pass.credited, 0, "once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_invoices_are_numbered_without_a_gap() {
    use b2bizen::domain::billing::invoice::Series;
    let app = TestApp::spawn().await;
    // 110 issuing transactions at once, every eleventh rolled back: the 100 that commit
    // hold exactly 1..100.
    let tasks: Vec<_> = (0..110)
        .map(|i| {
            let pool = app.pool.clone();
            tokio::spawn(async move {
                let mut tx = pool.begin().await.unwrap();
                let n = b2bizen::server::billing::numbering::next(&mut tx, Series::Invoice, 2031)
                    .await
                    .unwrap();
                if i % 11 == 10 {
                    tx.rollback().await.unwrap();
                    None
                } else {
                    tx.commit().await.unwrap();
                    Some(n)
                }
            })
        })
        .collect();
    let mut numbers = Vec::new();
    for t in tasks {
        if let Some(n) = t.await.unwrap() {
            numbers.push(n);
        }
    }
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=100).collect::<Vec<i64>>());
}

async fn deposit(
    app: &TestApp,
    who: &reqwest::Client,
    contract: &str,
    fields: &[(&str, &str)],
    pdf: Option<&[u8]>,
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new();
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    if let Some(bytes) = pdf {
        let part = reqwest::multipart::Part::bytes(bytes.to_vec())
            .file_name("facture.pdf")
            .mime_str("application/pdf")
            .unwrap();
        form = form.part("file", part);
    }
    who.post(format!("{}/facturation/missions/{contract}", app.base_url))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_mission_invoice_is_due_30_days_after_the_service_and_late_penalties_follow() {
    let app = TestApp::spawn().await;
    let s = signed(&app).await;
    let state = &app.state;
    let today = state.clock.today();
    let pdf = b"%PDF-1.4\n% facture\n%%EOF\n";
    let service = (today - chrono::Duration::days(2)).to_string();
    let issued = today.to_string();
    let fields = [
        ("number", "F-2026-017"),
        ("issued_on", issued.as_str()),
        ("service_on", service.as_str()),
        ("amount_ht", "7 000"),
        ("amount_ttc", "8 000"),
    ];
    // A schedule published after the contract was drawn does not apply to it.
    let cheaper = [
        ("version", "2027-01"),
        ("brackets", ";1"),
        ("minimum", "10"),
    ];
    let res = app
        .call_as(&s.admin, "commission_schedule_add", &cheaper)
        .await;
    assert_eq!(res.status(), 200);
    // Not before the mission contract is declared signed.
    let early = deposit(&app, &s.anne, &s.contract, &fields, Some(pdf)).await;
    assert_eq!(early.status(), 422);
    let part = reqwest::multipart::Part::bytes(pdf.to_vec())
        .file_name("mission.pdf")
        .mime_str("application/pdf")
        .unwrap();
    let res = s
        .client
        .post(format!("{}/contrats/{}/copie", app.base_url, s.contract))
        .multipart(
            reqwest::multipart::Form::new()
                .text("signed_on", issued.clone())
                .part("file", part),
        )
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "{}", res.status());
    // The mission contract signed: the final invoice, under the contract's schedule
    // (3 %, not the new 1 %), deducts the advance.
    let billing = billing_of(&app, &s.anne).await;
    let last = invoice(&billing, "final");
    assert_eq!(last["total_ttc"], "252.00");
    assert_eq!(last["payable"], "0.00");
    assert_eq!(last["preceding"], invoice(&billing, "advance")["number"]);

    // Only the expert deposits, a PDF, with figures that hold together.
    assert_eq!(
        deposit(&app, &s.client, &s.contract, &fields, Some(pdf))
            .await
            .status(),
        404
    );
    assert_eq!(
        deposit(&app, &s.bruno, &s.contract, &fields, Some(pdf))
            .await
            .status(),
        404
    );
    let not_pdf = deposit(&app, &s.anne, &s.contract, &fields, Some(b"GIF89a....")).await;
    assert_eq!(not_pdf.status(), 422);
    let no_file = deposit(&app, &s.anne, &s.contract, &fields, None).await;
    assert_eq!(no_file.status(), 422);
    assert!(no_file.text().await.unwrap().contains(&crate::common::text(
        "fr",
        "problems",
        "mission_invoice_file_required"
    )));
    let res = deposit(&app, &s.anne, &s.contract, &fields, Some(pdf)).await;
    assert_eq!(res.status(), 303);
    let twice = deposit(&app, &s.anne, &s.contract, &fields, Some(pdf)).await;
    assert_eq!(twice.status(), 422);

    let billing = billing_of(&app, &s.anne).await;
    let mission = &billing["missions"][0];
    let inv = &mission["invoices"][0];
    let due = today - chrono::Duration::days(2) + chrono::Duration::days(30);
    assert_eq!(inv["due_on"], due.to_string());
    assert_eq!(inv["state"], "unpaid");
    assert_eq!(
        inv["quote_ttc_differs"], "8400.00",
        "the quote said 8 400 € TTC"
    );
    assert!(inv["penalty"].is_null());
    // The client sees it, and can fetch the copy.
    let theirs: Value = app
        .get_json(
            &s.client,
            &format!("/api/billing_client?project={}", s.project),
        )
        .await;
    assert_eq!(theirs[0]["invoices"][0]["number"], "F-2026-017");
    let file = theirs[0]["invoices"][0]["file"].as_str().unwrap();
    assert_eq!(download(&s.client, &app, file).await.status(), 200);
    assert_eq!(download(&s.bruno, &app, file).await.status(), 404);

    // Ten days past the due date: overdue, both reminded, the penalty shown to the expert:
    // 8 000 € × 12,15 % × 10 / 365 = 26,63 €, plus the 40 € indemnity.
    state.clock.set(
        (due + chrono::Duration::days(10))
            .and_hms_opt(9, 0, 0)
            .unwrap()
            .and_utc(),
    );
    let pass = b2bizen::server::billing::reminders::run_once(state)
        .await
        .unwrap();
    assert_eq!(pass.mission_invoices_reminded, 1);
    let billing = billing_of(&app, &s.anne).await;
    let inv = &billing["missions"][0]["invoices"][0];
    assert_eq!(inv["state"], "overdue");
    assert_eq!(inv["penalty"]["days_late"], 10);
    assert_eq!(inv["penalty"]["interest"], "26.63");
    assert_eq!(inv["penalty"]["total"], "66.63");
    let overdue = crate::common::text("fr", "billing", "change_mission_invoice_overdue");
    let reminded: Vec<String> = sqlx::query_scalar(
        "SELECT recipient FROM outbox WHERE subject LIKE '%' || $1 || '%' ORDER BY recipient",
    )
    .bind(&overdue)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        reminded,
        ["achats@acme.fr", "anne@exemple.fr"],
        "both sides reminded"
    );
    // The client confirms the payment: paid, no penalty grows further.
    let id = inv["id"].as_str().unwrap();
    let paid_on = state.clock.today().to_string();
    let res = app
        .call_as(
            &s.client,
            "billing_confirm_paid",
            &[("invoice", id), ("paid_on", &paid_on)],
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .call_as(
            &s.anne,
            "billing_confirm_paid",
            &[("invoice", id), ("paid_on", &paid_on)],
        )
        .await;
    assert_eq!(res.status(), 403);
    let billing = billing_of(&app, &s.anne).await;
    assert_eq!(billing["missions"][0]["invoices"][0]["state"], "paid");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fee_simulator_answers_without_javascript_and_admins_version_the_schedule() {
    let app = TestApp::spawn().await;
    // 12 500 €: 3 % of 10 000 + 2 % of 2 500 = 350,00 € HT, 70,00 € VAT, 420,00 € TTC.
    let page = app.get("/tarifs?budget=12500").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    for expected in ["350,00", "70,00", "420,00", "2,8"] {
        assert!(html.contains(expected), "{expected} not in the page");
    }
    let english = reqwest::Client::new()
        .get(format!("{}/tarifs?budget=500", app.base_url))
        .header("cookie", "lang=en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(english.contains("49.00"), "the minimum applies");
    let bad = app.get("/tarifs?budget=douze").await.text().await.unwrap();
    assert!(bad.contains(&crate::common::text("fr", "problems", "budget_invalid")));

    let admin = app.admin("admin@b2bizen.fr").await;
    let expert = app.provider("anne@exemple.fr").await;
    let form = [
        ("version", "2027-01"),
        ("brackets", "20000;3\n;1,5"),
        ("minimum", "49"),
    ];
    assert_eq!(
        app.call_as(&expert, "commission_schedule_add", &form)
            .await
            .status(),
        403
    );
    assert_eq!(
        app.call_as(&admin, "commission_schedule_add", &form)
            .await
            .status(),
        200
    );
    let taken = app.call_as(&admin, "commission_schedule_add", &form).await;
    assert_eq!(
        error_of(taken).await,
        (422, AppError::Validation(Problem::ScheduleVersionTaken))
    );
    let above = [
        ("version", "2027-02"),
        ("brackets", ";4"),
        ("minimum", "49"),
    ];
    assert_eq!(
        error_of(app.call_as(&admin, "commission_schedule_add", &above).await).await,
        (422, AppError::Validation(Problem::ScheduleInvalid))
    );
    let current: Value = app
        .get_json(&reqwest::Client::new(), "/api/commission_schedule")
        .await;
    assert_eq!(current["version"], "2027-01");
    // A version in force is never edited.
    let edited = sqlx::query("UPDATE commission_schedules SET minimum = 0")
        .execute(&app.pool)
        .await;
    assert!(edited.is_err());
}
