//! « Un projet dans votre domaine »: the experts a new project matches above a
//! threshold are told once, by e-mail and in the app; a sending cut short is retried.

use super::criteria;
use crate::domain::account::Role;
use crate::domain::id::{AccountId, ExpertId, ProjectId};
use crate::domain::lang::Lang;
use crate::domain::notification::Notice;
use crate::domain::project::ProjectStatus;
use crate::domain::session::CurrentUser;
use crate::error::AppError;
use crate::server::mail::{outbox, templates};
use crate::server::repo::notification;
use crate::server::state::AppState;

/// Experts scoring at least this (out of 1000) get "un projet dans votre domaine".
pub const NOTICE_THRESHOLD: u16 = 600;
/// The first batch of ranked experts looked at for notices; it grows until the
/// threshold is crossed, so that every expert above it is told.
const NOTICE_BATCH: usize = 200;

/// The projects of one client whose notices may reach experts within 24 hours. A
/// project beyond is published all the same (experts find it among their projects, the
/// admin pre-selects from it) but mails no one: a client cannot have their text sent to
/// every matching expert over and over.
pub const NOTICED_PROJECTS_PER_CLIENT_PER_DAY: i64 = 3;

/// Whether the client of `project` has used up their notices of the last 24 hours on
/// other projects (a project whose sending was cut short may finish it).
async fn notices_used_up(state: &AppState, project: ProjectId) -> Result<bool, AppError> {
    let noticed: i64 = sqlx::query_scalar!(
        r#"SELECT count(*) AS "noticed!" FROM projects p
         WHERE p.client_account_id = (SELECT client_account_id FROM projects WHERE id = $1)
           AND p.id <> $1
           AND EXISTS (SELECT 1 FROM project_notices n
                       WHERE n.project_id = p.id AND n.sent_at > now() - interval '24 hours')"#,
        project as ProjectId,
    )
    .fetch_one(&state.pool)
    .await?;
    Ok(noticed >= NOTICED_PROJECTS_PER_CLIENT_PER_DAY)
}

/// Mails and notifies the experts matching `project` above [`NOTICE_THRESHOLD`] who
/// accept such alerts; each expert is told once per project, however often this runs.
/// Nobody is told past the client's [`NOTICED_PROJECTS_PER_CLIENT_PER_DAY`]: the
/// project then counts as done, so that retries do not send it later either.
pub async fn send_notices(state: &AppState, project: ProjectId) -> Result<usize, AppError> {
    if notices_used_up(state, project).await? {
        tracing::info!(%project, "client's notices of the day used up: none sent");
        mark_done(state, project).await?;
        return Ok(0);
    }
    let criteria = criteria(&state.pool, project, state.clock.today()).await?;
    let mut k = NOTICE_BATCH;
    let ranked = loop {
        let ranked = state.matching_top(&criteria, k);
        let more = ranked.len() == k
            && ranked
                .last()
                .is_some_and(|r| r.score.total >= NOTICE_THRESHOLD);
        if !more {
            break ranked;
        }
        k *= 4;
    };
    let title: String = sqlx::query_scalar!(
        "SELECT title FROM projects WHERE id = $1",
        project as ProjectId,
    )
    .fetch_one(&state.pool)
    .await?;
    let link = format!("{}/projets", state.config.public_url.trim_end_matches('/'));
    let mut sent = 0;
    for r in ranked
        .into_iter()
        .filter(|r| r.score.total >= NOTICE_THRESHOLD)
    {
        let mut tx = state.pool.begin().await?;
        let recipient = sqlx::query!(
            r#"SELECT a.id AS "id: AccountId", a.email, a.display_name, a.language AS "language: Lang"
               FROM experts e
               JOIN accounts a ON a.id = e.account_id AND a.disabled_at IS NULL
               JOIN providers p ON p.account_id = a.id AND p.notify_projects
               WHERE e.id = $1"#,
            r.expert_id as ExpertId
        )
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| (row.id, row.email, row.display_name, row.language));
        let first_time = recipient.is_some()
            && sqlx::query!(
                "INSERT INTO project_notices (project_id, expert_id, score) VALUES ($1, $2, $3)
                 ON CONFLICT DO NOTHING",
                project as ProjectId,
                r.expert_id as ExpertId,
                i16::try_from(r.score.total).unwrap_or(i16::MAX),
            )
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
        let (Some((account, email, name, lang)), true) = (recipient, first_time) else {
            continue;
        };
        outbox::enqueue(
            &mut tx,
            &templates::project_notice(lang, &email, &name, &title, &link),
        )
        .await?;
        let notice = Notice::ProjectMatches {
            title: title.clone(),
        };
        notification::notify(&mut tx, account, &notice, Some("/projets")).await?;
        tx.commit().await?;
        sent += 1;
    }
    mark_done(state, project).await?;
    Ok(sent)
}

async fn mark_done(state: &AppState, project: ProjectId) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE projects SET notices_sent_at = now() WHERE id = $1",
        project as ProjectId,
    )
    .execute(&state.pool)
    .await?;
    Ok(())
}

/// Sends the notices of open projects whose sending failed (or was cut short by a
/// restart); each expert is still told once. Returns how many projects were done; a
/// project that fails again is logged and tried at the next round.
pub async fn retry_notices(state: &AppState) -> Result<usize, AppError> {
    let pending = sqlx::query_scalar!(
        r#"SELECT id AS "id: ProjectId" FROM projects WHERE status = $1 AND notices_sent_at IS NULL
          ORDER BY created_at LIMIT 100"#,
        ProjectStatus::Open as ProjectStatus,
    )
    .fetch_all(&state.pool)
    .await?;
    let mut done = 0;
    for project in &pending {
        // One project failing must not hold up the others.
        match send_notices(state, *project).await {
            Ok(sent) => {
                tracing::info!(%project, notices = sent, "project notices sent on retry");
                done += 1;
            }
            Err(err) => tracing::warn!(%project, error = ?err, "project notices failed again"),
        }
    }
    Ok(done)
}

/// Runs [`retry_notices`] every five minutes, for ever.
pub async fn run_notice_retries(state: AppState) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(300));
    loop {
        tick.tick().await;
        if let Err(err) = retry_notices(&state).await {
            tracing::warn!(error = ?err, "project notice retry failed");
        }
    }
}

/// Whether the provider receives « un projet dans votre domaine »; `None` for the other
/// roles, who have no such setting.
pub async fn alerts(pool: &sqlx::PgPool, user: &CurrentUser) -> Result<Option<bool>, AppError> {
    if user.role != Role::Provider {
        return Ok(None);
    }
    let on: Option<bool> = sqlx::query_scalar!(
        "SELECT notify_projects FROM providers WHERE account_id = $1",
        user.id as AccountId,
    )
    .fetch_optional(pool)
    .await?;
    Ok(Some(on.unwrap_or(false)))
}

/// Turns provider `account`'s project alerts on or off.
pub async fn set_alerts(pool: &sqlx::PgPool, account: AccountId, on: bool) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE providers SET notify_projects = $2 WHERE account_id = $1",
        account as AccountId,
        on,
    )
    .execute(pool)
    .await?;
    Ok(())
}
