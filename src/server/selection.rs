//! From matching to proposals: experts see matching projects and apply; admins rank the
//! candidates and propose some; clients see the proposed dossiers in full.

use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::eligibility::AttestationStatus;
use crate::domain::matching::{passes_hard_filters, score, MatchScore, RankKey, Rejection};
use crate::domain::project::{
    AdminProjectView, Candidate, ClientProjectView, ExpertProjectView, ProjectSummary,
    ProposedDossier,
};
use crate::domain::selection::ProposalState;
use crate::domain::session::CurrentUser;
use crate::error::AppError;
use crate::server::dossiers::today;
use crate::server::mail::{outbox, templates};
use crate::server::projects::{self, summary, summary_sql, SummaryRow};
use crate::server::repo::{dossier, notifications, published::published_dossier, reviews};
use crate::server::state::AppState;

/// How many ranked candidates the admin sees.
pub const CANDIDATES: usize = 50;

async fn expert_of(pool: &PgPool, account: Uuid) -> Result<Uuid, AppError> {
    sqlx::query_scalar("SELECT id FROM experts WHERE account_id = $1 AND status = 'published'")
        .bind(account)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| {
            AppError::Validation(
                "Votre profil doit être publié pour voir les projets et y répondre.".into(),
            )
        })
}

/// Open projects of the expert's domains, each with the expert's own match explained;
/// `None` while the expert's profile is not published.
pub async fn for_expert(
    state: &AppState,
    user: &CurrentUser,
) -> Result<Option<Vec<ExpertProjectView>>, AppError> {
    let expert = match expert_of(&state.pool, user.id).await {
        Ok(expert) => expert,
        Err(AppError::Validation(_)) => return Ok(None),
        Err(err) => return Err(err),
    };
    // The company is revealed only to experts already proposed for the project.
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "{} WHERE p.status = 'open'
           AND p.domain_id IN (SELECT domain_id FROM expert_domains WHERE expert_id = $1)
         ORDER BY p.created_at DESC LIMIT 100",
        summary_sql(
            "EXISTS (SELECT 1 FROM proposals pr WHERE pr.project_id = p.id AND pr.expert_id = $1)"
        )
    ))
    .bind(expert)
    .fetch_all(&state.pool)
    .await?;
    let applied: Vec<Uuid> =
        sqlx::query_scalar("SELECT project_id FROM applications WHERE expert_id = $1")
            .bind(expert)
            .fetch_all(&state.pool)
            .await?;
    let facts = state.matching_facts(expert);
    let ids: Vec<Uuid> = rows.iter().map(|r| r.0).collect();
    let criteria = projects::criteria_of(&state.pool, &ids).await?;
    let today = today();
    Ok(Some(
        rows.into_iter()
            .map(summary)
            .map(|project| ExpertProjectView {
                applied: applied.contains(&project.id),
                score: facts.as_ref().and_then(|f| {
                    let c = criteria.iter().find(|c| c.project_id == project.id)?;
                    Some(score(f, c, today))
                }),
                project,
            })
            .collect(),
    ))
}

/// The expert applies to an open project of their domains, once.
pub async fn apply(
    pool: &PgPool,
    user: &CurrentUser,
    project: Uuid,
    message: &str,
) -> Result<(), AppError> {
    let message = message.trim();
    if message.is_empty() || message.chars().count() > 2000 {
        return Err(AppError::Validation(
            "Votre message de candidature doit faire entre 1 et 2 000 caractères.".into(),
        ));
    }
    let expert = expert_of(pool, user.id).await?;
    let open: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM projects p WHERE p.id = $1 AND p.status = 'open'
                        AND p.domain_id IN (SELECT domain_id FROM expert_domains WHERE expert_id = $2))",
    )
    .bind(project)
    .bind(expert)
    .fetch_one(pool)
    .await?;
    if !open {
        return Err(AppError::NotFound);
    }
    let inserted = sqlx::query(
        "INSERT INTO applications (project_id, expert_id, message) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING",
    )
    .bind(project)
    .bind(expert)
    .bind(message)
    .execute(pool)
    .await?
    .rows_affected();
    if inserted == 0 {
        return Err(AppError::Validation(
            "Vous avez déjà postulé à ce projet.".into(),
        ));
    }
    Ok(())
}

async fn project_summary(pool: &PgPool, project: Uuid) -> Result<ProjectSummary, AppError> {
    let row: Option<SummaryRow> =
        sqlx::query_as(&format!("{} WHERE p.id = $1", summary_sql("true")))
            .bind(project)
            .fetch_optional(pool)
            .await?;
    Ok(summary(row.ok_or(AppError::NotFound)?))
}

