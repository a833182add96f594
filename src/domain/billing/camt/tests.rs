use super::*;
use crate::domain::billing::epc::rf_reference;

/// A day of the platform's account as a French bank sends it (camt.053.001.08), trimmed
/// of the balances and bank codes the reader does not use.
const STATEMENT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT20261210</MsgId><CreDtTm>2026-12-11T06:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>20261210-FR7630006000011234567890189</Id>
      <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-10</Dt></Dt></Bal>
      <Ntry>
        <NtryRef>N0001</NtryRef>
        <Amt Ccy="EUR">480.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-12-10</Dt></BookgDt>
        <ValDt><Dt>2026-12-10</Dt></ValDt>
        <AcctSvcrRef>BQ-98765</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
          <RltdPties><Dbtr><Pty><Nm>Conseil Dupont &amp; Fils</Nm></Pty></Dbtr></RltdPties>
          <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>RF27FA2026000001</Ref></CdtrRefInf></Strd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <NtryRef>N0002</NtryRef>
        <Amt Ccy="EUR">100.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><DtTm>2026-12-10T14:02:11+01:00</DtTm></BookgDt>
        <NtryDtls><TxDtls>
          <RmtInf><Ustrd>Facture fa-2026-000002</Ustrd><Ustrd>acompte</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <NtryRef>N0003</NtryRef>
        <Amt Ccy="EUR">25.00</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-12-10</Dt></BookgDt>
        <AddtlNtryInf>FRAIS TENUE DE COMPTE FA-2026-000001</AddtlNtryInf>
      </Ntry>
      <Ntry>
        <NtryRef>N0004</NtryRef>
        <Amt Ccy="EUR">75.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-12-10</Dt></BookgDt>
        <NtryDtls><TxDtls><RmtInf><Ustrd>VIREMENT DIVERS</Ustrd></RmtInf></TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <NtryRef>N0005</NtryRef>
        <Amt Ccy="EUR">220.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-12-10</Dt></BookgDt>
        <NtryDtls>
          <Btch><NbOfTxs>2</NbOfTxs></Btch>
          <TxDtls>
            <Amt Ccy="EUR">120.00</Amt>
            <CdtDbtInd>CRDT</CdtDbtInd>
            <RltdPties><Dbtr><Pty><Nm>Studio Martin</Nm></Pty></Dbtr></RltdPties>
            <RmtInf><Ustrd>Paiement RF70 FA20 2600 0003 merci</Ustrd></RmtInf>
          </TxDtls>
          <TxDtls>
            <Refs><AcctSvcrRef>BQ-55555</AcctSvcrRef></Refs>
            <AmtDtls><TxAmt><Amt Ccy="EUR">100.00</Amt></TxAmt></AmtDtls>
            <RmtInf><Ustrd>FA 2026 000004</Ustrd></RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <NtryRef>N0006</NtryRef>
        <Amt Ccy="EUR">480.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-12-10</Dt></BookgDt>
        <NtryDtls><TxDtls><RmtInf><Ustrd>RF27FA2026000001 second envoi</Ustrd></RmtInf></TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">999.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>PDNG</Cd></Sts>
        <ValDt><Dt>2026-12-11</Dt></ValDt>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>"#;

fn euros(s: &str) -> Euros {
    Euros::parse(s).unwrap()
}

fn open() -> Vec<OpenInvoice> {
    let invoice = |n: i64, payable: &str| {
        let number = format!("FA-2026-{n:06}");
        OpenInvoice {
            reference: rf_reference(&number),
            number,
            payable: euros(payable),
        }
    };
    vec![
        invoice(1, "480.00"),
        invoice(2, "600.00"),
        invoice(3, "120.00"),
        invoice(4, "100.00"),
    ]
}

#[test]
fn the_sample_references_are_the_invoices_own() {
    assert_eq!(rf_reference("FA-2026-000001"), "RF27FA2026000001");
    assert_eq!(rf_reference("FA-2026-000003"), "RF70FA2026000003");
}

#[test]
fn a_statement_gives_one_line_per_booked_movement() {
    let lines = parse_statement(STATEMENT).unwrap();
    // Seven entries, one pending, one batch of two.
    assert_eq!(lines.len(), 7);
    let first = &lines[0];
    assert_eq!(first.entry_ref.as_deref(), Some("N0001"));
    assert_eq!(first.amount, euros("480"));
    assert!(first.credit);
    assert_eq!(
        first.booked_on,
        NaiveDate::from_ymd_opt(2026, 12, 10).unwrap()
    );
    assert_eq!(first.reference.as_deref(), Some("RF27FA2026000001"));
    assert_eq!(first.debtor.as_deref(), Some("Conseil Dupont & Fils"));
    assert_eq!(first.text, None);
    // Free text only: it is the reference, the two parts joined.
    assert_eq!(
        lines[1].text.as_deref(),
        Some("Facture fa-2026-000002 acompte")
    );
    assert_eq!(lines[1].reference, lines[1].text);
    assert_eq!(
        lines[1].booked_on,
        NaiveDate::from_ymd_opt(2026, 12, 10).unwrap()
    );
    assert!(!lines[2].credit);
    assert_eq!(
        lines[2].text.as_deref(),
        Some("FRAIS TENUE DE COMPTE FA-2026-000001")
    );
    // The batch: each transaction its own amount, reference and bank reference.
    assert_eq!(lines[4].amount, euros("120"));
    assert_eq!(lines[4].entry_ref.as_deref(), Some("N0005/1"));
    assert_eq!(lines[4].reference.as_deref(), Some("RF70FA2026000003"));
    assert_eq!(lines[4].debtor.as_deref(), Some("Studio Martin"));
    assert_eq!(lines[5].amount, euros("100"));
    assert_eq!(lines[5].entry_ref.as_deref(), Some("BQ-55555"));
    assert!(lines[5].credit);
    assert_eq!(lines[6].reference.as_deref(), Some("RF27FA2026000001"));
}

