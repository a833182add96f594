//! Submissions, decisions, and the access log of private dossiers.

use chrono::NaiveDate;
use sqlx::{PgConnection, PgPool};

use crate::domain::account::Role;
use crate::domain::id::{AccountId, ProjectId, SubmissionId};
use crate::domain::profile::{DraftFiles, FileInfo, ProfileDraft};
use crate::domain::reference::ReferenceData;
use crate::domain::review::{
    Decision, DossierView, ExpertStatus, HistoryEntry, QueueItem, ReviewState, ViewKind,
};
use crate::error::AppError;

type Time = chrono::DateTime<chrono::Utc>;

fn time(t: Time) -> String {
    t.to_rfc3339()
}

/// A frozen submission.
pub struct Submission {
    pub id: SubmissionId,
    pub account_id: AccountId,
    pub snapshot: ProfileDraft,
    pub draft_revision: i64,
    pub keys: [Option<String>; 3],
    pub decision: Option<Decision>,
}

struct SubmissionRow {
    id: SubmissionId,
    account_id: AccountId,
    snapshot: sqlx::types::Json<ProfileDraft>,
    draft_revision: i64,
    photo_key: Option<String>,
    cv_key: Option<String>,
    attestation_key: Option<String>,
    decision: Option<Decision>,
}

fn submission(row: SubmissionRow) -> Submission {
    Submission {
        id: row.id,
        account_id: row.account_id,
        snapshot: row.snapshot.0,
        draft_revision: row.draft_revision,
        keys: [row.photo_key, row.cv_key, row.attestation_key],
        decision: row.decision,
    }
}

/// A submission, locked for a decision when `for_update`.
pub async fn submission_by_id(
    conn: &mut PgConnection,
    id: SubmissionId,
    for_update: bool,
) -> Result<Submission, AppError> {
    // Two literal queries rather than one built with format!, so that both are checked.
    let row = if for_update {
        sqlx::query_as!(
            SubmissionRow,
            r#"SELECT id AS "id: SubmissionId", account_id AS "account_id: AccountId",
                      snapshot AS "snapshot: sqlx::types::Json<ProfileDraft>",
                      draft_revision, photo_key, cv_key, attestation_key,
                      decision AS "decision: Decision"
               FROM profile_submissions WHERE id = $1 FOR UPDATE"#,
            id as SubmissionId
        )
        .fetch_optional(conn)
        .await?
    } else {
        sqlx::query_as!(
            SubmissionRow,
            r#"SELECT id AS "id: SubmissionId", account_id AS "account_id: AccountId",
                      snapshot AS "snapshot: sqlx::types::Json<ProfileDraft>",
                      draft_revision, photo_key, cv_key, attestation_key,
                      decision AS "decision: Decision"
               FROM profile_submissions WHERE id = $1"#,
            id as SubmissionId
        )
        .fetch_optional(conn)
        .await?
    };
    row.map(submission).ok_or(AppError::NotFound)
}

/// Freezes the draft as a submission. `Ok(false)`: one is already pending.
pub async fn insert_submission(
    conn: &mut PgConnection,
    account: AccountId,
    snapshot: &ProfileDraft,
    draft_revision: i64,
    keys: &[Option<String>; 3],
) -> Result<bool, AppError> {
    let inserted = sqlx::query!(
        "INSERT INTO profile_submissions
            (account_id, snapshot, draft_revision, photo_key, cv_key, attestation_key)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (account_id) WHERE decision IS NULL DO NOTHING",
        account as AccountId,
        sqlx::types::Json(snapshot) as _,
        draft_revision,
        keys[0].as_deref(),
        keys[1].as_deref(),
        keys[2].as_deref(),
    )
    .execute(conn)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

pub async fn record_decision(
    conn: &mut PgConnection,
    id: SubmissionId,
    decision: Decision,
    message: &str,
    admin: AccountId,
) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE profile_submissions SET decision = $2, message = $3, decided_by = $4,
                decided_at = now()
         WHERE id = $1 AND decision IS NULL",
        id as SubmissionId,
        decision as Decision,
        message,
        admin as AccountId,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Decisions and submissions of an expert, newest first.
pub async fn history(pool: &PgPool, account: AccountId) -> Result<Vec<HistoryEntry>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT submitted_at AS "submitted_at: Time", decision AS "decision: Decision",
                  message, decided_at AS "decided_at: Time"
           FROM profile_submissions
           WHERE account_id = $1 ORDER BY id DESC LIMIT 50"#,
        account as AccountId
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| HistoryEntry {
            submitted_at: time(row.submitted_at),
            decision: row.decision,
            message: row.message,
            decided_at: row.decided_at.map(time),
        })
        .collect())
}

