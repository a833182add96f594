//! The billing pages' reads: the expert's invoices, credit notes and missions, the
//! client's mission invoices, the admins' list with its sums and the statement lines
//! left for review.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sqlx::PgPool;

use crate::domain::billing::events::{LineState, UnmatchedWhy};
use crate::domain::billing::invoice::{payment_state, InvoiceKind, PaymentState};
use crate::domain::billing::penalty::late_penalty;
use crate::domain::billing::views::{
    AdminBilling, BillingTotals, ExpertBilling, MissionBilling, MissionInvoiceView,
    PlatformInvoiceView, RefundView, StatementLineView,
};
use crate::domain::contract::ContractSnapshot;
use crate::domain::id::{
    AccountId, ContractId, InvoiceId, MissionInvoiceId, ProjectId, StatementLineId,
};
use crate::domain::money::Euros;
use crate::domain::quote::{PaymentTerms, TermsBasis};
use crate::error::AppError;

/// Billing's moves on these projects' paths (of one expert if given); the platform's own
/// invoices only in the expert's log.
pub async fn timeline_entries(
    pool: &PgPool,
    projects: &[ProjectId],
    expert: Option<crate::domain::id::ExpertId>,
    for_expert: bool,
) -> Result<
    Vec<(
        chrono::DateTime<chrono::Utc>,
        ProjectId,
        crate::domain::id::ExpertId,
        crate::domain::selection::TimelineEntry,
    )>,
    AppError,
> {
    use crate::domain::billing::events::BillingChange;
    use crate::domain::id::ExpertId;
    use crate::domain::selection::{Party, TimelineEntry, TimelineWhat};
    let rows = sqlx::query!(
        r#"SELECT id, project_id AS "project: ProjectId", expert_id AS "expert: ExpertId",
                  change AS "change: BillingChange", party AS "party: Party", reference,
                  created_at AS "created_at: chrono::DateTime<chrono::Utc>"
           FROM billing_events
           WHERE project_id = ANY($1) AND ($2::uuid IS NULL OR expert_id = $2)
           ORDER BY id"#,
        projects as &[ProjectId],
        expert as Option<ExpertId>,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter(|r| for_expert || r.change.client_sees())
        .map(|r| {
            let what = TimelineWhat::Billing {
                change: r.change,
                reference: r.reference,
            };
            let entry = TimelineEntry::new(r.id, r.party, r.created_at, what);
            (r.created_at, r.project, r.expert, entry)
        })
        .collect())
}

fn euros(d: Decimal) -> Result<Euros, AppError> {
    Euros::new(d.max(Decimal::ZERO)).map_err(|_| AppError::Internal)
}

