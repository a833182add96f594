//! The steps' reminders: a slot offer left unanswered past its deadline (the answering
//! side, and the admins), and a confirmed step the day before (both sides).

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::id::{ExpertId, ProjectId, StepId};
use crate::domain::notification::Notice;
use crate::domain::project::{ContactFormat, ProjectStatus};
use crate::domain::selection::step::{
    paris_wall_clock, step_deadline, StepNews, StepPlace, StepState, REMINDER_HOURS,
};
use crate::domain::selection::{add_working_days, Party};
use crate::error::AppError;
use crate::server::repo::notification;
use crate::server::state::AppState;

use super::reminders::active_admins;
use super::sides::sides;
use super::step_news::tell;

/// Reminds whoever has let a slot offer wait past its deadline (two working days), once
/// per offer, and tells the admins; returns how many steps were late.
pub async fn remind_late_answers(state: &AppState) -> Result<usize, AppError> {
    let today = state.clock.today();
    let awaiting = [StepState::AwaitingExpert, StepState::AwaitingClient];
    let waiting = sqlx::query!(
        r#"SELECT s.id AS "id: StepId", s.project_id AS "project: ProjectId",
                  s.expert_id AS "expert: ExpertId", s.format AS "format: ContactFormat",
                  s.state AS "state: StepState", s.meeting_link, s.address,
                  (s.state_since AT TIME ZONE 'Europe/Paris')::date AS "since!: NaiveDate"
           FROM selection_steps s JOIN projects p ON p.id = s.project_id
           WHERE s.state = ANY($1) AND p.status = $2
             AND (s.late_reminded_at IS NULL OR s.late_reminded_at < s.state_since)
           ORDER BY s.state_since LIMIT 500"#,
        &awaiting as &[StepState],
        ProjectStatus::Open as ProjectStatus,
    )
    .fetch_all(&state.pool)
    .await?;
    let admins = active_admins(&state.pool).await?;
    let mut reminded = 0;
    for step in waiting {
        let Some(deadline) = step_deadline(step.state) else {
            continue;
        };
        if today <= add_working_days(step.since, deadline.working_days) {
            continue;
        }
        let mut tx = state.pool.begin().await?;
        let marked = sqlx::query!(
            "UPDATE selection_steps SET late_reminded_at = $3
             WHERE id = $1 AND state = $2
               AND (late_reminded_at IS NULL OR late_reminded_at < state_since)",
            step.id as StepId,
            step.state as StepState,
            state.clock.now() as DateTime<Utc>,
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // Answered meanwhile, or reminded by another process.
        if marked == 0 {
            continue;
        }
        let Some(sides) = sides(&mut tx, step.project, step.expert).await? else {
            continue;
        };
        let place = StepPlace {
            format: step.format,
            link: step.meeting_link,
            address: step.address,
        };
        let news = StepNews::AnswerLate {
            format: step.format,
        };
        tell(state, &mut tx, &sides, deadline.who, news, &place, None).await?;
        let notice = Notice::DecisionOverdue {
            title: sides.title.clone(),
        };
        let admin_link = format!("/admin/projets/{}", step.project);
        for admin in &admins {
            notification::notify(&mut tx, *admin, &notice, Some(&admin_link)).await?;
        }
        tx.commit().await?;
        reminded += 1;
    }
    Ok(reminded)
}

/// Reminds both sides of each step confirmed for the next 24 hours, once (a step
/// confirmed less than a day ahead has just been announced: no reminder).
pub async fn remind_upcoming_steps(state: &AppState) -> Result<usize, AppError> {
    let now = state.clock.now();
    let mut tx = state.pool.begin().await?;
    let due = sqlx::query!(
        r#"SELECT id AS "id: StepId", project_id AS "project: ProjectId",
                  expert_id AS "expert: ExpertId", format AS "format: ContactFormat",
                  meeting_link, address, starts_at AS "starts_at!: DateTime<Utc>"
           FROM selection_steps
           WHERE state = $1 AND reminded_at IS NULL
             AND starts_at > $2 AND starts_at <= $2 + make_interval(hours => $3)
             AND state_since < starts_at - make_interval(hours => $3)
           ORDER BY starts_at LIMIT 200
           FOR UPDATE SKIP LOCKED"#,
        StepState::Confirmed as _,
        now as DateTime<Utc>,
        REMINDER_HOURS as i32,
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut reminded = 0;
    for step in due {
        // Mark first: a failure below rolls the mark back with the mails.
        sqlx::query!(
            "UPDATE selection_steps SET reminded_at = $2 WHERE id = $1",
            step.id as StepId,
            now as DateTime<Utc>,
        )
        .execute(&mut *tx)
        .await?;
        let Some(sides) = sides(&mut tx, step.project, step.expert).await? else {
            continue;
        };
        let place = StepPlace {
            format: step.format,
            link: step.meeting_link,
            address: step.address,
        };
        let news = StepNews::Upcoming {
            format: step.format,
            at: paris_wall_clock(step.starts_at),
        };
        for to in [Party::Client, Party::Expert] {
            tell(state, &mut tx, &sides, to, news, &place, None).await?;
        }
        reminded += 1;
    }
    tx.commit().await?;
    Ok(reminded)
}