/// The expert's review state, and the draft revision of their latest submission.
pub async fn state(
    pool: &PgPool,
    account: AccountId,
) -> Result<(ReviewState, Option<i64>), AppError> {
    let published: bool = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM experts WHERE account_id = $1 AND status = $2) AS "exists!""#,
        account as AccountId,
        ExpertStatus::Published as ExpertStatus,
    )
    .fetch_one(pool)
    .await?;
    let last = sqlx::query!(
        r#"SELECT decision AS "decision: Decision", message, draft_revision
           FROM profile_submissions
           WHERE account_id = $1 ORDER BY id DESC LIMIT 1"#,
        account as AccountId
    )
    .fetch_optional(pool)
    .await?
    .map(|row| (row.decision, row.message, row.draft_revision));
    let Some((decision, message, revision)) = last else {
        return Ok((ReviewState::Draft, None));
    };
    let state = match decision {
        None => ReviewState::Pending { published },
        Some(Decision::RequestChanges) => ReviewState::ChangesRequested { message, published },
        Some(Decision::Reject) => ReviewState::Rejected {
            reason: message,
            published,
        },
        Some(Decision::Approve) => ReviewState::Published,
    };
    Ok((state, Some(revision)))
}

/// Pending submissions, oldest first.
pub async fn queue(
    pool: &PgPool,
    refs: &ReferenceData,
    today: NaiveDate,
) -> Result<Vec<QueueItem>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT s.id AS "id: SubmissionId", a.display_name, s.submitted_at AS "submitted_at: Time",
                  EXISTS (SELECT 1 FROM experts e WHERE e.account_id = s.account_id
                          AND e.status = $1) AS "republication!",
                  s.snapshot AS "snapshot: sqlx::types::Json<ProfileDraft>",
                  s.photo_key IS NOT NULL AS "photo!", s.cv_key IS NOT NULL AS "cv!",
                  s.attestation_key IS NOT NULL AS "attestation!"
           FROM profile_submissions s JOIN accounts a ON a.id = s.account_id
           WHERE s.decision IS NULL ORDER BY s.submitted_at, s.id LIMIT 200"#,
        ExpertStatus::Published as ExpertStatus
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let (id, name, submitted_at, republication, snapshot) = (
                row.id,
                row.display_name,
                row.submitted_at,
                row.republication,
                row.snapshot,
            );
            let (photo, cv, attestation) = (row.photo, row.cv, row.attestation);
            // Completeness only needs to know which files are there.
            let present = |yes: bool| {
                yes.then(|| FileInfo {
                    url: String::new(),
                    bytes: 0,
                })
            };
            let files = DraftFiles {
                photo: present(photo),
                cv: present(cv),
                attestation: present(attestation),
            };
            QueueItem {
                submission_id: id,
                name,
                submitted_at: time(submitted_at),
                republication,
                completeness: snapshot
                    .0
                    .completeness(&files, &snapshot.0.problems(refs, today)),
            }
        })
        .collect())
}

/// Records that `viewer` opened the private dossier of `expert_account`, for `kind`
/// (and `project`, when it was proposed for one).
pub async fn log_view(
    conn: &mut PgConnection,
    expert_account: AccountId,
    viewer: AccountId,
    kind: ViewKind,
    project: Option<ProjectId>,
) -> Result<(), AppError> {
    // One line per viewer, dossier and reason every ten minutes: reloading a page or
    // downloading a file twice is one consultation, not many.
    sqlx::query!(
        "INSERT INTO dossier_views (expert_account_id, viewer_account_id, kind, project_id)
         SELECT $1, $2, $3, $4
          WHERE NOT EXISTS (SELECT 1 FROM dossier_views
                             WHERE expert_account_id = $1 AND viewer_account_id = $2
                               AND kind = $3 AND project_id IS NOT DISTINCT FROM $4
                               AND viewed_at > now() - interval '10 minutes')",
        expert_account as AccountId,
        viewer as AccountId,
        kind as ViewKind,
        project as Option<ProjectId>,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Who viewed the expert's dossier, newest first.
pub async fn views(pool: &PgPool, expert_account: AccountId) -> Result<Vec<DossierView>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT CASE WHEN a.role <> $2 THEN coalesce(c.company_name, a.display_name) END
                      AS viewer,
                  v.viewed_at AS "viewed_at: Time", v.kind AS "kind: ViewKind",
                  p.title AS "project?"
           FROM dossier_views v
           JOIN accounts a ON a.id = v.viewer_account_id
           LEFT JOIN clients c ON c.account_id = a.id
           LEFT JOIN projects p ON p.id = v.project_id
           WHERE v.expert_account_id = $1 ORDER BY v.id DESC LIMIT 100"#,
        expert_account as AccountId,
        Role::Admin as Role
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| DossierView {
            viewer: row.viewer,
            viewed_at: time(row.viewed_at),
            kind: row.kind,
            project: row.project,
        })
        .collect())
}
