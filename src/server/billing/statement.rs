//! A bank statement (ISO 20022 camt.053) imported by an admin: each credit whose
//! reference and amount are an open invoice's is recorded as its payment; the rest is
//! kept for review with why. One transaction: a statement is imported whole or not at
//! all, and the same file twice is refused.

use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::domain::billing::camt::{match_lines, parse_statement, LineMatch, OpenInvoice};
use crate::domain::billing::events::{LineState, PaymentSource, UnmatchedWhy};
use crate::domain::billing::invoice::InvoiceKind;
use crate::domain::billing::views::ImportReport;
use crate::domain::id::{AccountId, InvoiceId, StatementId, StatementLineId};
use crate::domain::money::Euros;
use crate::error::{AppError, Problem};
use crate::server::state::AppState;

/// A statement is a few hundred kilobytes; 5 MB is a year of a small company's.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

fn why_of(reason: &str) -> UnmatchedWhy {
    match reason {
        "debit" => UnmatchedWhy::Debit,
        "amount differs" => UnmatchedWhy::AmountDiffers,
        "already matched" => UnmatchedWhy::AlreadyPaid,
        _ => UnmatchedWhy::UnknownReference,
    }
}

pub async fn import(
    state: &AppState,
    admin: AccountId,
    bytes: &[u8],
) -> Result<ImportReport, AppError> {
    if bytes.len() > MAX_BYTES {
        return Err(AppError::TooLarge(Problem::FileTooLarge {
            max_mb: MAX_BYTES / (1024 * 1024),
        }));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| AppError::Validation(Problem::StatementUnreadable))?;
    let lines =
        parse_statement(text).map_err(|_| AppError::Validation(Problem::StatementUnreadable))?;
    let mut tx = state.pool.begin().await?;
    let statement = StatementId::new(Uuid::new_v4());
    let inserted = sqlx::query!(
        "INSERT INTO bank_statements (id, sha256, imported_by) VALUES ($1, $2, $3)
         ON CONFLICT (sha256) DO NOTHING",
        statement as StatementId,
        Sha256::digest(bytes).to_vec(),
        admin as AccountId,
    )
    .execute(&mut *tx)
    .await?;
    if inserted.rows_affected() == 0 {
        return Err(AppError::Validation(Problem::StatementAlreadyImported));
    }
    // The open invoices, locked: a payment recorded by hand meanwhile waits for us.
    let open_rows = sqlx::query!(
        r#"SELECT id AS "id: InvoiceId" FROM platform_invoices
           WHERE kind <> $1 AND payable > 0 ORDER BY issued_on FOR UPDATE"#,
        InvoiceKind::CreditNote as InvoiceKind,
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut open = Vec::new();
    let mut locked = Vec::new();
    for r in open_rows {
        let l = super::payments::locked(&mut tx, r.id).await?;
        if l.outstanding.is_positive() {
            let reference = sqlx::query_scalar!(
                "SELECT payment_reference FROM platform_invoices WHERE id = $1",
                r.id as InvoiceId
            )
            .fetch_one(&mut *tx)
            .await?;
            open.push(OpenInvoice {
                number: l.number.clone(),
                reference,
                payable: l.outstanding,
            });
            locked.push(l);
        }
    }
    let matches = match_lines(&lines, &open);
    let mut report = ImportReport {
        lines: lines.len(),
        matched: Vec::new(),
        unmatched: 0,
    };
    for (line, found) in lines.iter().zip(matches) {
        let (state_of, why) = match &found {
            LineMatch::Paid { .. } => (LineState::Matched, None),
            LineMatch::Unmatched(reason) => (LineState::Unmatched, Some(why_of(reason))),
        };
        let id = sqlx::query_scalar!(
            r#"INSERT INTO bank_statement_lines (statement_id, entry_ref, amount, credit, booked_on,
                      reference, debtor, details, state, why)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
               RETURNING id AS "id: StatementLineId""#,
            statement as StatementId,
            line.entry_ref,
            line.amount as Euros,
            line.credit,
            line.booked_on as NaiveDate,
            line.reference,
            line.debtor,
            line.text,
            state_of as LineState,
            why as Option<UnmatchedWhy>,
        )
        .fetch_one(&mut *tx)
        .await?;
        match found {
            LineMatch::Paid { invoice } => {
                let l = &locked[invoice];
                super::payments::record(
                    state,
                    &mut tx,
                    l,
                    line.amount,
                    line.booked_on,
                    PaymentSource::Statement,
                    (Some(admin), Some(id)),
                )
                .await?;
                report.matched.push(l.number.clone());
            }
            LineMatch::Unmatched(_) => report.unmatched += 1,
        }
    }
    tx.commit().await?;
    tracing::info!(
        lines = report.lines,
        matched = report.matched.len(),
        "statement imported"
    );
    Ok(report)
}

/// An admin looked at an unmatched line: not a payment of ours.
pub async fn dismiss(state: &AppState, line: StatementLineId) -> Result<(), AppError> {
    let done = sqlx::query!(
        "UPDATE bank_statement_lines SET state = $2, why = NULL WHERE id = $1 AND state = $3",
        line as StatementLineId,
        LineState::Dismissed as LineState,
        LineState::Unmatched as LineState,
    )
    .execute(&state.pool)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}
