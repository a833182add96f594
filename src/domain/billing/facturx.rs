//! The Factur-X / ZUGFeRD XML of an invoice (UN/CEFACT Cross Industry Invoice D16B,
//! profile EN 16931): what French e-invoicing platforms accept from September 2026 and
//! what the server embeds in the PDF/A-3. The schema is a sequence, so the elements are
//! written in its exact order; every text is escaped, so no name or title can break out
//! of its element.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::epc::iban_compact;
use super::invoice::{BillingParty, InvoiceDocument};
use super::penalty::FIXED_INDEMNITY;
use crate::domain::money::Euros;

/// The EN 16931 profile, as the Factur-X and ZUGFeRD validators read it (BT-24).
pub const GUIDELINE_EN16931: &str = "urn:cen.eu:en16931:2017";

const RSM: &str = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
const RAM: &str =
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
const UDT: &str = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
const QDT: &str = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

/// A document-level note (BT-21, BT-22) with its UNTDID 4451 subject. French practice
/// puts the late-penalty terms under PMD, the 40 € indemnity under PMT, early-payment
/// discount terms under AAB and the seller's legal details under REG.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub subject: &'static str,
    pub content: String,
}

/// The notes [`cii_xml`] writes, in neutral form (legal references, figures, legal
/// identifiers): the server writes the localised sentences through
/// [`cii_xml_with_notes`] when it has them.
pub fn mandatory_notes(doc: &InvoiceDocument) -> Vec<Note> {
    vec![
        Note {
            subject: "PMD",
            content: format!("C. com. L441-10: {} %", doc.penalty_rate.normalize()),
        },
        Note {
            subject: "PMT",
            content: format!("C. com. D441-5: {} EUR", amount(FIXED_INDEMNITY)),
        },
        Note {
            subject: "REG",
            content: format!("{} SIREN {}", doc.seller.legal_form, doc.seller.siren),
        },
    ]
}

pub fn cii_xml(doc: &InvoiceDocument) -> String {
    cii_xml_with_notes(doc, &mandatory_notes(doc))
}

pub fn cii_xml_with_notes(doc: &InvoiceDocument, notes: &[Note]) -> String {
    let mut x = Writer::default();
    x.out
        .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.open_with(
        "rsm:CrossIndustryInvoice",
        &[
            ("xmlns:rsm", RSM),
            ("xmlns:ram", RAM),
            ("xmlns:qdt", QDT),
            ("xmlns:udt", UDT),
        ],
    );

    x.open("rsm:ExchangedDocumentContext");
    x.open("ram:GuidelineSpecifiedDocumentContextParameter");
    x.leaf("ram:ID", GUIDELINE_EN16931);
    x.close();
    x.close();

    x.open("rsm:ExchangedDocument");
    x.leaf("ram:ID", &doc.number);
    x.leaf("ram:TypeCode", doc.kind.type_code());
    x.date("ram:IssueDateTime", "udt:DateTimeString", doc.issued_on);
    for note in notes {
        x.open("ram:IncludedNote");
        x.leaf("ram:Content", &note.content);
        x.leaf("ram:SubjectCode", note.subject);
        x.close();
    }
    x.close();

    x.open("rsm:SupplyChainTradeTransaction");
    for (i, line) in doc.lines.iter().enumerate() {
        x.open("ram:IncludedSupplyChainTradeLineItem");
        x.open("ram:AssociatedDocumentLineDocument");
        x.leaf("ram:LineID", &(i + 1).to_string());
        x.close();
        x.open("ram:SpecifiedTradeProduct");
        x.leaf("ram:Name", &line.description);
        x.close();
        x.open("ram:SpecifiedLineTradeAgreement");
        x.open("ram:NetPriceProductTradePrice");
        x.leaf("ram:ChargeAmount", &amount(line.unit_price));
        x.close();
        x.close();
        x.open("ram:SpecifiedLineTradeDelivery");
        x.leaf_with(
            "ram:BilledQuantity",
            &[("unitCode", "C62")],
            &line.quantity.normalize().to_string(),
        );
        x.close();
        x.open("ram:SpecifiedLineTradeSettlement");
        x.open("ram:ApplicableTradeTax");
        x.leaf("ram:TypeCode", "VAT");
        x.leaf("ram:CategoryCode", category(line.vat_rate));
        x.leaf("ram:RateApplicablePercent", &percent(line.vat_rate));
        x.close();
        x.open("ram:SpecifiedTradeSettlementLineMonetarySummation");
        x.leaf("ram:LineTotalAmount", &amount(line.net));
        x.close();
        x.close();
        x.close();
    }

    x.open("ram:ApplicableHeaderTradeAgreement");
    x.party("ram:SellerTradeParty", &doc.seller);
    x.party("ram:BuyerTradeParty", &doc.buyer);
    if !doc.contract_reference.trim().is_empty() {
        x.open("ram:ContractReferencedDocument");
        x.leaf("ram:IssuerAssignedID", &doc.contract_reference);
        x.close();
    }
    x.close();

    x.open("ram:ApplicableHeaderTradeDelivery");
    x.open("ram:ActualDeliverySupplyChainEvent");
    x.date(
        "ram:OccurrenceDateTime",
        "udt:DateTimeString",
        doc.service_on,
    );
    x.close();
    x.close();

    x.open("ram:ApplicableHeaderTradeSettlement");
    x.leaf("ram:PaymentReference", &doc.payment_reference);
    x.leaf("ram:InvoiceCurrencyCode", "EUR");
    x.open("ram:SpecifiedTradeSettlementPaymentMeans");
    // UNTDID 4461: SEPA credit transfer.
    x.leaf("ram:TypeCode", "58");
    x.open("ram:PayeePartyCreditorFinancialAccount");
    x.leaf("ram:IBANID", &iban_compact(&doc.seller_iban));
    x.close();
    if let Some(bic) = doc.seller_bic.as_deref().filter(|b| !b.trim().is_empty()) {
        x.open("ram:PayeeSpecifiedCreditorFinancialInstitution");
        x.leaf("ram:BICID", bic.trim());
        x.close();
    }
    x.close();
    for subtotal in doc.vat_subtotals() {
        x.open("ram:ApplicableTradeTax");
        x.leaf("ram:CalculatedAmount", &amount(subtotal.vat));
        x.leaf("ram:TypeCode", "VAT");
        x.leaf("ram:BasisAmount", &amount(subtotal.base));
        x.leaf("ram:CategoryCode", category(subtotal.rate));
        x.leaf("ram:RateApplicablePercent", &percent(subtotal.rate));
        x.close();
    }
    x.open("ram:SpecifiedTradePaymentTerms");
    x.date("ram:DueDateDateTime", "udt:DateTimeString", doc.due_on);
    x.close();
    x.open("ram:SpecifiedTradeSettlementHeaderMonetarySummation");
    x.leaf("ram:LineTotalAmount", &amount(doc.total_ht));
    x.leaf("ram:TaxBasisTotalAmount", &amount(doc.total_ht));
    x.leaf_with(
        "ram:TaxTotalAmount",
        &[("currencyID", "EUR")],
        &amount(doc.total_vat),
    );
    x.leaf("ram:GrandTotalAmount", &amount(doc.total_ttc));
    x.leaf("ram:TotalPrepaidAmount", &amount(doc.prepaid));
    x.leaf("ram:DuePayableAmount", &amount(doc.payable));
    x.close();
    if let Some(preceding) = &doc.preceding {
        x.open("ram:InvoiceReferencedDocument");
        x.leaf("ram:IssuerAssignedID", &preceding.number);
        x.date(
            "ram:FormattedIssueDateTime",
            "qdt:DateTimeString",
            preceding.issued_on,
        );
        x.close();
    }
    x.close();

    x.close();
    x.close();
    x.out
}

