//! The admin's pre-selection: candidates ranked and explained (matches and applicants),
//! and the proposal of some to the client, checked against the rules.

use sqlx::PgPool;

use chrono::NaiveDate;

use super::project_summary;
use crate::domain::eligibility::AttestationStatus;
use crate::domain::id::{AccountId, ExpertId, ProjectId, SubmissionId};
use crate::domain::lang::Lang;
use crate::domain::matching::{passes_hard_filters, score, MatchScore, RankKey, Rejection};
use crate::domain::notification::Notice;
use crate::domain::problem::{Refusal, Unproposable};
use crate::domain::project::{AdminProjectView, Candidate, ProjectStatus, ProjectSummary};
use crate::domain::review::{Decision, ExpertStatus};
use crate::domain::selection::{Party, ProposalEvent, ProposalState};
use crate::domain::session::CurrentUser;
use crate::error::{AppError, Problem};
use crate::server::mail::{outbox, templates};
use crate::server::project::{self, summary, summary_sql, SummaryRow};
use crate::server::repo::notification;
use crate::server::state::AppState;

/// How many ranked candidates the admin sees.
pub const CANDIDATES: usize = 50;

/// Open projects, newest first, for admins.
pub async fn admin_projects(pool: &PgPool) -> Result<Vec<ProjectSummary>, AppError> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "{} WHERE p.status = $1 ORDER BY p.created_at DESC LIMIT 200",
        summary_sql("true")
    ))
    .bind(ProjectStatus::Open)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(summary).collect())
}

/// Ranked candidates: the engine's best matches and every applicant, explained.
pub async fn candidates(
    state: &AppState,
    admin: &CurrentUser,
    project: ProjectId,
) -> Result<AdminProjectView, AppError> {
    let summary = project_summary(&state.pool, project).await?;
    let today = state.clock.today();
    let criteria = project::criteria(&state.pool, project, today).await?;
    let mut ranked: Vec<(ExpertId, MatchScore, Option<Rejection>)> = state
        .matching_top(&criteria, CANDIDATES)
        .into_iter()
        .map(|r| (r.expert_id, r.score, None))
        .collect();
    let applications: Vec<(ExpertId, String)> = sqlx::query!(
        r#"SELECT expert_id AS "expert_id: ExpertId", message FROM applications WHERE project_id = $1"#,
        project as ProjectId
    )
    .fetch_all(&state.pool)
    .await?
    .into_iter()
    .map(|row| (row.expert_id, row.message))
    .collect();
    for (expert, _) in &applications {
        if ranked.iter().any(|(id, _, _)| id == expert) {
            continue;
        }
        if let Some(facts) = state.matching_facts(*expert) {
            let outside = passes_hard_filters(&facts, &criteria, today).err();
            ranked.push((*expert, score(&facts, &criteria, today), outside));
        }
    }
    // Applicants join the matches in the same order: total, then the fair tie-break.
    ranked.sort_by_key(|(id, score, _)| std::cmp::Reverse(RankKey::new(score.total, project, *id)));
    let ids: Vec<ExpertId> = ranked.iter().map(|(id, _, _)| *id).collect();
    let names: Vec<(ExpertId, String, bool, bool, Option<SubmissionId>)> = sqlx::query!(
        r#"SELECT e.id AS "id: ExpertId", e.first_name || ' ' || coalesce(e.last_name, '') AS "name!",
                  EXISTS (SELECT 1 FROM proposals pr
                          WHERE pr.project_id = $2 AND pr.expert_id = e.id) AS "proposed!",
                  e.is_demo AS "demo!",
                  (SELECT s.id FROM profile_submissions s
                   WHERE s.account_id = e.account_id AND s.decision = $3
                   ORDER BY s.submitted_at DESC LIMIT 1) AS "dossier: SubmissionId"
           FROM experts e WHERE e.id = ANY($1)"#,
        &ids as &[ExpertId],
        project as ProjectId,
        Decision::Approve as Decision
    )
    .fetch_all(&state.pool)
    .await?
    .into_iter()
    .map(|row| (row.id, row.name, row.proposed, row.demo, row.dossier))
    .collect();
    let candidates = ranked
        .into_iter()
        .filter_map(|(id, score, outside)| {
            let (_, name, proposed, demo, dossier) = names.iter().find(|(i, ..)| *i == id)?;
            Some(Candidate {
                expert_id: id,
                name: name.trim().to_string(),
                score,
                outside,
                application: applications
                    .iter()
                    .find(|(e, _)| *e == id)
                    .map(|(_, m)| m.clone()),
                proposed: *proposed,
                demo: *demo,
                dossier: *dossier,
                conversation: None,
                steps: Vec::new(),
                quote: None,
                contract: None,
            })
        })
        .collect();
    let mut candidates: Vec<Candidate> = candidates;
    let proposed: Vec<_> = candidates
        .iter()
        .filter(|c| c.proposed)
        .map(|c| (project, c.expert_id))
        .collect();
    let mut conversations = crate::server::chat::conversations(&state.pool, admin, &proposed)
        .await?
        .into_iter();
    let mut steps = super::steps_of(&state.pool, Party::Admin, state.clock.now(), &proposed)
        .await?
        .into_iter();
    let mut quotes = crate::server::quote::quotes_of(&state.pool, &proposed, state.clock.today())
        .await?
        .into_iter();
    let mut contracts = crate::server::contract::contracts_of(&state.pool, &proposed, Party::Admin)
        .await?
        .into_iter();
    for candidate in candidates.iter_mut().filter(|c| c.proposed) {
        candidate.conversation = conversations.next().flatten();
        candidate.steps = steps.next().unwrap_or_default();
        // Read only: the team neither writes a quote nor signs.
        candidate.quote = quotes.next().filter(|q| !q.versions.is_empty());
        candidate.contract = contracts.next().flatten();
    }
    Ok(AdminProjectView {
        project: summary,
        candidates,
    })
}

