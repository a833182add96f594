//! Reading quotes: every version of the paths a page shows, in two queries, and the
//! quote's entries in the paths' log.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sqlx::PgPool;

use crate::domain::id::{ExpertId, ProjectId};
use crate::domain::money::Euros;
use crate::domain::quote::{
    reference, PaymentTerms, QuoteChange, QuoteDraft, QuoteLine, QuoteState, QuoteUnit,
    QuoteVersion, QuoteView, TermsBasis, Totals, VatRate,
};
use crate::domain::selection::{Party, TimelineEntry, TimelineWhat};
use crate::error::AppError;

/// Sums are checked on the way in; a stored one that does not fit is a broken row.
fn euros(value: Decimal) -> Result<Euros, AppError> {
    Euros::new(value).map_err(|_| AppError::Internal)
}

/// The quote of each path of `keys`, in their order (without versions: none sent yet).
pub async fn quotes_of(
    pool: &PgPool,
    keys: &[(ProjectId, ExpertId)],
    today: NaiveDate,
) -> Result<Vec<QuoteView>, AppError> {
    let projects: Vec<ProjectId> = keys.iter().map(|k| k.0).collect();
    let experts: Vec<ExpertId> = keys.iter().map(|k| k.1).collect();
    let versions = sqlx::query!(
        r#"SELECT v.project_id AS "project: ProjectId", v.expert_id AS "expert: ExpertId",
                  q.number, v.version, v.state AS "state: QuoteState", v.franchise,
                  v.start_date AS "start_date: NaiveDate",
                  v.duration_days, v.terms_basis AS "terms_basis: TermsBasis", v.terms_days, v.valid_until AS "valid_until: NaiveDate",
                  v.sent_at AS "sent_at: DateTime<Utc>",
                  v.answered_at AS "answered_at: DateTime<Utc>", v.revision_comment
           FROM quote_versions v
           JOIN quotes q USING (project_id, expert_id)
           JOIN unnest($1::uuid[], $2::uuid[]) AS k(project_id, expert_id) USING (project_id, expert_id)
           ORDER BY v.version DESC"#,
        &projects as &[ProjectId],
        &experts as &[ExpertId],
    )
    .fetch_all(pool)
    .await?;
    let lines = sqlx::query!(
        r#"SELECT l.project_id AS "project: ProjectId", l.expert_id AS "expert: ExpertId",
                  l.version, l.description, l.quantity, l.unit AS "unit: QuoteUnit",
                  l.unit_price, l.vat_rate AS "vat: VatRate"
           FROM quote_lines l
           JOIN unnest($1::uuid[], $2::uuid[]) AS k(project_id, expert_id) USING (project_id, expert_id)
           ORDER BY l.version, l.position"#,
        &projects as &[ProjectId],
        &experts as &[ExpertId],
    )
    .fetch_all(pool)
    .await?;
    let mut lines_of: HashMap<(ProjectId, ExpertId, i32), Vec<QuoteLine>> = HashMap::new();
    for l in lines {
        lines_of
            .entry((l.project, l.expert, l.version))
            .or_default()
            .push(QuoteLine {
                description: l.description,
                quantity: l.quantity,
                unit: l.unit,
                unit_price: euros(l.unit_price)?,
                vat: l.vat,
            });
    }
    let mut views: HashMap<(ProjectId, ExpertId), QuoteView> = HashMap::new();
    for v in versions {
        let terms = PaymentTerms::new(
            v.terms_basis,
            u16::try_from(v.terms_days).unwrap_or(u16::MAX),
        )
        .map_err(|_| AppError::Internal)?;
        let lines = lines_of
            .remove(&(v.project, v.expert, v.version))
            .unwrap_or_default();
        let totals = Totals::of(&lines);
        let draft = QuoteDraft {
            lines,
            franchise: v.franchise,
            start_date: v.start_date,
            duration_days: u32::try_from(v.duration_days).map_err(|_| AppError::Internal)?,
            terms,
            valid_until: v.valid_until,
        };
        let version = QuoteVersion {
            version: v.version,
            reference: reference(v.number, v.version),
            state: v.state,
            expired: v.state == QuoteState::Sent && today > draft.valid_until,
            draft,
            totals,
            sent_at: v.sent_at.to_rfc3339(),
            answered_at: v.answered_at.map(|at| at.to_rfc3339()),
            pdf: super::pdf::url(v.project, v.expert, v.version),
            revision_comment: v.revision_comment,
        };
        views
            .entry((v.project, v.expert))
            .or_insert_with(|| QuoteView {
                versions: Vec::new(),
                today,
            })
            .versions
            .push(version);
    }
    Ok(keys
        .iter()
        .map(|k| {
            views.remove(k).unwrap_or(QuoteView {
                versions: Vec::new(),
                today,
            })
        })
        .collect())
}

/// The quote's moves on these projects' paths (of one expert if given), each with the
/// time it was written, for the paths' log.
pub async fn timeline_entries(
    pool: &PgPool,
    projects: &[ProjectId],
    expert: Option<ExpertId>,
) -> Result<Vec<(DateTime<Utc>, ProjectId, ExpertId, TimelineEntry)>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT id, project_id AS "project: ProjectId", expert_id AS "expert: ExpertId",
                  version, change AS "change: QuoteChange", party AS "party: Party", total_ttc,
                  created_at AS "created_at: DateTime<Utc>"
           FROM quote_events
           WHERE project_id = ANY($1) AND ($2::uuid IS NULL OR expert_id = $2)
           ORDER BY id"#,
        projects as &[ProjectId],
        expert as Option<ExpertId>,
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            let what = TimelineWhat::Quote {
                change: r.change,
                version: r.version,
                ttc: euros(r.total_ttc)?,
            };
            let entry = TimelineEntry::new(r.id, r.party, r.created_at, what);
            Ok((r.created_at, r.project, r.expert, entry))
        })
        .collect()
}