/// EN 16931 VAT categories: S standard rate, Z zero rate. The platform charges 20 %.
fn category(rate: Decimal) -> &'static str {
    if rate.is_zero() {
        "Z"
    } else {
        "S"
    }
}

fn percent(rate: Decimal) -> String {
    let mut rate = rate.normalize();
    if rate.scale() < 2 {
        rate.rescale(2);
    }
    rate.to_string()
}

/// Two decimals and a point, as the schema's amounts.
fn amount(value: Euros) -> String {
    let mut value = value.as_decimal();
    value.rescale(2);
    value.to_string()
}

/// Text for an XML element or attribute: the five special characters escaped, and the
/// characters XML 1.0 cannot carry at all (most control characters) left out.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

#[derive(Default)]
struct Writer {
    out: String,
    open: Vec<&'static str>,
}

impl Writer {
    fn indent(&mut self) {
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }

    fn start(&mut self, tag: &str, attributes: &[(&str, &str)]) {
        self.indent();
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes {
            self.out.push_str(&format!(" {name}=\"{}\"", escape(value)));
        }
        self.out.push('>');
    }

    fn open(&mut self, tag: &'static str) {
        self.open_with(tag, &[]);
    }

    fn open_with(&mut self, tag: &'static str, attributes: &[(&str, &str)]) {
        self.start(tag, attributes);
        self.out.push('\n');
        self.open.push(tag);
    }

    fn close(&mut self) {
        let tag = self.open.pop().expect("closes only what it opened");
        self.indent();
        self.out.push_str(&format!("</{tag}>\n"));
    }

    fn leaf(&mut self, tag: &str, text: &str) {
        self.leaf_with(tag, &[], text);
    }

    fn leaf_with(&mut self, tag: &str, attributes: &[(&str, &str)], text: &str) {
        self.start(tag, attributes);
        self.out.push_str(&escape(text));
        self.out.push_str(&format!("</{tag}>\n"));
    }

    /// A date in format 102 (`YYYYMMDD`), inside its container element.
    fn date(&mut self, container: &'static str, string_tag: &str, date: NaiveDate) {
        self.open(container);
        self.leaf_with(
            string_tag,
            &[("format", "102")],
            &date.format("%Y%m%d").to_string(),
        );
        self.close();
    }

    /// Name, SIREN (ISO 6523 scheme 0002), address, e-mail, VAT number: in the schema's
    /// order for a trade party.
    fn party(&mut self, tag: &'static str, party: &BillingParty) {
        self.open(tag);
        self.leaf("ram:Name", &party.name);
        self.open("ram:SpecifiedLegalOrganization");
        self.leaf_with("ram:ID", &[("schemeID", "0002")], &party.siren);
        self.close();
        self.open("ram:PostalTradeAddress");
        self.leaf("ram:LineOne", &party.address);
        self.leaf("ram:CountryID", &party.country);
        self.close();
        if let Some(email) = party.email.as_deref().filter(|e| !e.trim().is_empty()) {
            self.open("ram:URIUniversalCommunication");
            self.leaf_with("ram:URIID", &[("schemeID", "EM")], email.trim());
            self.close();
        }
        if let Some(vat) = party.vat_number.as_deref().filter(|v| !v.trim().is_empty()) {
            self.open("ram:SpecifiedTaxRegistration");
            self.leaf_with("ram:ID", &[("schemeID", "VA")], vat.trim());
            self.close();
        }
        self.close();
    }
}

#[cfg(test)]
mod tests;
