//! The invoice's and the credit note's text (`locales/*/invoice.json`), filled from the
//! document as issued, with every mention the law asks of an invoice between businesses
//! (C. com. L441-9, CGI art. 242 nonies A and the 2022 additions).

use crate::domain::billing::invoice::{BillingParty, InvoiceDocument, InvoiceKind};
use crate::domain::lang::Lang;
use crate::server::pdf::layout::{Align, Block, Column};
use crate::ui::format::date_in;
use crate::ui::text::billing::percent_in;
use crate::ui::text::quote::euros_in;

pub fn title(lang: Lang, doc: &InvoiceDocument) -> String {
    match doc.kind {
        InvoiceKind::Advance => tr_in!(lang, invoice.title_advance, number = &doc.number),
        InvoiceKind::Final => tr_in!(lang, invoice.title_final, number = &doc.number),
        InvoiceKind::CreditNote => tr_in!(lang, invoice.title_credit_note, number = &doc.number),
    }
    .to_string()
}

fn party(lang: Lang, label: &str, p: &BillingParty) -> (String, String) {
    let vat = match &p.vat_number {
        Some(n) => tr_in!(lang, invoice.vat_number, number = n).to_string(),
        None => String::new(),
    };
    (
        label.to_string(),
        tr_in!(
            lang,
            invoice.party,
            name = &p.name,
            legal_form = &p.legal_form,
            siren = &p.siren,
            address = &p.address,
            vat = vat
        )
        .trim_end()
        .to_string(),
    )
}

pub fn blocks(lang: Lang, doc: &InvoiceDocument, qr: Option<Vec<Vec<bool>>>) -> Vec<Block> {
    let euros = |e| euros_in(lang, e);
    let day = |d| date_in(lang, d);
    let mut out = vec![
        Block::Title(title(lang, doc)),
        Block::Fields(vec![
            (tr_in!(lang, invoice.number).into(), doc.number.clone()),
            (tr_in!(lang, invoice.issued_on).into(), day(doc.issued_on)),
            (tr_in!(lang, invoice.service_on).into(), day(doc.service_on)),
            (tr_in!(lang, invoice.due_on).into(), day(doc.due_on)),
            (
                tr_in!(lang, invoice.contract).into(),
                doc.contract_reference.clone(),
            ),
            (
                tr_in!(lang, invoice.project).into(),
                doc.project_title.clone(),
            ),
        ]),
        Block::Fields(vec![
            party(lang, tr_in!(lang, invoice.seller), &doc.seller),
            party(lang, tr_in!(lang, invoice.buyer), &doc.buyer),
        ]),
        Block::Paragraph(tr_in!(lang, invoice.nature).to_string()),
    ];
    if let Some(p) = &doc.preceding {
        let text = match doc.kind {
            InvoiceKind::CreditNote => tr_in!(
                lang,
                invoice.corrects,
                number = &p.number,
                date = day(p.issued_on)
            ),
            _ => tr_in!(
                lang,
                invoice.deducts,
                number = &p.number,
                date = day(p.issued_on)
            ),
        };
        out.push(Block::Paragraph(text.to_string()));
    }
    let col = |share, align| Column { share, align };
    out.push(Block::Table {
        columns: vec![
            col(0.46, Align::Left),
            col(0.1, Align::Right),
            col(0.17, Align::Right),
            col(0.1, Align::Right),
            col(0.17, Align::Right),
        ],
        header: vec![
            tr_in!(lang, invoice.col_description).into(),
            tr_in!(lang, invoice.col_quantity).into(),
            tr_in!(lang, invoice.col_unit_price).into(),
            tr_in!(lang, invoice.col_vat).into(),
            tr_in!(lang, invoice.col_net).into(),
        ],
        rows: doc
            .lines
            .iter()
            .map(|l| {
                vec![
                    l.description.clone(),
                    l.quantity.normalize().to_string(),
                    euros(l.unit_price),
                    percent_in(lang, l.vat_rate),
                    euros(l.net),
                ]
            })
            .collect(),
    });
    let vat_rate = doc.lines.first().map(|l| l.vat_rate).unwrap_or_default();
    let mut totals = vec![
        (tr_in!(lang, invoice.total_ht).into(), euros(doc.total_ht)),
        (
            tr_in!(lang, invoice.total_vat, rate = percent_in(lang, vat_rate)).to_string(),
            euros(doc.total_vat),
        ),
        (tr_in!(lang, invoice.total_ttc).into(), euros(doc.total_ttc)),
    ];
    if doc.prepaid.is_positive() {
        totals.push((tr_in!(lang, invoice.prepaid).into(), euros(doc.prepaid)));
    }
    let payable_label = match doc.kind {
        InvoiceKind::CreditNote => tr_in!(lang, invoice.credited),
        _ => tr_in!(lang, invoice.payable),
    };
    totals.push((payable_label.into(), euros(doc.payable)));
    out.push(Block::Totals(totals));
    if doc.kind != InvoiceKind::CreditNote {
        out.push(Block::Heading(tr_in!(lang, invoice.payment).into()));
        out.push(Block::Fields(vec![
            (tr_in!(lang, invoice.iban).into(), doc.seller_iban.clone()),
            (
                tr_in!(lang, invoice.bic).into(),
                doc.seller_bic.clone().unwrap_or_default(),
            ),
            (
                tr_in!(lang, invoice.reference).into(),
                doc.payment_reference.clone(),
            ),
        ]));
        if let Some(matrix) = qr {
            out.push(Block::Qr {
                matrix,
                size: 96.0,
                caption: tr_in!(lang, invoice.qr_caption).to_string(),
            });
        }
    }
    out.push(Block::Small(
        tr_in!(
            lang,
            invoice.penalties,
            rate = percent_in(lang, doc.penalty_rate)
        )
        .to_string(),
    ));
    out.push(Block::Small(tr_in!(lang, invoice.no_discount).to_string()));
    out.push(Block::Small(
        tr_in!(
            lang,
            invoice.commission_rule,
            version = &doc.schedule_version
        )
        .to_string(),
    ));
    out
}