/// Why an expert is not among those matching may consider.
async fn not_indexed_reason(
    pool: &PgPool,
    expert: ExpertId,
    today: NaiveDate,
) -> Result<Unproposable, AppError> {
    let row = sqlx::query!(
        r#"SELECT e.status AS "status: ExpertStatus", a.disabled_at IS NOT NULL AS "disabled!",
                  e.attestation_issued_on AS "issued: NaiveDate"
           FROM experts e JOIN accounts a ON a.id = e.account_id WHERE e.id = $1"#,
        expert as ExpertId
    )
    .fetch_optional(pool)
    .await?
    .map(|row| (row.status, row.disabled, row.issued));
    let published = |status| status == ExpertStatus::Published;
    Ok(match row {
        Some((_, true, _)) => Unproposable::AccountDisabled,
        None => Unproposable::NotPublished,
        Some((status, _, _)) if !published(status) => Unproposable::NotPublished,
        Some((_, false, None)) => Unproposable::NoAttestation,
        Some((_, false, issued)) => {
            let attestation = AttestationStatus::of(issued, today);
            if attestation.is_eligible() {
                Unproposable::NotIndexed
            } else {
                Unproposable::Attestation(attestation)
            }
        }
    })
}

/// An expert may be proposed when their card is visible (published, account enabled)
/// with a valid attestation, and either passes the project's hard filters or applied
/// (the admin may then judge beyond the criteria). Read from the database, not the
/// index, so a change of the last second counts. All picks or none.
async fn check_proposable(
    pool: &PgPool,
    project: ProjectId,
    picks: &[(ExpertId, String)],
    today: NaiveDate,
) -> Result<(), AppError> {
    let criteria = project::criteria(pool, project, today).await?;
    let applicants = sqlx::query_scalar!(
        r#"SELECT expert_id AS "expert_id: ExpertId" FROM applications WHERE project_id = $1"#,
        project as ProjectId,
    )
    .fetch_all(pool)
    .await?;
    let mut refused = Vec::new();
    for (expert, _) in picks {
        let demo = sqlx::query_scalar!(
            r#"SELECT is_demo AS "demo!" FROM experts WHERE id = $1"#,
            *expert as ExpertId,
        )
        .fetch_optional(pool)
        .await?
        .unwrap_or(false);
        let loaded = if demo {
            None
        } else {
            crate::server::matching::load_one(pool, *expert, today).await?
        };
        let reason = match loaded {
            None if demo => Some(Unproposable::Demo),
            None => Some(not_indexed_reason(pool, *expert, today).await?),
            Some(facts) => {
                let attestation = AttestationStatus::of(facts.attestation_issued_on, today);
                if !attestation.is_eligible() {
                    Some(Unproposable::Attestation(attestation))
                } else if applicants.contains(expert) {
                    None
                } else {
                    passes_hard_filters(&facts, &criteria, today)
                        .err()
                        .map(Unproposable::Criteria)
                }
            }
        };
        if let Some(reason) = reason {
            let name: Option<String> = sqlx::query_scalar!(
                "SELECT first_name FROM experts WHERE id = $1",
                *expert as ExpertId,
            )
            .fetch_optional(pool)
            .await?;
            refused.push(Refusal { name, reason });
        }
    }
    if refused.is_empty() {
        Ok(())
    } else {
        Err(AppError::Validation(Problem::NotProposable { refused }))
    }
}

