//! Also the sample documents of the Factur-X tests.

use super::*;
use crate::domain::billing::commission::{refund, Schedule};
use crate::domain::billing::epc::rf_reference;
use crate::domain::billing::penalty::penalty_rate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn euros(s: &str) -> Euros {
    Euros::parse(s).unwrap()
}

pub(crate) fn platform() -> BillingParty {
    BillingParty {
        name: "B2BiZen".into(),
        legal_form: "SAS".into(),
        siren: "912345675".into(),
        address: "10 rue de la Paix, 75002 Paris".into(),
        country: "FR".into(),
        vat_number: Some("FR65912345675".into()),
        email: Some("facturation@b2bizen.example".into()),
    }
}

pub(crate) fn expert() -> BillingParty {
    BillingParty {
        name: "Conseil Dupont".into(),
        legal_form: "EURL".into(),
        siren: "852963743".into(),
        address: "3 place Bellecour, 69002 Lyon".into(),
        country: "FR".into(),
        vat_number: Some("FR07852963743".into()),
        email: None,
    }
}

fn document(kind: InvoiceKind, number: String, lines: Vec<InvoiceLine>) -> InvoiceDocument {
    let issued_on = date(2026, 12, 4);
    let subtotals = vat_subtotals(&lines);
    let total_ht: Euros = subtotals.iter().map(|s| s.base).sum();
    let total_vat: Euros = subtotals.iter().map(|s| s.vat).sum();
    InvoiceDocument {
        kind,
        payment_reference: rf_reference(&number),
        number,
        issued_on,
        service_on: issued_on,
        due_on: date(2027, 1, 3),
        seller: platform(),
        seller_iban: "FR76 3000 6000 0112 3456 7890 189".into(),
        seller_bic: Some("BNPAFRPPXXX".into()),
        buyer: expert(),
        lines,
        total_ht,
        total_vat,
        total_ttc: total_ht + total_vat,
        prepaid: Euros::ZERO,
        payable: total_ht + total_vat,
        preceding: None,
        contract_reference: "MR-2026-0042".into(),
        project_title: "Audit RGPD".into(),
        penalty_rate: penalty_rate(issued_on),
        schedule_version: "2026-12".into(),
    }
}

/// 400 € HT of commission on a 15 000 € budget.
pub(crate) fn advance_document() -> InvoiceDocument {
    let c = Schedule::standard().commission(euros("15000"));
    let number = invoice_number(Series::Invoice, 2026, 1);
    document(
        InvoiceKind::Advance,
        number,
        advance_lines(&c, "Audit RGPD"),
    )
}

/// The budget grew to 20 000 €: 500 € HT, the 480 € TTC of the advance deducted.
pub(crate) fn final_document() -> InvoiceDocument {
    let c = Schedule::standard().commission(euros("20000"));
    let advance = advance_document();
    let mut doc = document(
        InvoiceKind::Final,
        invoice_number(Series::Invoice, 2026, 2),
        advance_lines(&c, "Audit RGPD"),
    );
    doc.prepaid = advance.total_ttc;
    doc.payable = euros("120.00");
    doc.preceding = Some(PrecedingInvoice {
        number: advance.number,
        issued_on: advance.issued_on,
    });
    doc
}

pub(crate) fn credit_note_document() -> InvoiceDocument {
    let advance = advance_document();
    let mut doc = document(
        InvoiceKind::CreditNote,
        invoice_number(Series::CreditNote, 2026, 1),
        credit_lines(&refund(advance.total_ht), &advance.number),
    );
    doc.preceding = Some(PrecedingInvoice {
        number: advance.number,
        issued_on: advance.issued_on,
    });
    doc
}

#[test]
fn kinds_and_series_have_one_stored_mapping() {
    for kind in InvoiceKind::ALL {
        assert_eq!(InvoiceKind::parse(kind.as_str()), Some(kind));
        assert_eq!(
            serde_json::to_string(&kind).unwrap(),
            format!("\"{}\"", kind.as_str())
        );
    }
    for series in Series::ALL {
        assert_eq!(Series::parse(series.as_str()), Some(series));
    }
    assert_eq!(InvoiceKind::Advance.series(), Series::Invoice);
    assert_eq!(InvoiceKind::Final.series(), Series::Invoice);
    assert_eq!(InvoiceKind::CreditNote.series(), Series::CreditNote);
    let codes: Vec<_> = InvoiceKind::ALL.iter().map(|k| k.type_code()).collect();
    assert_eq!(codes, ["386", "380", "381"]);
    assert_eq!(invoice_number(Series::Invoice, 2026, 1), "FA-2026-000001");
    assert_eq!(
        invoice_number(Series::CreditNote, 2027, 42),
        "AV-2027-000042"
    );
    assert_eq!(
        invoice_number(Series::Invoice, 2026, 1_234_567),
        "FA-2026-1234567"
    );
}

#[test]
fn the_payment_state_follows_the_dates() {
    let due = date(2027, 1, 3);
    assert_eq!(payment_state(due, None, false, due), PaymentState::Unpaid);
    assert_eq!(
        payment_state(due, None, false, date(2027, 1, 4)),
        PaymentState::Overdue
    );
    assert_eq!(
        payment_state(due, Some(date(2027, 2, 1)), false, date(2027, 3, 1)),
        PaymentState::Paid
    );
    assert_eq!(
        payment_state(due, Some(due), true, date(2027, 3, 1)),
        PaymentState::Cancelled
    );
    assert_eq!(
        payment_state(due, None, true, date(2027, 3, 1)),
        PaymentState::Cancelled
    );
}