#[test]
fn payments_match_by_reference_and_exact_amount() {
    let lines = parse_statement(STATEMENT).unwrap();
    let matches = match_lines(&lines, &open());
    assert_eq!(
        matches,
        [
            LineMatch::Paid { invoice: 0 },
            LineMatch::Unmatched("amount differs"),
            LineMatch::Unmatched("debit"),
            LineMatch::Unmatched("unknown reference"),
            LineMatch::Paid { invoice: 2 },
            LineMatch::Paid { invoice: 3 },
            LineMatch::Unmatched("already matched"),
        ]
    );
}

#[test]
fn an_invoice_number_is_not_found_inside_a_longer_one() {
    let line = StatementLine {
        entry_ref: None,
        amount: euros("480"),
        credit: true,
        booked_on: NaiveDate::from_ymd_opt(2026, 12, 10).unwrap(),
        reference: None,
        debtor: None,
        text: Some("FA-2026-0000012".into()),
    };
    assert_eq!(
        match_lines(std::slice::from_ref(&line), &open()),
        [LineMatch::Unmatched("unknown reference")]
    );
    let line = StatementLine {
        text: Some("virement fa2026000001.".into()),
        ..line
    };
    assert_eq!(
        match_lines(&[line], &open()),
        [LineMatch::Paid { invoice: 0 }]
    );
}

#[test]
fn malformed_or_foreign_documents_are_refused() {
    assert_eq!(parse_statement("not xml"), Err(CamtError::NotXml));
    assert_eq!(
        parse_statement(&STATEMENT.replace("</Document>", "")),
        Err(CamtError::NotXml)
    );
    // A DTD could expand entities: refused before anything is read.
    let with_dtd = STATEMENT.replace(
        "<Document ",
        "<!DOCTYPE Document [<!ENTITY x \"y\">]><Document ",
    );
    assert_eq!(parse_statement(&with_dtd), Err(CamtError::NotXml));
    assert_eq!(
        parse_statement(&STATEMENT.replace("camt.053.001.08", "camt.054.001.08")),
        Err(CamtError::NotCamt053)
    );
    assert_eq!(
        parse_statement(&STATEMENT.replace("BkToCstmrStmt", "BkToCstmrDbtCdtNtfctn")),
        Err(CamtError::NotCamt053)
    );
    // Older versions are read the same way.
    assert_eq!(
        parse_statement(&STATEMENT.replace("camt.053.001.08", "camt.053.001.02"))
            .unwrap()
            .len(),
        7
    );
}

#[test]
fn an_entry_in_another_currency_names_itself() {
    let foreign = STATEMENT.replace(
        r#"<Amt Ccy="EUR">75.00</Amt>"#,
        r#"<Amt Ccy="USD">75.00</Amt>"#,
    );
    assert_eq!(
        parse_statement(&foreign),
        Err(CamtError::BadEntry {
            index: 3,
            why: "the amount is not in euros"
        })
    );
    let bad = |from: &str, to: &str| match parse_statement(&STATEMENT.replacen(from, to, 1)) {
        Err(CamtError::BadEntry { index: 0, .. }) => {}
        other => panic!("{from} → {to}: {other:?}"),
    };
    bad("480.00", "480.001");
    bad("480.00", "-480.00");
    bad("480.00", "quatre cents");
    bad(
        "480.00</Amt>\n        <CdtDbtInd>CRDT",
        "480.00</Amt><CdtDbtInd>BOTH",
    );
    bad("<BookgDt><Dt>2026-12-10</Dt></BookgDt>", "");
    bad(
        "<BookgDt><Dt>2026-12-10</Dt>",
        "<BookgDt><Dt>10/12/2026</Dt>",
    );
}

#[test]
fn too_large_statements_are_refused() {
    let huge = format!("{STATEMENT}{}", " ".repeat(MAX_BYTES));
    assert_eq!(parse_statement(&huge), Err(CamtError::TooLarge));
    let entry = "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>\
                 <BookgDt><Dt>2026-12-10</Dt></BookgDt></Ntry>";
    let many = STATEMENT.replacen("<Ntry>", &format!("{}<Ntry>", entry.repeat(MAX_ENTRIES)), 1);
    assert_eq!(parse_statement(&many), Err(CamtError::TooLarge));
}