/// Open projects, newest first, for admins.
pub async fn admin_projects(pool: &PgPool) -> Result<Vec<ProjectSummary>, AppError> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "{} WHERE p.status = 'open' ORDER BY p.created_at DESC LIMIT 200",
        summary_sql("true")
    ))
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(summary).collect())
}

/// Ranked candidates: the engine's best matches and every applicant, explained.
pub async fn candidates(state: &AppState, project: Uuid) -> Result<AdminProjectView, AppError> {
    let summary = project_summary(&state.pool, project).await?;
    let criteria = projects::criteria(&state.pool, project).await?;
    let today = today();
    let mut ranked: Vec<(Uuid, MatchScore, Option<Rejection>)> = state
        .matching_top(&criteria, CANDIDATES)
        .into_iter()
        .map(|r| (r.expert_id, r.score, None))
        .collect();
    let applications: Vec<(Uuid, String)> =
        sqlx::query_as("SELECT expert_id, message FROM applications WHERE project_id = $1")
            .bind(project)
            .fetch_all(&state.pool)
            .await?;
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
    let ids: Vec<Uuid> = ranked.iter().map(|(id, _, _)| *id).collect();
    let names: Vec<(Uuid, String, bool)> = sqlx::query_as(
        "SELECT e.id, e.first_name || ' ' || coalesce(e.last_name, ''),
                EXISTS (SELECT 1 FROM proposals pr WHERE pr.project_id = $2 AND pr.expert_id = e.id)
         FROM experts e WHERE e.id = ANY($1)",
    )
    .bind(&ids)
    .bind(project)
    .fetch_all(&state.pool)
    .await?;
    let candidates = ranked
        .into_iter()
        .filter_map(|(id, score, outside)| {
            let (_, name, proposed) = names.iter().find(|(i, _, _)| *i == id)?;
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
            })
        })
        .collect();
    Ok(AdminProjectView {
        project: summary,
        candidates,
    })
}

/// Why an expert is not among those matching may consider.
async fn not_indexed_reason(pool: &PgPool, expert: Uuid) -> Result<String, AppError> {
    let row: Option<(bool, bool, bool)> = sqlx::query_as(
        "SELECT e.status = 'published', a.disabled_at IS NOT NULL, e.attestation_issued_on IS NULL
           FROM experts e JOIN accounts a ON a.id = e.account_id WHERE e.id = $1",
    )
    .bind(expert)
    .fetch_optional(pool)
    .await?;
    Ok(match row {
        Some((_, true, _)) => "compte désactivé",
        Some((false, _, _)) | None => "profil non publié",
        Some((true, false, true)) => "attestation URSSAF non déposée",
        Some(_) => "profil non indexé",
    }
    .to_string())
}

/// An expert may be proposed when their card is visible (published, account enabled)
/// with a valid attestation, and either passes the project's hard filters or applied
/// (the admin may then judge beyond the criteria). Read from the database, not the
/// index, so a change of the last second counts. All picks or none.
async fn check_proposable(
    pool: &PgPool,
    project: Uuid,
    picks: &[(Uuid, String)],
) -> Result<(), AppError> {
    let criteria = projects::criteria(pool, project).await?;
    let applicants: Vec<Uuid> =
        sqlx::query_scalar("SELECT expert_id FROM applications WHERE project_id = $1")
            .bind(project)
            .fetch_all(pool)
            .await?;
    let today = today();
    let mut refused = Vec::new();
    for (expert, _) in picks {
        let reason = match crate::server::matching::load_one(pool, *expert).await? {
            None => Some(not_indexed_reason(pool, *expert).await?),
            Some(facts) => {
                let attestation = AttestationStatus::of(facts.attestation_issued_on, today);
                if !attestation.is_eligible() {
                    Some(attestation.label_fr())
                } else if applicants.contains(expert) {
                    None
                } else {
                    passes_hard_filters(&facts, &criteria, today)
                        .err()
                        .map(|r| r.to_string())
                }
            }
        };
        if let Some(reason) = reason {
            let name: Option<String> =
                sqlx::query_scalar("SELECT first_name FROM experts WHERE id = $1")
                    .bind(expert)
                    .fetch_optional(pool)
                    .await?;
            let name = name.unwrap_or_else(|| "expert inconnu".into());
            refused.push(format!("{name} ({})", reason.trim_end_matches('.')));
        }
    }
    if refused.is_empty() {
        Ok(())
    } else {
        Err(AppError::Validation(format!(
            "Ces experts ne peuvent pas être proposés pour ce projet : {}.",
            refused.join(" ; ")
        )))
    }
}

