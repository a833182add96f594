//! The quote's moves: the selected expert sends a version, the client accepts it or asks
//! for a revision. Each move is one transaction with the path's row locked: the version,
//! its entry in the path's log, the live event and the other side's notice and mail.

use sqlx::PgConnection;

use crate::domain::contract::ClientSignatoryForm;
use crate::domain::id::{ExpertId, ProjectId};
use crate::domain::live::LiveKind;
use crate::domain::money::Euros;
use crate::domain::notification::Notice;
use crate::domain::quote::{
    self, QuoteAnswer, QuoteChange, QuoteForm, QuoteState, QuoteUnit, Totals, VatRate,
};
use crate::domain::selection::{Party, ProposalState};
use crate::domain::session::CurrentUser;
use crate::error::{AppError, Problem};
use crate::server::mail::{outbox, templates};
use crate::server::repo::notification;
use crate::server::selection::sides::{open_project, party, sides, Sides};
use crate::server::state::AppState;

struct Latest {
    version: i32,
    state: QuoteState,
    valid_until: chrono::NaiveDate,
}

async fn latest(
    conn: &mut PgConnection,
    (project, expert): (ProjectId, ExpertId),
) -> Result<Option<Latest>, sqlx::Error> {
    sqlx::query_as!(
        Latest,
        r#"SELECT version, state AS "state: QuoteState", valid_until AS "valid_until: chrono::NaiveDate" FROM quote_versions
           WHERE project_id = $1 AND expert_id = $2 ORDER BY version DESC LIMIT 1"#,
        project as ProjectId,
        expert as ExpertId,
    )
    .fetch_optional(conn)
    .await
}

/// The path's two sides, locked, with the caller's party checked against `expected`.
async fn locked_path(
    conn: &mut PgConnection,
    caller: &CurrentUser,
    (project, expert): (ProjectId, ExpertId),
    expected: Party,
) -> Result<Sides, AppError> {
    let sides = sides(conn, project, expert)
        .await?
        .ok_or(AppError::NotFound)?;
    if party(caller, &sides)? != expected {
        return Err(AppError::Forbidden);
    }
    open_project(&sides)?;
    Ok(sides)
}

/// The selected expert sends a version of their quote: the first, or a revision (the
/// waiting version, if any, is superseded). Returns the new version's number.
pub async fn send(
    state: &AppState,
    caller: &CurrentUser,
    path: (ProjectId, ExpertId),
    form: &QuoteForm,
) -> Result<i32, AppError> {
    let draft = form
        .parse(state.clock.today())
        .map_err(AppError::Validation)?;
    let mut tx = state.pool.begin().await?;
    let sides = locked_path(&mut tx, caller, path, Party::Expert).await?;
    let latest = latest(&mut tx, path).await?;
    quote::may_send(sides.state, latest.as_ref().map(|l| l.state)).map_err(AppError::Validation)?;
    let (project, expert) = path;
    sqlx::query!(
        "INSERT INTO quotes (project_id, expert_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        project as ProjectId,
        expert as ExpertId,
    )
    .execute(&mut *tx)
    .await?;
    if let Some(l) = &latest {
        if l.state != QuoteState::Superseded {
            sqlx::query!(
                "UPDATE quote_versions SET state = $4
                 WHERE project_id = $1 AND expert_id = $2 AND version = $3",
                project as ProjectId,
                expert as ExpertId,
                l.version,
                QuoteState::Superseded as QuoteState,
            )
            .execute(&mut *tx)
            .await?;
        }
    }
    let version = latest.map_or(1, |l| l.version + 1);
    let totals = Totals::of(&draft.lines);
    sqlx::query!(
        "INSERT INTO quote_versions
             (project_id, expert_id, version, state, franchise, start_date, duration_days,
              terms_basis, terms_days, valid_until, total_ht, total_vat, total_ttc)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        project as ProjectId,
        expert as ExpertId,
        version,
        QuoteState::Sent as QuoteState,
        draft.franchise,
        draft.start_date as chrono::NaiveDate,
        draft.duration_days as i32,
        draft.terms.basis as quote::TermsBasis,
        i32::from(draft.terms.days),
        draft.valid_until as chrono::NaiveDate,
        totals.ht.as_decimal(),
        totals.vat.as_decimal(),
        totals.ttc.as_decimal(),
    )
    .execute(&mut *tx)
    .await?;
    let positions: Vec<i16> = (1..=draft.lines.len() as i16).collect();
    let descriptions: Vec<&str> = draft.lines.iter().map(|l| l.description.as_str()).collect();
    let quantities: Vec<_> = draft.lines.iter().map(|l| l.quantity).collect();
    let units: Vec<QuoteUnit> = draft.lines.iter().map(|l| l.unit).collect();
    let prices: Vec<_> = draft
        .lines
        .iter()
        .map(|l| l.unit_price.as_decimal())
        .collect();
    let rates: Vec<VatRate> = draft.lines.iter().map(|l| l.vat).collect();
    sqlx::query!(
        "INSERT INTO quote_lines
             (project_id, expert_id, version, position, description, quantity, unit, unit_price, vat_rate)
         SELECT $1, $2, $3, * FROM unnest($4::smallint[], $5::text[], $6::numeric[], $7::text[],
                                          $8::numeric[], $9::text[])",
        project as ProjectId,
        expert as ExpertId,
        version,
        &positions,
        &descriptions as &[&str],
        &quantities,
        &units as &[QuoteUnit],
        &prices,
        &rates as &[VatRate],
    )
    .execute(&mut *tx)
    .await?;
    let moved = Moved {
        change: QuoteChange::Sent,
        version,
        ttc: totals.ttc,
        by: Party::Expert,
    };
    record(state, &mut tx, &sides, path, moved).await?;
    tx.commit().await?;
    tracing::info!(%project, %expert, version, "quote sent");
    Ok(version)
}