/// The platform's invoices of one expert's account, or all of them (admins).
pub async fn platform_invoices(
    pool: &PgPool,
    expert_account: Option<AccountId>,
    today: NaiveDate,
) -> Result<Vec<PlatformInvoiceView>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT i.id AS "id: InvoiceId", i.kind AS "kind: InvoiceKind", i.number,
                  i.issued_on AS "issued_on: NaiveDate", i.due_on AS "due_on: NaiveDate",
                  i.total_ht AS "total_ht: Euros", i.total_vat AS "total_vat: Euros",
                  i.total_ttc AS "total_ttc: Euros", i.payable AS "payable: Euros",
                  i.payment_reference, p.number AS "preceding?", pr.title, e.first_name, e.last_name,
                  COALESCE((SELECT SUM(amount) FROM invoice_payments x WHERE x.invoice_id = i.id), 0)
                      AS "paid!: Decimal",
                  (SELECT MAX(paid_on) FROM invoice_payments x WHERE x.invoice_id = i.id)
                      AS "last_paid: NaiveDate",
                  COALESCE((SELECT SUM(total_ttc) FROM platform_invoices c
                            WHERE c.preceding_id = i.id AND c.kind = $3), 0) AS "credited!: Decimal",
                  r.amount AS "refund?: Euros", r.refunded_on AS "refunded_on: NaiveDate"
           FROM platform_invoices i
           JOIN experts e ON e.id = i.expert_id
           JOIN projects pr ON pr.id = i.project_id
           LEFT JOIN platform_invoices p ON p.id = i.preceding_id
           LEFT JOIN platform_refunds r ON r.credit_note_id = i.id
           WHERE $1::uuid IS NULL OR e.account_id = $1
           ORDER BY i.issued_on DESC, i.number DESC
           LIMIT $2"#,
        expert_account as Option<AccountId>,
        500_i64,
        InvoiceKind::CreditNote as InvoiceKind,
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            let outstanding = r.payable.as_decimal() - r.paid - r.credited;
            let state = match r.kind {
                InvoiceKind::CreditNote => match (r.refund, r.refunded_on) {
                    (Some(a), None) if a.is_positive() => PaymentState::Unpaid,
                    _ => PaymentState::Paid,
                },
                _ if !r.payable.is_positive() => PaymentState::Paid,
                _ if r.credited > Decimal::ZERO && outstanding <= Decimal::ZERO => {
                    PaymentState::Cancelled
                }
                _ => payment_state(
                    r.due_on,
                    (outstanding <= Decimal::ZERO).then(|| r.last_paid.unwrap_or(today)),
                    false,
                    today,
                ),
            };
            Ok(PlatformInvoiceView {
                id: r.id,
                kind: r.kind,
                number: r.number,
                issued_on: r.issued_on.to_string(),
                due_on: r.due_on.to_string(),
                total_ht: r.total_ht,
                total_vat: r.total_vat,
                total_ttc: r.total_ttc,
                payable: r.payable,
                paid: euros(r.paid)?,
                state,
                payment_reference: r.payment_reference,
                preceding: r.preceding,
                project_title: r.title,
                expert_name: format!("{} {}", r.first_name, r.last_name.unwrap_or_default()),
                refund: r.refund.map(|amount| RefundView {
                    amount,
                    refunded_on: r.refunded_on.map(|d| d.to_string()),
                }),
                pdf: format!("/factures/{}", r.id),
            })
        })
        .collect()
}