/// Proposes experts to the project's client, with a note each; tells experts and client.
pub async fn propose(
    state: &AppState,
    admin: &CurrentUser,
    project: Uuid,
    picks: &[(Uuid, String)],
) -> Result<usize, AppError> {
    if picks.is_empty() || picks.len() > 20 {
        return Err(AppError::Validation(
            "Choisissez entre 1 et 20 experts à proposer.".into(),
        ));
    }
    check_proposable(&state.pool, project, picks).await?;
    let link = format!("{}/projets", state.config.public_url.trim_end_matches('/'));
    let mut tx = state.pool.begin().await?;
    let (title, client): (String, Uuid) = sqlx::query_as(
        "SELECT title, client_account_id FROM projects WHERE id = $1 AND status = 'open'",
    )
    .bind(project)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let mut added = 0;
    for (expert, note) in picks {
        let recipient: Option<(Uuid, String, String)> = sqlx::query_as(
            concat!(
                "SELECT a.id, a.email, e.first_name FROM experts e JOIN accounts a ON a.id = e.account_id
                 WHERE e.id = $1 AND ",
                crate::visible_expert!()
            ),
        )
        .bind(expert)
        .fetch_optional(&mut *tx)
        .await?;
        let inserted = recipient.is_some()
            && sqlx::query(
                "INSERT INTO proposals (project_id, expert_id, state, note, proposed_by)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            )
            .bind(project)
            .bind(expert)
            .bind(ProposalState::Proposed.as_str())
            .bind(note.trim().chars().take(1000).collect::<String>())
            .bind(admin.id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
        let (Some((account, email, name)), true) = (recipient, inserted) else {
            continue;
        };
        outbox::enqueue(
            &mut tx,
            &templates::proposed_to_client(&email, &name, &title, &link),
        )
        .await?;
        notifications::notify(
            &mut tx,
            account,
            "Profil proposé à un client",
            &format!("Votre profil a été proposé pour « {title} »."),
            Some("/projets"),
        )
        .await?;
        added += 1;
    }
    if added > 0 {
        notifications::notify(
            &mut tx,
            client,
            "Des experts vous sont proposés",
            &format!("{added} profil(s) proposé(s) pour « {title} »."),
            Some(&format!("/mes-projets/{project}")),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(added)
}

/// The client's project with the dossiers proposed so far, in full. Each dossier shown
/// is recorded in the expert's access log.
pub async fn for_client(
    state: &AppState,
    client: &CurrentUser,
    project: Uuid,
) -> Result<ClientProjectView, AppError> {
    let owner: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM projects WHERE id = $1 AND client_account_id = $2)",
    )
    .bind(project)
    .bind(client.id)
    .fetch_one(&state.pool)
    .await?;
    if !owner {
        return Err(AppError::NotFound);
    }
    let summary = project_summary(&state.pool, project).await?;
    let refs = dossier::reference_data(&state.pool).await?;
    let criteria = projects::criteria(&state.pool, project).await?;
    // Only proposals still open show a dossier (a declined or withdrawn one no longer
    // reveals anything).
    let open: Vec<&str> = ProposalState::OPEN_TO_CLIENT
        .iter()
        .map(|s| s.as_str())
        .collect();
    let proposals: Vec<(Uuid, String, String)> = sqlx::query_as(
        "SELECT expert_id, note, state FROM proposals WHERE project_id = $1 AND state = ANY($2)
          ORDER BY proposed_at, id",
    )
    .bind(project)
    .bind(&open)
    .fetch_all(&state.pool)
    .await?;
    let mut out = Vec::new();
    let mut conn = state.pool.acquire().await?;
    for (expert, note, proposal_state) in proposals {
        // An expert whose account was disabled since is no longer shown.
        let (dossier, account) = match published_dossier(&state.pool, expert, &refs).await {
            Ok(found) => found,
            Err(AppError::NotFound) => continue,
            Err(err) => return Err(err),
        };
        reviews::log_view(
            &mut conn,
            account,
            client.id,
            &format!("Projet « {} »", summary.title),
        )
        .await?;
        out.push(ProposedDossier {
            dossier,
            note,
            state: ProposalState::parse(&proposal_state).unwrap_or(ProposalState::Proposed),
            score: state
                .matching_facts(expert)
                .map(|f| score(&f, &criteria, today())),
        });
    }
    Ok(ClientProjectView {
        project: summary,
        proposals: out,
    })
}
