//! Client projects: the wizard's draft kept on the server, submission, the matching
//! criteria of a project. The notices sent to matching experts: [`notices`].

mod drafts;
mod lifecycle;
mod notices;
mod submit;

pub use drafts::{drafts, wizard, Opening};
pub use lifecycle::{edit_under_way, end, ending, parse_ending};
pub use notices::{
    alerts, retry_notices, run_notice_retries, send_notices, set_alerts,
    NOTICED_PROJECTS_PER_CLIENT_PER_DAY, NOTICE_THRESHOLD,
};
pub use submit::submit;

use chrono::NaiveDate;
use sqlx::PgPool;

use crate::domain::id::{AccountId, ProjectDraftId, ProjectId};
use crate::domain::matching::{LanguageRequirement, ProjectCriteria};
use crate::domain::money::Euros;
use crate::domain::profile::{LanguageLevel, ProfileLevel};
use crate::domain::project::{
    ContactFormat, ProjectDraft, ProjectEvent, ProjectStatus, ProjectSummary, Step,
};
use crate::domain::session::CurrentUser;
use crate::error::{AppError, Problem};
use crate::server::reference;

/// Drafts a client may keep: the wizard resumes the latest, the others wait for their
/// tab's next save. A bound, since a first save creates its draft.
const MAX_DRAFTS_PER_CLIENT: i64 = 20;

/// Saves the draft and the step reached; the first save of a new id creates the draft.
/// A submitted draft's id is the project's: a late save then cannot bring it back.
/// `edits`: the client's open project the draft will replace (fixed by its first save).
pub async fn save_draft(
    pool: &PgPool,
    client: &CurrentUser,
    id: ProjectDraftId,
    step: usize,
    draft: &ProjectDraft,
    edits: Option<ProjectId>,
) -> Result<(), AppError> {
    draft.check_size().map_err(AppError::Validation)?;
    if adds_hidden_skill(pool, id, edits, draft).await? {
        return Err(AppError::Validation(Problem::SkillNoLongerOffered));
    }
    let step = i16::try_from(step.min(Step::ALL.len() - 1)).unwrap_or(0);
    let done = sqlx::query!(
        "INSERT INTO project_drafts (id, client_account_id, data, step, edits_project)
         SELECT $1, $2, $3, $4, $6
          WHERE NOT EXISTS (SELECT 1 FROM projects WHERE id = $1)
            AND (EXISTS (SELECT 1 FROM project_drafts WHERE id = $1)
                 OR (SELECT count(*) FROM project_drafts WHERE client_account_id = $2) < $5)
            AND ($6::uuid IS NULL OR EXISTS (SELECT 1 FROM projects
                 WHERE id = $6 AND client_account_id = $2 AND status = $7))
         ON CONFLICT (id) DO UPDATE
            SET data = EXCLUDED.data, step = EXCLUDED.step, updated_at = now()
          WHERE project_drafts.client_account_id = EXCLUDED.client_account_id
            AND project_drafts.edits_project IS NOT DISTINCT FROM EXCLUDED.edits_project",
        id as ProjectDraftId,
        client.id as AccountId,
        sqlx::types::Json(draft) as _,
        step,
        MAX_DRAFTS_PER_CLIENT,
        edits as Option<ProjectId>,
        ProjectStatus::Open as ProjectStatus,
    )
    .execute(pool)
    .await
    .map_err(edit_already_started)?;
    if done.rows_affected() == 1 {
        return Ok(());
    }
    // Nothing written: say why.
    let why = sqlx::query!(
        r#"SELECT EXISTS (SELECT 1 FROM projects WHERE id = $1 AND client_account_id = $2)
                      AS "published!",
                  EXISTS (SELECT 1 FROM projects WHERE id = $1)
                  OR EXISTS (SELECT 1 FROM project_drafts WHERE id = $1) AS "taken!",
                  (SELECT status FROM projects WHERE id = $3 AND client_account_id = $2)
                      AS "edited_status: ProjectStatus""#,
        id as ProjectDraftId,
        client.id as AccountId,
        edits as Option<ProjectId>,
    )
    .fetch_one(pool)
    .await?;
    if let (Some(_), Some(status)) = (edits, why.edited_status) {
        status
            .apply(ProjectEvent::Edit)
            .map_err(AppError::Validation)?;
    }
    Err(if why.published {
        AppError::Validation(Problem::ProjectAlreadyPublished)
    } else if why.taken || edits.is_some() {
        // Someone else's draft or project, or a draft of another project.
        AppError::NotFound
    } else {
        AppError::Validation(Problem::TooManyProjectDrafts {
            max: MAX_DRAFTS_PER_CLIENT,
        })
    })
}

/// A second edit of the same project, started in another tab: the first one stands.
fn edit_already_started(err: sqlx::Error) -> AppError {
    match &err {
        sqlx::Error::Database(db) if db.constraint() == Some("project_drafts_one_edit") => {
            AppError::Validation(Problem::ProjectEditUnderWay)
        }
        _ => err.into(),
    }
}

