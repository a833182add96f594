//! Admin review: the queue, opening a dossier (logged), deciding, publishing.

pub mod publish;
pub mod repo;

use sqlx::{PgConnection, PgPool};

use self::repo as reviews;
use crate::domain::account::Siret;
use crate::domain::departement::DepartementCode;
use crate::domain::eligibility::AttestationStatus;
use crate::domain::id::{AccountId, ExpertId, SubmissionId};
use crate::domain::lang::Lang;
use crate::domain::money::Euros;
use crate::domain::notification::Notice;
use crate::domain::parse::{mobility_codes, parse_date, parse_phone, parse_rate, parse_years};
use crate::domain::profile::{FieldId, LanguageLevel};
use crate::domain::reference::ReferenceData;
use crate::domain::review::{Decision, ExpertStatus, QueueItem, ReviewDossier, ViewKind};
use crate::domain::session::CurrentUser;
use crate::error::{AppError, Problem};
use crate::server::mail::{outbox, templates};
use crate::server::profile::repo as profiles;
use crate::server::reference;
use crate::server::repo::notification;
use chrono::NaiveDate;

pub async fn queue(pool: &PgPool, today: NaiveDate) -> Result<Vec<QueueItem>, AppError> {
    let refs = reference::reference_data(pool).await?;
    reviews::queue(pool, &refs, today).await
}

/// The submitted dossier in full, for an admin. The view is logged.
pub async fn open(
    pool: &PgPool,
    admin: &CurrentUser,
    id: SubmissionId,
    today: NaiveDate,
) -> Result<ReviewDossier, AppError> {
    let refs = reference::reference_data(pool).await?;
    let mut tx = pool.begin().await?;
    let sub = reviews::submission_by_id(&mut tx, id, false).await?;
    let files = profiles::files_info(&mut tx, &sub.keys).await?;
    let owner = sqlx::query!(
        r#"SELECT a.email, e.id AS "expert_id?: ExpertId" FROM accounts a
           LEFT JOIN experts e ON e.account_id = a.id
           WHERE a.id = $1"#,
        sub.account_id as AccountId
    )
    .fetch_one(&mut *tx)
    .await?;
    let (email, expert_id) = (owner.email, owner.expert_id);
    reviews::log_view(&mut tx, sub.account_id, admin.id, ViewKind::Review, None).await?;
    tx.commit().await?;
    let issued = parse_date(&sub.snapshot.attestation_issued_on).ok();
    Ok(ReviewDossier {
        submission_id: sub.id,
        dossier: sub.snapshot.dossier(expert_id, &email, &refs, &files),
        attestation: AttestationStatus::of(issued, today),
        problems: sub.snapshot.problems(&refs, today),
        decided: sub.decision,
        history: reviews::history(pool, sub.account_id).await?,
    })
}

/// Records the decision, publishes on approval, tells the expert (in-app and e-mail).
pub async fn decide(
    pool: &PgPool,
    public_url: &str,
    admin: &CurrentUser,
    id: SubmissionId,
    decision: Decision,
    message: &str,
    today: NaiveDate,
) -> Result<(), AppError> {
    let message = decision
        .check_message(message)
        .map_err(AppError::Validation)?;
    let refs = reference::reference_data(pool).await?;
    let mut tx = pool.begin().await?;
    let sub = reviews::submission_by_id(&mut tx, id, true).await?;
    if sub.decision.is_some() {
        return Err(AppError::Validation(Problem::AlreadyDecided));
    }
    reviews::record_decision(&mut tx, id, decision, &message, admin.id).await?;
    if decision == Decision::Approve {
        publish(&mut tx, &sub, &refs, today).await?;
    }
    let expert = sqlx::query!(
        r#"SELECT email, display_name, language AS "language: Lang" FROM accounts WHERE id = $1"#,
        sub.account_id as AccountId
    )
    .fetch_one(&mut *tx)
    .await?;
    let (email, name, lang) = (expert.email, expert.display_name, expert.language);
    let link = format!("{}/profil", public_url.trim_end_matches('/'));
    let mail = templates::review_decision(lang, &email, &name, decision, &message, &link);
    outbox::enqueue(&mut tx, &mail).await?;
    let notice = Notice::decision(decision, &message);
    notification::notify(&mut tx, sub.account_id, &notice, Some("/profil")).await?;
    tx.commit().await?;
    Ok(())
}

