//! Issuing the platform's invoices, each in the transaction of the business step that
//! calls for it: the advance when the intermediation contract is signed, the final
//! invoice when the mission contract is declared signed, the credit note when none
//! follows. A step retried finds its invoice already issued (one of each kind per
//! contract) and issues nothing more. The document is drawn after the commit
//! ([`super::document`]), woken by NOTIFY like the mail outbox.

use chrono::{Datelike, Duration, NaiveDate};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::domain::billing::commission::refund;
use crate::domain::billing::epc::rf_reference;
use crate::domain::billing::events::BillingChange;
use crate::domain::billing::invoice::{
    advance_lines, credit_lines, invoice_number, BillingParty, InvoiceDocument, InvoiceKind,
    InvoiceLine, PrecedingInvoice, Series,
};
use crate::domain::billing::penalty::penalty_rate;
use crate::domain::contract::{ContractParty, ContractSnapshot};
use crate::domain::id::{ContractId, ExpertId, InvoiceId, ProjectId};
use crate::domain::money::Euros;
use crate::domain::selection::Party;
use crate::error::AppError;
use crate::server::selection::sides::Sides;
use crate::server::state::AppState;

use super::news;

/// The contract an invoice is for, as the issuing step holds it (locked).
pub(crate) struct Billed<'a> {
    pub contract: ContractId,
    pub path: (ProjectId, ExpertId),
    pub snapshot: &'a ContractSnapshot,
    pub sides: &'a Sides,
}

/// What an invoice of a kind says, before it has a number.
struct Draft {
    kind: InvoiceKind,
    service_on: NaiveDate,
    lines: Vec<InvoiceLine>,
    total_ht: Euros,
    total_vat: Euros,
    total_ttc: Euros,
    prepaid: Euros,
    preceding: Option<(InvoiceId, PrecedingInvoice)>,
    schedule_version: String,
}

/// The advance on the commission, when both signed the intermediation contract.
pub(crate) async fn advance(
    state: &AppState,
    conn: &mut PgConnection,
    b: &Billed<'_>,
) -> Result<(), AppError> {
    if issued(conn, b.contract, InvoiceKind::Advance)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let schedule = super::schedule::of_contract(conn, b.contract).await?;
    let c = schedule.commission(b.snapshot.total_ht);
    let draft = Draft {
        kind: InvoiceKind::Advance,
        service_on: state.clock.today(),
        lines: advance_lines(&c, &b.snapshot.project_title),
        total_ht: c.ht,
        total_vat: c.vat,
        total_ttc: c.ttc,
        prepaid: Euros::ZERO,
        preceding: None,
        schedule_version: c.schedule_version.clone(),
    };
    issue(state, conn, b, draft, BillingChange::AdvanceIssued).await
}

/// The final invoice, when the mission contract is declared signed on `signed_on`: the
/// commission again, the advance deducted.
pub(crate) async fn final_invoice(
    state: &AppState,
    conn: &mut PgConnection,
    b: &Billed<'_>,
    signed_on: NaiveDate,
) -> Result<(), AppError> {
    if issued(conn, b.contract, InvoiceKind::Final)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let Some(advance) = issued(conn, b.contract, InvoiceKind::Advance).await? else {
        tracing::error!(contract = %b.contract, "final invoice without an advance");
        return Err(AppError::Internal);
    };
    let schedule = super::schedule::of_contract(conn, b.contract).await?;
    let c = schedule.commission(b.snapshot.total_ht);
    let draft = Draft {
        kind: InvoiceKind::Final,
        service_on: signed_on,
        lines: advance_lines(&c, &b.snapshot.project_title),
        total_ht: c.ht,
        total_vat: c.vat,
        total_ttc: c.ttc,
        prepaid: advance.doc.total_ttc,
        preceding: Some((advance.id, advance.preceding())),
        schedule_version: c.schedule_version.clone(),
    };
    issue(state, conn, b, draft, BillingChange::FinalIssued).await
}