/// Proposes experts to the project's client, with a note each; tells experts and client.
pub async fn propose(
    state: &AppState,
    admin: &CurrentUser,
    project: ProjectId,
    picks: &[(ExpertId, String)],
) -> Result<usize, AppError> {
    if picks.is_empty() || picks.len() > 20 {
        return Err(AppError::Validation(Problem::ProposalCount));
    }
    let today = state.clock.today();
    check_proposable(&state.pool, project, picks, today).await?;
    let link = format!("{}/projets", state.config.public_url.trim_end_matches('/'));
    let mut tx = state.pool.begin().await?;
    let open = sqlx::query!(
        r#"SELECT title, client_account_id AS "client_account_id!: AccountId"
           FROM projects WHERE id = $1 AND status = $2"#,
        project as ProjectId,
        ProjectStatus::Open as ProjectStatus
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let (title, client) = (open.title, open.client_account_id);
    let mut added = 0;
    for (expert, note) in picks {
        let recipient: Option<Recipient> = sqlx::query_as(concat!(
            "SELECT a.id, a.email, e.first_name, a.language
             FROM experts e JOIN accounts a ON a.id = e.account_id
             WHERE e.id = $1 AND ",
            crate::visible_expert!("$2")
        ))
        .bind(expert)
        .bind(today)
        .fetch_optional(&mut *tx)
        .await?;
        let inserted = recipient.is_some()
            && sqlx::query!(
                "INSERT INTO proposals (project_id, expert_id, state, note, proposed_by)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                project as ProjectId,
                *expert as ExpertId,
                ProposalState::Proposed as ProposalState,
                note.trim().chars().take(1000).collect::<String>(),
                admin.id as AccountId,
            )
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
        let (
            Some(Recipient {
                id: account,
                email,
                first_name: name,
                language: lang,
            }),
            true,
        ) = (recipient, inserted)
        else {
            continue;
        };
        let proposed = super::Change {
            project,
            expert: *expert,
            event: ProposalEvent::Propose,
            party: Party::Admin,
            to: ProposalState::Proposed,
            reason: None,
            comment: "",
            actor: Some(admin.id),
        };
        super::record(&mut tx, &proposed).await?;
        outbox::enqueue(
            &mut tx,
            &templates::proposed_to_client(lang, &email, &name, &title, &link),
        )
        .await?;
        let notice = Notice::ProposedToClient {
            title: title.clone(),
        };
        notification::notify(&mut tx, account, &notice, Some("/projets")).await?;
        added += 1;
    }
    if added > 0 {
        let notice_title = title.clone();
        let notice = Notice::ExpertsProposed {
            title,
            count: added,
        };
        let link = format!("/mes-projets/{project}");
        notification::notify(&mut tx, client, &notice, Some(&link)).await?;
        let to = sqlx::query!(
            r#"SELECT a.email, a.language AS "language: Lang", c.contact_first_name
               FROM accounts a JOIN clients c ON c.account_id = a.id WHERE a.id = $1"#,
            client as AccountId
        )
        .fetch_one(&mut *tx)
        .await?;
        let public = state.config.public_url.trim_end_matches('/');
        outbox::enqueue(
            &mut tx,
            &templates::experts_proposed(
                to.language,
                &to.email,
                &to.contact_first_name,
                &notice_title,
                added,
                &format!("{public}{link}"),
            ),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(added)
}

/// A proposed expert, to be told by mail in their language.
#[derive(sqlx::FromRow)]
struct Recipient {
    id: AccountId,
    email: String,
    first_name: String,
    language: Lang,
}