/// Whether `draft` names a skill admins hid that neither the stored draft nor the
/// project it edits held: the wizard never offers one, a hidden skill is only kept.
async fn adds_hidden_skill(
    pool: &PgPool,
    id: ProjectDraftId,
    edits: Option<ProjectId>,
    draft: &ProjectDraft,
) -> Result<bool, AppError> {
    let skills: Vec<String> = draft
        .required_skills
        .iter()
        .chain(&draft.optional_skills)
        .cloned()
        .collect();
    if skills.is_empty() {
        return Ok(false);
    }
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (
             SELECT 1 FROM skills s WHERE NOT s.active AND s.slug = ANY($3)
               AND NOT EXISTS (SELECT 1 FROM project_drafts d WHERE d.id = $1
                   AND (d.data->'required_skills' ? s.slug OR d.data->'optional_skills' ? s.slug))
               AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = $2
                   AND s.id = ANY(p.required_skills || p.optional_skills)))
           AS "adds!""#,
        id as ProjectDraftId,
        edits as Option<ProjectId>,
        &skills,
    )
    .fetch_one(pool)
    .await?)
}

/// What matching needs from a stored project.
/// `today` stands for a missing start date.
pub async fn criteria(
    pool: &PgPool,
    project: ProjectId,
    today: NaiveDate,
) -> Result<ProjectCriteria, AppError> {
    criteria_of(pool, &[project], today)
        .await?
        .pop()
        .ok_or(AppError::NotFound)
}

/// The matching criteria of several projects, in one query (unknown ids are skipped).
pub async fn criteria_of(
    pool: &PgPool,
    projects: &[ProjectId],
    today: NaiveDate,
) -> Result<Vec<ProjectCriteria>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT id AS "id: ProjectId", domain_id, required_skills, optional_skills,
                  level AS "level: ProfileLevel", remote, places,
                  start_date AS "start_date: NaiveDate", duration_days,
                  max_daily_rate AS "max_daily_rate: Euros",
                  data AS "data: sqlx::types::Json<ProjectDraft>"
           FROM projects WHERE id = ANY($1)"#,
        projects as &[ProjectId]
    )
    .fetch_all(pool)
    .await?;
    let ids = |v: Vec<i16>| {
        v.into_iter()
            .filter_map(|i| u16::try_from(i).ok())
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|row| {
            let (id, domain, required, optional, level, remote, places) = (
                row.id,
                row.domain_id,
                row.required_skills,
                row.optional_skills,
                row.level,
                row.remote,
                row.places,
            );
            let (start, duration, max_rate, data) = (
                row.start_date,
                row.duration_days,
                row.max_daily_rate,
                row.data,
            );
            let languages = data
                .map(|d| d.0.languages)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|l| {
                    Some(LanguageRequirement {
                        min_level: LanguageLevel::parse(&l.level)?,
                        code: l.code,
                    })
                })
                .collect();
            ProjectCriteria {
                project_id: id,
                domain_id: u16::try_from(domain).unwrap_or(0),
                required_skills: ids(required),
                optional_skills: ids(optional),
                level,
                languages,
                places: places
                    .iter()
                    .filter_map(|p| crate::domain::departement::DepartementCode::parse(p).ok())
                    .collect(),
                remote,
                start: start.unwrap_or(today),
                duration_days: duration.and_then(|d| u32::try_from(d).ok()),
                max_daily_rate: max_rate,
            }
        })
        .collect())
}

/// A project as listed: the company's name unless it is confidential and `reveal` is false;
/// the domain in the language of the request being served (pages list projects for the
/// person who asked).
pub fn summary_sql(reveal: &str) -> String {
    let label = reference::label_column(crate::server::lang::of_request());
    format!(
        "SELECT p.id, p.title, p.description, d.{label} AS domain,
                CASE WHEN NOT p.confidential OR {reveal} THEN c.company_name END AS company,
                p.remote, array_to_string(p.places, ', ') AS places,
                p.start_date, p.duration_days, p.budget, p.contact_formats, p.status, p.created_at
         FROM projects p JOIN domains d ON d.id = p.domain_id
         LEFT JOIN clients c ON c.account_id = p.client_account_id"
    )
}

#[derive(sqlx::FromRow)]
pub struct SummaryRow {
    pub id: ProjectId,
    title: String,
    description: String,
    domain: String,
    company: Option<String>,
    remote: bool,
    places: String,
    start_date: Option<chrono::NaiveDate>,
    duration_days: Option<i32>,
    budget: Option<Euros>,
    contact_formats: Vec<ContactFormat>,
    status: ProjectStatus,
    created_at: chrono::DateTime<chrono::Utc>,
}

pub fn summary(row: SummaryRow) -> ProjectSummary {
    ProjectSummary {
        id: row.id,
        title: row.title,
        description: row.description,
        domain: row.domain,
        company: row.company,
        remote: row.remote,
        places: row.places,
        start_date: row.start_date.unwrap_or_default(),
        duration_days: row.duration_days.and_then(|d| u32::try_from(d).ok()),
        budget: row.budget,
        contact_formats: row.contact_formats,
        status: row.status,
        created_at: row.created_at.to_rfc3339(),
    }
}

/// The client's projects, newest first.
pub async fn mine(pool: &PgPool, client: &CurrentUser) -> Result<Vec<ProjectSummary>, AppError> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "{} WHERE p.client_account_id = $1 ORDER BY p.created_at DESC LIMIT 200",
        summary_sql("true")
    ))
    .bind(client.id)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(summary).collect())
}