/// The credit note when no mission contract follows: the advance less the management
/// fee, and the refund of what was paid beyond what stays due.
pub(crate) async fn credit_note(
    state: &AppState,
    conn: &mut PgConnection,
    b: &Billed<'_>,
) -> Result<(), AppError> {
    if issued(conn, b.contract, InvoiceKind::CreditNote)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let Some(advance) = issued(conn, b.contract, InvoiceKind::Advance).await? else {
        tracing::error!(contract = %b.contract, "credit note without an advance");
        return Err(AppError::Internal);
    };
    let r = refund(advance.doc.total_ht);
    let draft = Draft {
        kind: InvoiceKind::CreditNote,
        service_on: state.clock.today(),
        lines: credit_lines(&r, &advance.doc.number),
        total_ht: r.ht,
        total_vat: r.vat,
        total_ttc: r.ttc,
        prepaid: Euros::ZERO,
        preceding: Some((advance.id, advance.preceding())),
        schedule_version: advance.doc.schedule_version.clone(),
    };
    let credit_ttc = r.ttc;
    issue(state, conn, b, draft, BillingChange::CreditIssued).await?;
    // What the expert paid beyond what stays due once credited comes back to them.
    let paid = super::payments::paid_on_invoice(conn, advance.id).await?;
    let still_due = advance
        .doc
        .total_ttc
        .checked_sub(credit_ttc)
        .unwrap_or(Euros::ZERO);
    let back = paid.checked_sub(still_due).filter(|e| e.is_positive());
    let credit = issued(conn, b.contract, InvoiceKind::CreditNote)
        .await?
        .ok_or(AppError::Internal)?;
    sqlx::query!(
        "INSERT INTO platform_refunds (credit_note_id, amount) VALUES ($1, $2)",
        credit.id as InvoiceId,
        back.unwrap_or(Euros::ZERO) as Euros,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// An invoice already issued, with the document it was issued as.
pub(crate) struct Issued {
    pub id: InvoiceId,
    pub doc: InvoiceDocument,
}

impl Issued {
    fn preceding(&self) -> PrecedingInvoice {
        PrecedingInvoice {
            number: self.doc.number.clone(),
            issued_on: self.doc.issued_on,
        }
    }
}

pub(crate) async fn issued(
    conn: &mut PgConnection,
    contract: ContractId,
    kind: InvoiceKind,
) -> Result<Option<Issued>, AppError> {
    let row = sqlx::query!(
        r#"SELECT id AS "id: InvoiceId", document FROM platform_invoices
           WHERE contract_id = $1 AND kind = $2"#,
        contract as ContractId,
        kind as InvoiceKind,
    )
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        let doc = serde_json::from_value(r.document).map_err(|err| {
            tracing::error!(error = %err, "unreadable issued invoice");
            AppError::Internal
        })?;
        Ok(Issued { id: r.id, doc })
    })
    .transpose()
}

/// The buyer or seller as an invoice names them: the SIREN is the SIRET's first nine
/// digits.
fn party(p: &ContractParty, vat_number: Option<String>, email: Option<String>) -> BillingParty {
    BillingParty {
        name: p.name.clone(),
        legal_form: p.legal_form.clone(),
        siren: p
            .registration
            .chars()
            .filter(char::is_ascii_digit)
            .take(9)
            .collect(),
        address: p.address.clone(),
        country: "FR".to_string(),
        vat_number,
        email,
    }
}

async fn issue(
    state: &AppState,
    conn: &mut PgConnection,
    b: &Billed<'_>,
    d: Draft,
    change: BillingChange,
) -> Result<(), AppError> {
    let issued_on = state.clock.today();
    let series = d.kind.series();
    let seq = super::numbering::next(conn, series, issued_on.year()).await?;
    let number = invoice_number(series, issued_on.year(), seq);
    let due_on = match d.kind {
        InvoiceKind::CreditNote => issued_on,
        _ => issued_on + Duration::days(super::TERMS_DAYS),
    };
    let billing = &state.config.billing;
    let payable = d
        .total_ttc
        .checked_sub(d.prepaid)
        .filter(|p| !p.as_decimal().is_sign_negative());
    let doc = InvoiceDocument {
        kind: d.kind,
        number: number.clone(),
        issued_on,
        service_on: d.service_on,
        due_on,
        seller: party(
            &state.config.platform,
            Some(billing.vat_number.clone()),
            Some(billing.email.clone()),
        ),
        seller_iban: billing.iban.clone(),
        seller_bic: billing.bic.clone(),
        buyer: party(&b.snapshot.expert, None, Some(b.sides.expert.email.clone())),
        lines: d.lines,
        total_ht: d.total_ht,
        total_vat: d.total_vat,
        total_ttc: d.total_ttc,
        prepaid: d.prepaid,
        payable: payable.unwrap_or(Euros::ZERO),
        preceding: d.preceding.as_ref().map(|(_, p)| p.clone()),
        payment_reference: rf_reference(&number.replace('-', "")),
        contract_reference: b.snapshot.reference.clone(),
        project_title: b.snapshot.project_title.clone(),
        penalty_rate: penalty_rate(issued_on),
        schedule_version: d.schedule_version,
    };
    doc.check().map_err(|err| {
        tracing::error!(error = %err, number, "an invoice would not add up");
        AppError::Internal
    })?;
    let document = serde_json::to_value(&doc).map_err(|_| AppError::Internal)?;
    let id = InvoiceId::new(Uuid::new_v4());
    let (project, expert) = b.path;
    sqlx::query!(
        "INSERT INTO platform_invoices (id, kind, series, year, seq, number, contract_id,
                expert_id, project_id, preceding_id, issued_on, due_on, total_ht, total_vat,
                total_ttc, payable, payment_reference, document)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
        id as InvoiceId,
        d.kind as InvoiceKind,
        series as Series,
        issued_on.year(),
        seq,
        number,
        b.contract as ContractId,
        expert as ExpertId,
        project as ProjectId,
        d.preceding.map(|(id, _)| id) as Option<InvoiceId>,
        issued_on as NaiveDate,
        due_on as NaiveDate,
        doc.total_ht as Euros,
        doc.total_vat as Euros,
        doc.total_ttc as Euros,
        doc.payable as Euros,
        doc.payment_reference,
        document,
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!("SELECT pg_notify($1, $2)", super::CHANNEL, id.to_string())
        .execute(&mut *conn)
        .await?;
    let said = news::Said {
        contract: b.contract,
        change,
        by: Party::Platform,
        reference: number,
    };
    // The mail with the document leaves once it is drawn: no mail here.
    news::record(state, conn, b.sides, b.path, said, news::Mail::No).await?;
    tracing::info!(%id, kind = d.kind.as_str(), "invoice issued");
    Ok(())
}
