//! An issued invoice's document: a Factur-X PDF (the CII XML of profile EN 16931 inside a
//! PDF/A-3), drawn once from the document stored at issue, so that the file and the XML
//! say what was issued for ever. Drawn after the issuing transaction by the worker
//! (woken by NOTIFY), or on the first download if the worker has not come to it yet;
//! the expert receives it by mail when it is drawn.

use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::domain::billing::epc::epc_payload;
use crate::domain::billing::events::BillingChange;
use crate::domain::billing::facturx::cii_xml;
use crate::domain::billing::invoice::{InvoiceDocument, InvoiceKind};
use crate::domain::id::{InvoiceId, ProjectId};
use crate::domain::lang::Lang;
use crate::domain::selection::Party;
use crate::error::AppError;
use crate::server::jobs::listen::Subscription;
use crate::server::mail::{outbox, templates};
use crate::server::pdf::{qr_matrix, render_facturx_bounded, Meta};
use crate::server::state::AppState;
use crate::server::storage::{Key, Storage};

use super::news::page_of;

/// The invoice's file name: its number.
pub fn file_name(number: &str) -> String {
    format!("{number}.pdf")
}

/// The invoice's Factur-X PDF: the stored one, or drawn now (once: the row is locked
/// while it is drawn, and a second caller waits and reads the stored file).
pub async fn pdf(state: &AppState, id: InvoiceId) -> Result<(String, Vec<u8>), AppError> {
    let mut tx = state.pool.begin().await?;
    let r = sqlx::query!(
        r#"SELECT i.number, i.document, i.pdf_key, i.project_id AS "project: ProjectId",
                  a.language AS "lang: Lang", a.email, e.first_name, pr.title
           FROM platform_invoices i
           JOIN experts e ON e.id = i.expert_id JOIN accounts a ON a.id = e.account_id
           JOIN projects pr ON pr.id = i.project_id
           WHERE i.id = $1 FOR UPDATE OF i"#,
        id as InvoiceId,
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    if let Some(stored) = r.pdf_key {
        tx.commit().await?;
        let bytes = state
            .storage
            .get(&Key::parse(&stored).ok_or(AppError::Internal)?)
            .await
            .map_err(|err| {
                tracing::error!(error = %err, "reading an invoice failed");
                AppError::Unavailable
            })?
            .ok_or(AppError::NotFound)?;
        return Ok((file_name(&r.number), bytes));
    }
    let doc: InvoiceDocument = serde_json::from_value(r.document).map_err(|err| {
        tracing::error!(error = %err, "unreadable issued invoice");
        AppError::Internal
    })?;
    let bytes = draw(state, r.lang, &doc).await?;
    let key = Key::new("invoices", Uuid::new_v4()).map_err(|_| AppError::Internal)?;
    state
        .storage
        .put(&key, bytes.clone())
        .await
        .map_err(|err| {
            tracing::error!(error = %err, "storing an invoice failed");
            AppError::Unavailable
        })?;
    sqlx::query!(
        "UPDATE platform_invoices SET pdf_key = $2, pdf_sha256 = $3 WHERE id = $1",
        id as InvoiceId,
        key.as_str(),
        Sha256::digest(&bytes).to_vec(),
    )
    .execute(&mut *tx)
    .await?;
    let change = match doc.kind {
        InvoiceKind::Advance => BillingChange::AdvanceIssued,
        InvoiceKind::Final => BillingChange::FinalIssued,
        InvoiceKind::CreditNote => BillingChange::CreditIssued,
    };
    let link = format!(
        "{}{}",
        state.config.public_url.trim_end_matches('/'),
        page_of(Party::Expert, r.project)
    );
    let mut mail = templates::billing_changed(
        r.lang,
        &r.email,
        &r.first_name,
        &r.title,
        change,
        &doc.number,
        &link,
        true,
    );
    mail.attachment = Some((file_name(&doc.number), bytes.clone()));
    outbox::enqueue(&mut tx, &mail).await?;
    if let Err(err) = tx.commit().await {
        if let Err(err) = state.storage.delete(&key).await {
            tracing::warn!(error = %err, "removing an unrecorded invoice failed");
        }
        return Err(err.into());
    }
    Ok((file_name(&doc.number), bytes))
}

/// The PDF of `doc` in the expert's language, with its XML and its payment QR code.
pub async fn draw(
    state: &AppState,
    lang: Lang,
    doc: &InvoiceDocument,
) -> Result<Vec<u8>, AppError> {
    let qr = if doc.kind != InvoiceKind::CreditNote && doc.payable.is_positive() {
        let payload = epc_payload(
            &doc.seller.name,
            &doc.seller_iban,
            doc.seller_bic.as_deref(),
            doc.payable,
            &doc.payment_reference,
            "",
        )
        .map_err(|err| {
            tracing::error!(error = %err, "no payment QR code for an invoice");
            AppError::Internal
        })?;
        Some(qr_matrix(&payload)?)
    } else {
        None
    };
    let blocks = super::template::blocks(lang, doc, qr);
    let meta = Meta {
        title: super::template::title(lang, doc),
        language: lang.code().to_string(),
        footer: doc.number.clone(),
        created: doc
            .issued_on
            .and_hms_opt(12, 0, 0)
            .map(|t| t.and_utc())
            .unwrap_or_else(|| state.clock.now()),
    };
    render_facturx_bounded(blocks, meta, cii_xml(doc).into_bytes()).await
}

/// Draws the invoices not drawn yet, oldest first; returns how many were drawn.
pub async fn draw_pending(state: &AppState) -> Result<usize, AppError> {
    let ids = sqlx::query_scalar!(
        r#"SELECT id AS "id: InvoiceId" FROM platform_invoices
           WHERE pdf_key IS NULL ORDER BY created_at LIMIT 50"#
    )
    .fetch_all(&state.pool)
    .await?;
    for id in &ids {
        pdf(state, *id).await?;
    }
    Ok(ids.len())
}

/// Draws what is issued, when woken and once a minute (for what a failure left behind).
pub async fn run(state: AppState, mut wake: Subscription) {
    loop {
        if let Err(err) = draw_pending(&state).await {
            tracing::warn!(error = %err, "drawing invoices failed; retrying later");
        }
        let _ = tokio::time::timeout(std::time::Duration::from_secs(60), wake.next()).await;
    }
}