/// The missions of signed contracts of one expert's or one client's account, with their
/// deposited invoices.
pub async fn missions(
    pool: &PgPool,
    account: AccountId,
    project: Option<ProjectId>,
    today: NaiveDate,
) -> Result<Vec<MissionBilling>, AppError> {
    let contracts = sqlx::query!(
        r#"SELECT c.id AS "id: ContractId", c.snapshot, c.mission_signed_on AS "signed_on: NaiveDate",
                  e.account_id = $1 AS "is_expert!", q.terms_basis AS "basis: TermsBasis", q.terms_days
           FROM contracts c
           JOIN experts e ON e.id = c.expert_id JOIN projects pr ON pr.id = c.project_id
           JOIN quote_versions q ON q.project_id = c.project_id AND q.expert_id = c.expert_id
                                AND q.version = c.quote_version
           WHERE c.state = $2 AND (e.account_id = $1 OR pr.client_account_id = $1)
             AND ($3::uuid IS NULL OR c.project_id = $3)
           ORDER BY c.signed_at DESC"#,
        account as AccountId,
        crate::domain::contract::ContractState::Signed as crate::domain::contract::ContractState,
        project as Option<ProjectId>,
    )
    .fetch_all(pool)
    .await?;
    let mut out = Vec::with_capacity(contracts.len());
    for c in contracts {
        let snapshot: ContractSnapshot =
            serde_json::from_value(c.snapshot).map_err(|_| AppError::Internal)?;
        let days = u16::try_from(c.terms_days).map_err(|_| AppError::Internal)?;
        let terms = PaymentTerms::new(c.basis, days).map_err(|_| AppError::Internal)?;
        let rows = sqlx::query!(
            r#"SELECT id AS "id: MissionInvoiceId", number, issued_on AS "issued_on: NaiveDate",
                      service_on AS "service_on: NaiveDate", due_on AS "due_on: NaiveDate",
                      amount_ht AS "amount_ht: Euros", amount_ttc AS "amount_ttc: Euros",
                      paid_on AS "paid_on: NaiveDate"
               FROM mission_invoices WHERE contract_id = $1 ORDER BY uploaded_at"#,
            c.id as ContractId,
        )
        .fetch_all(pool)
        .await?;
        let invoices = rows
            .into_iter()
            .map(|r| MissionInvoiceView {
                id: r.id,
                number: r.number,
                issued_on: r.issued_on.to_string(),
                service_on: r.service_on.to_string(),
                due_on: r.due_on.to_string(),
                amount_ht: r.amount_ht,
                amount_ttc: r.amount_ttc,
                quote_ttc_differs: (r.amount_ttc != snapshot.total_ttc)
                    .then_some(snapshot.total_ttc),
                paid_on: r.paid_on.map(|d| d.to_string()),
                state: payment_state(r.due_on, r.paid_on, false, today),
                penalty: late_penalty(r.amount_ttc, r.due_on, r.paid_on.unwrap_or(today)),
                file: format!("/facturation/missions/factures/{}", r.id),
            })
            .collect();
        out.push(MissionBilling {
            contract: c.id,
            contract_reference: snapshot.reference.clone(),
            project_title: snapshot.project_title.clone(),
            counterpart: if c.is_expert {
                snapshot.client.name.clone()
            } else {
                snapshot.expert.name.clone()
            },
            quote_ht: snapshot.total_ht,
            quote_ttc: snapshot.total_ttc,
            terms,
            mission_signed_on: c.signed_on.map(|d| d.to_string()),
            invoices,
        });
    }
    Ok(out)
}

pub async fn expert(
    pool: &PgPool,
    account: AccountId,
    today: NaiveDate,
) -> Result<ExpertBilling, AppError> {
    Ok(ExpertBilling {
        invoices: platform_invoices(pool, Some(account), today).await?,
        missions: missions(pool, account, None, today).await?,
    })
}

pub async fn admin(pool: &PgPool, today: NaiveDate) -> Result<AdminBilling, AppError> {
    let invoices = platform_invoices(pool, None, today).await?;
    let mut totals = BillingTotals::default();
    for i in &invoices {
        let remaining = i.payable.checked_sub(i.paid).unwrap_or(Euros::ZERO);
        match i.kind {
            InvoiceKind::CreditNote => {
                if let Some(r) = &i.refund {
                    if r.refunded_on.is_none() {
                        totals.refunds_due = totals.refunds_due + r.amount;
                    }
                }
            }
            _ => {
                totals.issued = totals.issued + i.total_ttc;
                totals.paid = totals.paid + i.paid;
                match i.state {
                    PaymentState::Unpaid => totals.unpaid = totals.unpaid + remaining,
                    PaymentState::Overdue => {
                        totals.unpaid = totals.unpaid + remaining;
                        totals.overdue = totals.overdue + remaining;
                    }
                    _ => {}
                }
            }
        }
    }
    let unmatched = sqlx::query!(
        r#"SELECT id AS "id: StatementLineId", booked_on AS "booked_on: NaiveDate",
                  amount AS "amount: Euros", credit, reference, debtor, details,
                  why AS "why!: UnmatchedWhy"
           FROM bank_statement_lines WHERE state = $1 ORDER BY id LIMIT 200"#,
        LineState::Unmatched as LineState,
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| StatementLineView {
        id: r.id,
        booked_on: r.booked_on.to_string(),
        amount: r.amount,
        credit: r.credit,
        reference: r.reference,
        debtor: r.debtor,
        details: r.details,
        why: r.why,
    })
    .collect();
    Ok(AdminBilling {
        totals,
        invoices,
        unmatched,
    })
}
