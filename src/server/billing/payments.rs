//! Payments of the platform's invoices (typed by an admin, or matched from a bank
//! statement) and the refunds of credit notes, each one transaction with the invoice
//! locked, so that two admins recording the same transfer record it once.

use chrono::NaiveDate;
use sqlx::PgConnection;

use crate::domain::billing::events::{BillingChange, PaymentSource};
use crate::domain::billing::invoice::InvoiceKind;
use crate::domain::id::{AccountId, ContractId, ExpertId, InvoiceId, ProjectId, StatementLineId};
use crate::domain::money::Euros;
use crate::domain::parse::parse_date;
use crate::domain::selection::Party;
use crate::error::{AppError, Problem};
use crate::server::selection::sides::sides;
use crate::server::state::AppState;

use super::news::{self, Mail, Said};

/// What has been received on an invoice.
pub async fn paid_on_invoice(conn: &mut PgConnection, id: InvoiceId) -> Result<Euros, AppError> {
    let paid = sqlx::query_scalar!(
        r#"SELECT COALESCE(SUM(amount), 0)::numeric(12, 2) AS "paid!: Euros"
           FROM invoice_payments WHERE invoice_id = $1"#,
        id as InvoiceId,
    )
    .fetch_one(conn)
    .await?;
    Ok(paid)
}

pub(crate) struct Locked {
    pub id: InvoiceId,
    pub kind: InvoiceKind,
    pub number: String,
    pub issued_on: NaiveDate,
    pub contract: ContractId,
    pub path: (ProjectId, ExpertId),
    /// What is still to be received: payable, less paid, less any credit note.
    pub outstanding: Euros,
}

pub(crate) async fn locked(conn: &mut PgConnection, id: InvoiceId) -> Result<Locked, AppError> {
    let r = sqlx::query!(
        r#"SELECT i.kind AS "kind: InvoiceKind", i.number, i.issued_on AS "issued_on: NaiveDate",
                  i.contract_id AS "contract: ContractId", i.project_id AS "project: ProjectId",
                  i.expert_id AS "expert: ExpertId",
                  (i.payable
                   - COALESCE((SELECT SUM(amount) FROM invoice_payments p WHERE p.invoice_id = i.id), 0)
                   - COALESCE((SELECT SUM(total_ttc) FROM platform_invoices c
                               WHERE c.preceding_id = i.id AND c.kind = $2), 0)
                  )::numeric(12, 2) AS "outstanding!: rust_decimal::Decimal"
           FROM platform_invoices i WHERE i.id = $1 FOR UPDATE OF i"#,
        id as InvoiceId,
        InvoiceKind::CreditNote as InvoiceKind,
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let outstanding = Euros::new(r.outstanding.max(rust_decimal::Decimal::ZERO))
        .map_err(|_| AppError::Internal)?;
    Ok(Locked {
        id,
        kind: r.kind,
        number: r.number,
        issued_on: r.issued_on,
        contract: r.contract,
        path: (r.project, r.expert),
        outstanding,
    })
}

/// Records `amount` received on `invoice` (locked by the caller) and tells the expert.
pub(crate) async fn record(
    state: &AppState,
    conn: &mut PgConnection,
    invoice: &Locked,
    amount: Euros,
    paid_on: NaiveDate,
    source: PaymentSource,
    by: (Option<AccountId>, Option<StatementLineId>),
) -> Result<(), AppError> {
    sqlx::query!(
        "INSERT INTO invoice_payments (invoice_id, amount, paid_on, source, statement_line_id, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6)",
        invoice.id as InvoiceId,
        amount as Euros,
        paid_on as NaiveDate,
        source as PaymentSource,
        by.1 as Option<StatementLineId>,
        by.0 as Option<AccountId>,
    )
    .execute(&mut *conn)
    .await?;
    let sides = sides(conn, invoice.path.0, invoice.path.1)
        .await?
        .ok_or(AppError::Internal)?;
    let said = Said {
        contract: invoice.contract,
        change: BillingChange::InvoicePaid,
        by: Party::Admin,
        reference: invoice.number.clone(),
    };
    news::record(state, conn, &sides, invoice.path, said, Mail::Yes(None)).await
}

/// An admin records a transfer received, by hand.
pub async fn record_by_hand(
    state: &AppState,
    admin: AccountId,
    invoice: InvoiceId,
    amount: &str,
    paid_on: &str,
) -> Result<(), AppError> {
    let amount = Euros::parse(amount)
        .ok()
        .filter(|a| a.is_positive())
        .ok_or(AppError::Validation(Problem::PaymentAmount))?;
    let paid_on = parse_date(paid_on).map_err(|_| AppError::Validation(Problem::PaymentDate))?;
    let mut tx = state.pool.begin().await?;
    let locked = locked(&mut tx, invoice).await?;
    if locked.kind == InvoiceKind::CreditNote {
        return Err(AppError::NotFound);
    }
    if paid_on > state.clock.today() || paid_on < locked.issued_on {
        return Err(AppError::Validation(Problem::PaymentDate));
    }
    if !locked.outstanding.is_positive() {
        return Err(AppError::Validation(Problem::PaymentAlreadyConfirmed));
    }
    record(
        state,
        &mut tx,
        &locked,
        amount,
        paid_on,
        PaymentSource::Manual,
        (Some(admin), None),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An admin records that a credit note's refund was paid back to the expert.
pub async fn record_refund(
    state: &AppState,
    admin: AccountId,
    credit_note: InvoiceId,
    refunded_on: &str,
) -> Result<(), AppError> {
    let on = parse_date(refunded_on).map_err(|_| AppError::Validation(Problem::PaymentDate))?;
    let mut tx = state.pool.begin().await?;
    let locked = locked(&mut tx, credit_note).await?;
    if locked.kind != InvoiceKind::CreditNote {
        return Err(AppError::NotFound);
    }
    if on > state.clock.today() || on < locked.issued_on {
        return Err(AppError::Validation(Problem::PaymentDate));
    }
    let done = sqlx::query!(
        "UPDATE platform_refunds SET refunded_on = $2, recorded_by = $3
         WHERE credit_note_id = $1 AND refunded_on IS NULL AND amount > 0",
        credit_note as InvoiceId,
        on as NaiveDate,
        admin as AccountId,
    )
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::Validation(Problem::RefundNotDue));
    }
    let sides = sides(&mut tx, locked.path.0, locked.path.1)
        .await?
        .ok_or(AppError::Internal)?;
    let said = Said {
        contract: locked.contract,
        change: BillingChange::RefundMade,
        by: Party::Admin,
        reference: locked.number.clone(),
    };
    news::record(state, &mut tx, &sides, locked.path, said, Mail::Yes(None)).await?;
    tx.commit().await?;
    Ok(())
}
