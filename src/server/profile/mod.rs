//! Expert dossier use cases: the editor's data, saving the draft, submitting it.

pub mod repo;

use chrono::NaiveDate;
use sqlx::PgPool;

use crate::domain::account::Role;
use crate::domain::eligibility::AttestationStatus;
use crate::domain::id::AccountId;
use crate::domain::notification::Notice;
use crate::domain::profile::{FieldId, Issue, ProfileDraft};
use crate::domain::review::{EditorData, ReviewState, Saved};
use crate::domain::session::CurrentUser;
use crate::error::{AppError, Problem};
use crate::server::reference;
use crate::server::repo::notification;
use crate::server::review::repo as reviews;

pub async fn editor_data(
    pool: &PgPool,
    user: &CurrentUser,
    today: NaiveDate,
) -> Result<EditorData, AppError> {
    let mut conn = pool.acquire().await?;
    let row = repo::load_draft(&mut conn, user.id).await?;
    drop(conn);
    let (state, submitted_revision) = reviews::state(pool, user.id).await?;
    let published = repo::published_version(pool, user.id).await?;
    let expert_id = published.as_ref().map(|p| p.id);
    let published_attestation = published.map(|p| AttestationStatus::of(p.issued, today));
    Ok(EditorData {
        unsubmitted_changes: row.revision > 0 && submitted_revision != Some(row.revision),
        draft: row.draft,
        files: row.files,
        revision: row.revision,
        email: user.email.clone(),
        expert_id,
        state,
        published_attestation,
        history: reviews::history(pool, user.id).await?,
        views: reviews::views(pool, user.id).await?,
        refs: reference::reference_data(pool).await?,
        today: today.to_string(),
    })
}

pub async fn save(
    pool: &PgPool,
    user: &CurrentUser,
    draft: ProfileDraft,
    today: NaiveDate,
) -> Result<Saved, AppError> {
    draft.check_size().map_err(AppError::Validation)?;
    let refs = reference::reference_data(pool).await?;
    let skills: Vec<String> = draft.skills.iter().map(|s| s.slug.clone()).collect();
    if repo::adds_hidden_skill(pool, user.id, &skills).await? {
        return Err(AppError::Validation(Problem::SkillNoLongerOffered));
    }
    let revision = repo::save_draft(pool, user.id, &draft).await?;
    // Only valid names are carried over; the editor shows what is wrong with the others.
    use crate::domain::account::{parse_name, NAME_MAX_CHARS};
    use crate::domain::problem::NameField;
    if let (Ok(first), Ok(last)) = (
        parse_name(&draft.first_name, NameField::FirstName, NAME_MAX_CHARS),
        parse_name(&draft.last_name, NameField::LastName, NAME_MAX_CHARS),
    ) {
        repo::rename(pool, user.id, &first, &last).await?;
    }
    let (_, submitted_revision) = reviews::state(pool, user.id).await?;
    Ok(Saved {
        revision,
        problems: draft.problems(&refs, today),
        unsubmitted_changes: submitted_revision != Some(revision),
    })
}

/// What blocks a submission.
fn blockers(missing: Vec<FieldId>, issues: &[Issue]) -> Problem {
    Problem::DossierIncomplete {
        missing,
        first: issues
            .first()
            .map(|i| (i.field, Box::new(i.problem.clone()))),
    }
}

/// Freezes the current draft for review: every required field filled, nothing to
/// correct, a valid attestation.
pub async fn submit(
    pool: &PgPool,
    user: &CurrentUser,
    today: NaiveDate,
) -> Result<ReviewState, AppError> {
    if !user.email_verified {
        return Err(AppError::Validation(Problem::EmailUnverified));
    }
    let refs = reference::reference_data(pool).await?;
    let mut tx = pool.begin().await?;
    sqlx::query!(
        "SELECT 1 AS locked FROM expert_drafts WHERE account_id = $1 FOR UPDATE",
        user.id as AccountId,
    )
    .fetch_optional(&mut *tx)
    .await?;
    let row = repo::load_draft(&mut tx, user.id).await?;
    let missing = row.draft.missing(&row.files);
    let problems = row.draft.problems(&refs, today);
    if !missing.is_empty() || !problems.is_empty() {
        return Err(AppError::Validation(blockers(missing, &problems)));
    }
    if row.revision == 0 {
        return Err(AppError::Validation(Problem::DossierNotSaved));
    }
    if !reviews::insert_submission(&mut tx, user.id, &row.draft, row.revision, &row.keys).await? {
        return Err(AppError::Validation(Problem::DossierAlreadyPending));
    }
    let admins = sqlx::query_scalar!(
        r#"SELECT id AS "id: AccountId" FROM accounts WHERE role = $1 AND disabled_at IS NULL"#,
        Role::Admin as Role,
    )
    .fetch_all(&mut *tx)
    .await?;
    for admin in admins {
        let notice = Notice::DossierToReview {
            name: user.display_name.clone(),
        };
        notification::notify(&mut tx, admin, &notice, Some("/admin/revues")).await?;
    }
    notification::notify(&mut tx, user.id, &Notice::ProfileSubmitted, Some("/profil")).await?;
    tx.commit().await?;
    Ok(reviews::state(pool, user.id).await?.0)
}
