use super::*;
use crate::domain::billing::invoice::tests::{
    advance_document, credit_note_document, final_document,
};
use roxmltree::{Document, Node};

fn find<'a, 'i>(doc: &'a Document<'i>, name: &str) -> Vec<Node<'a, 'i>> {
    doc.descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == name)
        .collect()
}

fn text_of(doc: &Document, name: &str) -> Vec<String> {
    find(doc, name)
        .iter()
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect()
}

fn element_names<'a>(node: Node<'a, '_>) -> Vec<&'a str> {
    node.children()
        .filter(Node::is_element)
        .map(|n| n.tag_name().name())
        .collect()
}

#[test]
fn an_advance_invoice_is_well_formed_cii() {
    let xml = cii_xml(&advance_document());
    let doc = Document::parse(&xml).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "CrossIndustryInvoice");
    assert_eq!(root.tag_name().namespace(), Some(RSM));
    assert_eq!(
        element_names(root),
        [
            "ExchangedDocumentContext",
            "ExchangedDocument",
            "SupplyChainTradeTransaction"
        ]
    );
    assert_eq!(text_of(&doc, "ID")[0], GUIDELINE_EN16931);
    assert_eq!(text_of(&doc, "TypeCode")[0], "386");
    assert_eq!(text_of(&doc, "DateTimeString")[0], "20261204");
    assert_eq!(
        find(&doc, "DateTimeString")[0].attribute("format"),
        Some("102")
    );
    assert_eq!(text_of(&doc, "SubjectCode"), ["PMD", "PMT", "REG"]);
    let notes = text_of(&doc, "Content");
    assert!(notes[0].contains("12.15"), "{notes:?}");
    assert!(notes[1].contains("40.00"), "{notes:?}");
    assert_eq!(text_of(&doc, "PaymentReference"), ["RF27FA2026000001"]);
    assert_eq!(text_of(&doc, "IBANID"), ["FR7630006000011234567890189"]);
    assert_eq!(text_of(&doc, "BICID"), ["BNPAFRPPXXX"]);
    let sirens: Vec<_> = find(&doc, "SpecifiedLegalOrganization")
        .iter()
        .map(|n| n.first_element_child().unwrap())
        .map(|id| (id.attribute("schemeID"), id.text()))
        .collect();
    assert_eq!(
        sirens,
        [
            (Some("0002"), Some("912345675")),
            (Some("0002"), Some("852963743"))
        ]
    );
    assert!(find(&doc, "InvoiceReferencedDocument").is_empty());
}

#[test]
fn the_totals_are_all_present_with_two_decimals() {
    let xml = cii_xml(&final_document());
    let doc = Document::parse(&xml).unwrap();
    let summation = find(&doc, "SpecifiedTradeSettlementHeaderMonetarySummation")[0];
    let totals: Vec<(&str, &str)> = summation
        .children()
        .filter(Node::is_element)
        .map(|n| (n.tag_name().name(), n.text().unwrap()))
        .collect();
    assert_eq!(
        totals,
        [
            ("LineTotalAmount", "500.00"),
            ("TaxBasisTotalAmount", "500.00"),
            ("TaxTotalAmount", "100.00"),
            ("GrandTotalAmount", "600.00"),
            ("TotalPrepaidAmount", "480.00"),
            ("DuePayableAmount", "120.00"),
        ]
    );
    let tax_total = find(&doc, "TaxTotalAmount")[0];
    assert_eq!(tax_total.attribute("currencyID"), Some("EUR"));
    assert_eq!(text_of(&doc, "TypeCode")[0], "380");
    assert_eq!(text_of(&doc, "ChargeAmount"), ["500.00"]);
    assert_eq!(text_of(&doc, "BilledQuantity"), ["1"]);
    assert_eq!(text_of(&doc, "CalculatedAmount"), ["100.00"]);
    assert_eq!(text_of(&doc, "BasisAmount"), ["500.00"]);
    assert_eq!(text_of(&doc, "RateApplicablePercent"), ["20.00", "20.00"]);
    // The final invoice references its advance.
    assert_eq!(text_of(&doc, "IssuerAssignedID")[1], "FA-2026-000001");
}