/// The client's answer to version `version`, the latest one. Accepting it names the
/// company's signatory (`details`) and draws the intermediation contract.
pub async fn answer(
    state: &AppState,
    caller: &CurrentUser,
    path: (ProjectId, ExpertId),
    version: i32,
    answer: &QuoteAnswer,
    details: &ClientSignatoryForm,
) -> Result<QuoteState, AppError> {
    let mut tx = state.pool.begin().await?;
    let sides = locked_path(&mut tx, caller, path, Party::Client).await?;
    if sides.state != ProposalState::Selected {
        return Err(AppError::Validation(Problem::QuoteNotExpected));
    }
    let latest = latest(&mut tx, path)
        .await?
        .ok_or(AppError::Validation(Problem::QuoteNotExpected))?;
    let to = quote::answer(
        latest.state,
        latest.version,
        version,
        latest.valid_until,
        state.clock.today(),
        answer,
    )
    .map_err(AppError::Validation)?;
    let client = if to == QuoteState::Accepted {
        let company = sqlx::query!(
            "SELECT company_name, siret FROM clients WHERE account_id = $1",
            sides.client.account as crate::domain::id::AccountId,
        )
        .fetch_one(&mut *tx)
        .await?;
        Some(
            details
                .parse(&company.company_name, &company.siret)
                .map_err(AppError::Validation)?,
        )
    } else {
        None
    };
    let comment = match answer {
        QuoteAnswer::AskRevision(comment) => Some(comment.trim()),
        QuoteAnswer::Accept => None,
    };
    let (project, expert) = path;
    let ttc = sqlx::query_scalar!(
        "UPDATE quote_versions SET state = $4, answered_at = now(), revision_comment = $5
         WHERE project_id = $1 AND expert_id = $2 AND version = $3 RETURNING total_ttc",
        project as ProjectId,
        expert as ExpertId,
        version,
        to as QuoteState,
        comment,
    )
    .fetch_one(&mut *tx)
    .await?;
    let change = match to {
        QuoteState::Accepted => QuoteChange::Accepted,
        _ => QuoteChange::RevisionRequested,
    };
    let moved = Moved {
        change,
        version,
        ttc: Euros::new(ttc).map_err(|_| AppError::Internal)?,
        by: Party::Client,
    };
    record(state, &mut tx, &sides, path, moved).await?;
    let drawn = match client {
        Some(client) => Some(
            crate::server::contract::draw(state, &mut tx, &sides, path, version, client).await?,
        ),
        None => None,
    };
    if let Err(err) = tx.commit().await {
        if let Some(drawn) = drawn {
            crate::server::contract::forget(state, &drawn.key).await;
        }
        return Err(err.into());
    }
    tracing::info!(%project, %expert, version, ?to, "quote answered");
    Ok(to)
}

struct Moved {
    change: QuoteChange,
    version: i32,
    ttc: Euros,
    by: Party,
}

/// The move in the path's log, pushed live, and told to the other side.
async fn record(
    state: &AppState,
    conn: &mut PgConnection,
    sides: &Sides,
    (project, expert): (ProjectId, ExpertId),
    m: Moved,
) -> Result<(), AppError> {
    sqlx::query!(
        "INSERT INTO quote_events (project_id, expert_id, version, change, party, total_ttc)
         VALUES ($1, $2, $3, $4, $5, $6)",
        project as ProjectId,
        expert as ExpertId,
        m.version,
        m.change as QuoteChange,
        m.by as Party,
        m.ttc.as_decimal(),
    )
    .execute(&mut *conn)
    .await?;
    crate::server::live::publish_path(conn, LiveKind::Path, project, expert).await?;
    let (side, path) = if m.by == Party::Expert {
        (&sides.client, format!("/mes-projets/{project}"))
    } else {
        (&sides.expert, "/mes-propositions".to_string())
    };
    let notice = Notice::QuoteChanged {
        title: sides.title.clone(),
        change: m.change,
        version: m.version,
    };
    notification::notify(conn, side.account, &notice, Some(&path)).await?;
    let link = format!("{}{path}", state.config.public_url.trim_end_matches('/'));
    let mail = templates::quote_changed(
        side.lang,
        &side.email,
        &side.name,
        &sides.title,
        (m.change, m.version, m.ttc),
        &link,
    );
    outbox::enqueue(conn, &mail).await?;
    Ok(())
}