#[test]
fn the_builders_take_their_amounts_from_the_commission() {
    let c = Schedule::standard().commission(euros("15000"));
    let lines = advance_lines(&c, "Audit RGPD");
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].net, euros("400.00"));
    assert_eq!(lines[0].unit_price, lines[0].net);
    assert_eq!(lines[0].quantity, Decimal::ONE);
    assert_eq!(lines[0].vat_rate.to_string(), "20");
    assert!(lines[0].description.starts_with(COMMISSION_LINE));
    let lines = credit_lines(&refund(euros("49.00")), "FA-2026-000001");
    assert_eq!(lines[0].net, euros("45.08"));
    assert!(lines[0].description.ends_with("FA-2026-000001"));
}

#[test]
fn coherent_documents_pass_the_check() {
    let advance = advance_document();
    assert_eq!(advance.check(), Ok(()));
    assert_eq!(
        (advance.total_ht, advance.total_vat, advance.total_ttc),
        (euros("400"), euros("80"), euros("480"))
    );
    let final_invoice = final_document();
    assert_eq!(final_invoice.check(), Ok(()));
    assert_eq!(final_invoice.total_ttc, euros("600.00"));
    let credit = credit_note_document();
    assert_eq!(credit.check(), Ok(()));
    // 400 − 3,92 = 396,08 € HT; 20 % = 79,216 → 79,22 €.
    assert_eq!(
        (credit.total_ht, credit.total_vat, credit.total_ttc),
        (euros("396.08"), euros("79.22"), euros("475.30"))
    );
}

#[test]
fn vat_is_computed_once_per_rate() {
    let line = |net: &str, rate: i64| InvoiceLine {
        description: "x".into(),
        quantity: Decimal::ONE,
        unit_price: euros(net),
        net: euros(net),
        vat_rate: Decimal::from(rate),
    };
    // Three times 0,33 € at 20 %: 0,198 → 0,20 on the sum (0,21 line by line).
    let subtotals = vat_subtotals(&[
        line("0.33", 20),
        line("0.33", 20),
        line("10", 0),
        line("0.33", 20),
    ]);
    assert_eq!(subtotals.len(), 2);
    assert_eq!(
        (subtotals[0].base, subtotals[0].vat),
        (euros("0.99"), euros("0.20"))
    );
    assert_eq!(
        (subtotals[1].rate, subtotals[1].vat),
        (Decimal::ZERO, Euros::ZERO)
    );
}

#[test]
fn incoherent_documents_are_refused() {
    type Breaker = fn(&mut InvoiceDocument);
    let cases: [(Breaker, InvoiceError); 17] = [
        (|d| d.lines.clear(), InvoiceError::NoLines),
        (|d| d.lines[0].net = euros("1"), InvoiceError::Line(0)),
        (
            |d| d.lines[0].quantity = Decimal::ZERO,
            InvoiceError::Line(0),
        ),
        (
            |d| d.lines[0].vat_rate = Decimal::from(120),
            InvoiceError::Line(0),
        ),
        (|d| d.total_ht = euros("1"), InvoiceError::TotalHt),
        (|d| d.total_vat = euros("79.99"), InvoiceError::TotalVat),
        (|d| d.total_ttc = euros("480.01"), InvoiceError::TotalTtc),
        (|d| d.payable = euros("1"), InvoiceError::Payable),
        (
            |d| {
                d.prepaid = euros("100");
                d.payable = euros("380");
            },
            InvoiceError::Prepaid,
        ),
        (
            |d| d.number = "AV-2026-000001".into(),
            InvoiceError::NumberSeries,
        ),
        (
            |d| d.due_on = date(2026, 12, 1),
            InvoiceError::DueBeforeIssue,
        ),
        (
            |d| d.seller.siren = "91234567".into(),
            InvoiceError::SellerSiren,
        ),
        (
            |d| d.buyer.siren = "852963744".into(),
            InvoiceError::BuyerSiren,
        ),
        (|d| d.buyer.country = "France".into(), InvoiceError::Party),
        (
            |d| d.seller.vat_number = None,
            InvoiceError::SellerVatNumber,
        ),
        (
            |d| d.seller_iban = "FR76 0000".into(),
            InvoiceError::SellerIban,
        ),
        (
            |d| d.payment_reference = "FA-2026-000001".into(),
            InvoiceError::PaymentReference,
        ),
    ];
    for (breaker, error) in cases {
        let mut doc = advance_document();
        breaker(&mut doc);
        assert_eq!(doc.check(), Err(error));
    }
    let mut credit = credit_note_document();
    credit.preceding = None;
    assert_eq!(
        credit.check(),
        Err(InvoiceError::CreditNoteWithoutPreceding)
    );
    let mut credit = credit_note_document();
    credit.preceding.as_mut().unwrap().issued_on = date(2027, 1, 1);
    assert_eq!(credit.check(), Err(InvoiceError::PrecedingAfter));
    let mut final_invoice = final_document();
    final_invoice.prepaid = euros("700");
    final_invoice.payable = Euros::ZERO;
    assert_eq!(final_invoice.check(), Err(InvoiceError::Payable));
    let mut final_invoice = final_document();
    final_invoice.preceding = None;
    assert_eq!(final_invoice.check(), Err(InvoiceError::Prepaid));
}