#[test]
fn the_settlement_follows_the_schema_order() {
    let xml = cii_xml(&credit_note_document());
    let doc = Document::parse(&xml).unwrap();
    let settlement = find(&doc, "ApplicableHeaderTradeSettlement")[0];
    assert_eq!(
        element_names(settlement),
        [
            "PaymentReference",
            "InvoiceCurrencyCode",
            "SpecifiedTradeSettlementPaymentMeans",
            "ApplicableTradeTax",
            "SpecifiedTradePaymentTerms",
            "SpecifiedTradeSettlementHeaderMonetarySummation",
            "InvoiceReferencedDocument",
        ]
    );
    let transaction = find(&doc, "SupplyChainTradeTransaction")[0];
    assert_eq!(
        element_names(transaction),
        [
            "IncludedSupplyChainTradeLineItem",
            "ApplicableHeaderTradeAgreement",
            "ApplicableHeaderTradeDelivery",
            "ApplicableHeaderTradeSettlement",
        ]
    );
    let seller = find(&doc, "SellerTradeParty")[0];
    assert_eq!(
        element_names(seller),
        [
            "Name",
            "SpecifiedLegalOrganization",
            "PostalTradeAddress",
            "URIUniversalCommunication",
            "SpecifiedTaxRegistration"
        ]
    );
}

#[test]
fn a_credit_note_is_381_and_references_the_invoice() {
    let xml = cii_xml(&credit_note_document());
    let doc = Document::parse(&xml).unwrap();
    assert_eq!(text_of(&doc, "TypeCode")[0], "381");
    let referenced = find(&doc, "InvoiceReferencedDocument");
    assert_eq!(referenced.len(), 1);
    assert_eq!(
        element_names(referenced[0]),
        ["IssuerAssignedID", "FormattedIssueDateTime"]
    );
    let date = referenced[0].last_element_child().unwrap();
    let date = date.first_element_child().unwrap();
    assert_eq!(date.tag_name().namespace(), Some(QDT));
    assert_eq!(date.text(), Some("20261204"));
    assert_eq!(text_of(&doc, "GrandTotalAmount"), ["475.30"]);
    assert_eq!(text_of(&doc, "DuePayableAmount"), ["475.30"]);
}

#[test]
fn no_user_text_breaks_the_xml() {
    let mut invoice = advance_document();
    invoice.buyer.name = "A&B <script>alert('x')</script> \"Conseil\"".into();
    invoice.lines[0].description = "commission: </ram:Name><ram:Evil>".into();
    invoice.buyer.address = "1 rue\u{0}\u{1b} du Port".into();
    let xml = cii_xml(&invoice);
    assert!(!xml.contains("<script>"));
    assert!(!xml.contains("<ram:Evil>"));
    let doc = Document::parse(&xml).unwrap();
    assert_eq!(
        text_of(&doc, "Name"),
        [
            "commission: </ram:Name><ram:Evil>",
            "B2BiZen",
            "A&B <script>alert('x')</script> \"Conseil\""
        ]
    );
    assert_eq!(text_of(&doc, "LineOne")[1], "1 rue du Port");
    assert_eq!(escape("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&apos;f");
}

#[test]
fn the_server_may_write_its_own_notes() {
    let notes = [Note {
        subject: "AAB",
        content: "Pas d'escompte & pas de frais".into(),
    }];
    let xml = cii_xml_with_notes(&advance_document(), &notes);
    let doc = Document::parse(&xml).unwrap();
    assert_eq!(text_of(&doc, "SubjectCode"), ["AAB"]);
    assert_eq!(text_of(&doc, "Content"), ["Pas d'escompte & pas de frais"]);
}

/// With `FACTURX_SAMPLES_DIR` set, writes the three sample documents there, for a check
/// against the Factur-X schemas outside of Rust (PyPI `factur-x`, `xml_check_xsd`).
#[test]
fn samples_for_the_schema_check() {
    let Some(dir) = std::env::var_os("FACTURX_SAMPLES_DIR") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    // Without optional parts, with hostile texts and a second, zero rate.
    let mut bare = advance_document();
    bare.seller_bic = None;
    bare.seller.email = None;
    bare.buyer.vat_number = None;
    bare.buyer.name = "A&B <script>\u{1b}'\"".into();
    bare.contract_reference = String::new();
    let mut extra = bare.lines[0].clone();
    extra.vat_rate = Decimal::ZERO;
    extra.description = "x < y".into();
    bare.lines.push(extra);
    bare.total_ht = bare.total_ht + bare.lines[1].net;
    bare.total_ttc = bare.total_ht + bare.total_vat;
    bare.payable = bare.total_ttc;
    assert_eq!(bare.check(), Ok(()));
    for (name, doc) in [
        ("bare", bare),
        ("advance", advance_document()),
        ("final", final_document()),
        ("credit_note", credit_note_document()),
    ] {
        std::fs::write(dir.join(format!("{name}.xml")), cii_xml(&doc)).unwrap();
    }
}