fn invalid(field: FieldId) -> AppError {
    tracing::error!(field = ?field, "approved snapshot does not parse");
    AppError::Validation(Problem::SnapshotInvalid { field })
}

/// Replaces the published version with the approved snapshot.
async fn publish(
    conn: &mut PgConnection,
    sub: &reviews::Submission,
    refs: &ReferenceData,
    today: NaiveDate,
) -> Result<(), AppError> {
    let d = &sub.snapshot;
    let departement =
        DepartementCode::parse(&d.departement).map_err(|_| invalid(FieldId::Departement))?;
    let years = parse_years(&d.years_experience).map_err(|_| invalid(FieldId::YearsExperience))?;
    let rate = parse_rate(&d.daily_rate).map_err(|_| invalid(FieldId::DailyRate))?;
    let siret = Siret::parse(&d.siret).map_err(|_| invalid(FieldId::Siret))?;
    let phone = parse_phone(&d.phone).map_err(|_| invalid(FieldId::Phone))?;
    let available = match d.available_from.trim() {
        "" => None,
        s => Some(parse_date(s).map_err(|_| invalid(FieldId::AvailableFrom))?),
    };
    let issued =
        parse_date(&d.attestation_issued_on).map_err(|_| invalid(FieldId::AttestationIssuedOn))?;
    // Valid when submitted, it may have expired while the dossier waited for review.
    match AttestationStatus::of(Some(issued), today) {
        AttestationStatus::Expired { since } => {
            return Err(AppError::Validation(Problem::AttestationExpiredAtReview {
                since,
            }))
        }
        status if !status.is_eligible() => {
            return Err(AppError::Validation(Problem::Attestation { status }))
        }
        _ => {}
    }
    let expert_id = sqlx::query_scalar!(
        r#"INSERT INTO experts (account_id, first_name, last_name, email, departement_code,
             years_experience, education, phone, postal_address, legal_form, siret, vat_number,
             daily_rate, available_from, remote_ok, attestation_issued_on, photo_key, cv_key,
             attestation_key, dossier, status, published_at, updated_at)
         SELECT $1, $2, $3, a.email, $4, $5, $6, $7, $8, $9, $10, nullif($11, ''), $12, $13, $14,
                $15, $16, $17, $18, $19, $20, now(), now()
         FROM accounts a WHERE a.id = $1
         ON CONFLICT (account_id) DO UPDATE SET
             first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
             email = EXCLUDED.email, departement_code = EXCLUDED.departement_code,
             years_experience = EXCLUDED.years_experience, education = EXCLUDED.education,
             phone = EXCLUDED.phone, postal_address = EXCLUDED.postal_address,
             legal_form = EXCLUDED.legal_form, siret = EXCLUDED.siret,
             vat_number = EXCLUDED.vat_number, daily_rate = EXCLUDED.daily_rate,
             available_from = EXCLUDED.available_from, remote_ok = EXCLUDED.remote_ok,
             attestation_issued_on = EXCLUDED.attestation_issued_on,
             photo_key = EXCLUDED.photo_key, cv_key = EXCLUDED.cv_key,
             attestation_key = EXCLUDED.attestation_key, dossier = EXCLUDED.dossier,
             status = EXCLUDED.status, published_at = coalesce(experts.published_at, now()),
             updated_at = now()
         RETURNING id AS "id: ExpertId""#,
        sub.account_id as AccountId,
        d.first_name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        d.last_name.split_whitespace().collect::<Vec<_>>().join(" "),
        departement.as_str(),
        i16::try_from(years).unwrap_or(0),
        &d.education_lines(),
        phone,
        d.postal_address.trim(),
        d.legal_form.trim(),
        siret.as_str(),
        d.vat_number.trim(),
        rate as Euros,
        available as Option<chrono::NaiveDate>,
        d.remote_ok,
        issued as chrono::NaiveDate,
        sub.keys[0].as_deref(),
        sub.keys[1].as_deref(),
        sub.keys[2].as_deref(),
        sqlx::types::Json(d) as _,
        ExpertStatus::Published as ExpertStatus,
    )
    .fetch_one(&mut *conn)
    .await?;
    for table in [
        "expert_domains",
        "expert_languages",
        "expert_skills",
        "expert_mobility",
        "expert_experiences",
    ] {
        sqlx::query(&format!("DELETE FROM {table} WHERE expert_id = $1"))
            .bind(expert_id)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query!(
        "INSERT INTO expert_domains (expert_id, domain_id)
         SELECT $1, id FROM domains WHERE slug = ANY($2)",
        expert_id as ExpertId,
        &d.domains,
    )
    .execute(&mut *conn)
    .await?;
    let (codes, levels): (Vec<String>, Vec<LanguageLevel>) = d
        .languages
        .iter()
        .map(|l| {
            let level =
                LanguageLevel::parse(&l.level).ok_or_else(|| invalid(FieldId::Languages))?;
            Ok((l.code.clone(), level))
        })
        .collect::<Result<Vec<_>, AppError>>()?
        .into_iter()
        .unzip();
    sqlx::query!(
        "INSERT INTO expert_languages (expert_id, code, level)
         SELECT $1, c, l FROM UNNEST($2::text[], $3::text[]) AS t(c, l) ON CONFLICT DO NOTHING",
        expert_id as ExpertId,
        &codes,
        &levels as &[LanguageLevel],
    )
    .execute(&mut *conn)
    .await?;
    let (slugs, years): (Vec<String>, Vec<i16>) = d
        .skills
        .iter()
        .filter(|s| refs.skill_domain(&s.slug).is_some())
        .map(|s| {
            let y = parse_years(&s.years).unwrap_or(0);
            (s.slug.clone(), i16::try_from(y).unwrap_or(0))
        })
        .unzip();
    sqlx::query!(
        "INSERT INTO expert_skills (expert_id, skill_id, years)
         SELECT $1, s.id, t.y FROM UNNEST($2::text[], $3::int2[]) AS t(slug, y)
         JOIN skills s ON s.slug = t.slug ON CONFLICT DO NOTHING",
        expert_id as ExpertId,
        &slugs,
        &years,
    )
    .execute(&mut *conn)
    .await?;
    let mobility: Vec<String> = mobility_codes(&d.mobility)
        .into_iter()
        .filter_map(Result::ok)
        .map(|c| c.to_string())
        .collect();
    sqlx::query!(
        "INSERT INTO expert_mobility (expert_id, departement_code)
         SELECT $1, c FROM UNNEST($2::text[]) AS c ON CONFLICT DO NOTHING",
        expert_id as ExpertId,
        &mobility,
    )
    .execute(&mut *conn)
    .await?;
    for e in &d.experiences {
        let (Ok(start), end) = (parse_date(&e.started_on), parse_date(&e.ended_on).ok()) else {
            continue;
        };
        sqlx::query!(
            "INSERT INTO expert_experiences (expert_id, title, sector, started_on, ended_on,
                 description) VALUES ($1, $2, $3, $4, $5, $6)",
            expert_id as ExpertId,
            e.title.trim(),
            e.sector.trim(),
            start as chrono::NaiveDate,
            end as Option<chrono::NaiveDate>,
            e.description.trim(),
        )
        .execute(&mut *conn)
        .await?;
    }
    // Matching indexes in every server process pick the change up from here.
    sqlx::query!(
        "SELECT pg_notify('experts_changed', $1)",
        expert_id.to_string(),
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}
