//! The public directory. Every query here selects public columns only, into
//! [`PublicCard`], which has no field for anything private.

use chrono::NaiveDate;
use sqlx::PgPool;

use crate::domain::departement::DepartementCode;
use crate::domain::id::ExpertId;
use crate::domain::lang::Lang;
use crate::domain::profile::{
    DirectoryPage, DirectoryQuery, FilterChoices, Language, LanguageLevel, ProfileLevel,
    PublicCard, DIRECTORY_PAGE_SIZE,
};
use crate::error::AppError;
use crate::server::reference::label_column;

/// The public columns of a card, its domains labelled in `lang`.
fn card_columns(lang: Lang) -> String {
    let label = label_column(lang);
    format!(
        "e.id, e.first_name, e.photo_key IS NOT NULL AS has_photo,
    e.departement_code, e.years_experience, e.education, e.is_demo,
    ARRAY(SELECT d.{label} FROM expert_domains ed JOIN domains d ON d.id = ed.domain_id
          WHERE ed.expert_id = e.id ORDER BY d.position) AS domains,
    ARRAY(SELECT l.code FROM expert_languages l
          WHERE l.expert_id = e.id ORDER BY l.code) AS language_codes,
    ARRAY(SELECT l.level FROM expert_languages l
          WHERE l.expert_id = e.id ORDER BY l.code) AS language_levels"
    )
}

/// Binds `$1`–`$5` (domain, département, language, years from, years to) and `$6`
/// (today).
const FILTERS: &str = concat!(
    crate::visible_expert!("$6"),
    "
    AND ($1::text IS NULL OR EXISTS (SELECT 1 FROM expert_domains ed JOIN domains d ON d.id = ed.domain_id
                                     WHERE ed.expert_id = e.id AND d.slug = $1))
    AND ($2::text IS NULL OR e.departement_code = $2)
    AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM expert_languages l WHERE l.expert_id = e.id AND l.code = $3))
    AND ($4::int IS NULL OR e.years_experience >= $4)
    AND ($5::int IS NULL OR e.years_experience <= $5)",
);

#[derive(sqlx::FromRow)]
struct CardRow {
    id: ExpertId,
    first_name: String,
    has_photo: bool,
    departement_code: String,
    years_experience: i16,
    education: Vec<String>,
    is_demo: bool,
    domains: Vec<String>,
    language_codes: Vec<String>,
    language_levels: Vec<LanguageLevel>,
}

fn card(row: CardRow) -> Result<PublicCard, AppError> {
    let id = row.id;
    let mut languages: Vec<Language> = row
        .language_codes
        .into_iter()
        .zip(row.language_levels)
        .map(|(code, level)| Language { code, level })
        .collect();
    // Mother tongues first, then by code (the query's order; the sort is stable).
    languages.sort_by_key(|l| l.level != LanguageLevel::Native);
    Ok(PublicCard {
        id: Some(id),
        first_name: row.first_name,
        photo_url: row.has_photo.then(|| format!("/photos/{id}")),
        departement: Some(
            DepartementCode::parse(&row.departement_code).map_err(|_| AppError::Internal)?,
        ),
        domains: row.domains,
        languages,
        education: row.education,
        level: ProfileLevel::from_years(u32::try_from(row.years_experience).unwrap_or(0)),
        demo: row.is_demo,
    })
}

pub async fn search(
    pool: &PgPool,
    q: &DirectoryQuery,
    lang: Lang,
    today: NaiveDate,
) -> Result<DirectoryPage, AppError> {
    let (min, max) = match q.level.map(ProfileLevel::years_bounds) {
        Some((min, max)) => (Some(min as i32), max.map(|m| m as i32)),
        None => (None, None),
    };
    let departement = q.departement.as_ref().map(|d| d.as_str().to_string());
    let total: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM experts e WHERE {FILTERS}"))
        .bind(&q.domain)
        .bind(&departement)
        .bind(&q.language)
        .bind(min)
        .bind(max)
        .bind(today)
        .fetch_one(pool)
        .await?;
    let offset = i64::from(q.page.saturating_sub(1)) * i64::from(DIRECTORY_PAGE_SIZE);
    let rows: Vec<CardRow> = sqlx::query_as(&format!(
        "SELECT {} FROM experts e WHERE {FILTERS}
         ORDER BY e.published_at DESC, e.id LIMIT $7 OFFSET $8",
        card_columns(lang)
    ))
    .bind(&q.domain)
    .bind(&departement)
    .bind(&q.language)
    .bind(min)
    .bind(max)
    .bind(today)
    .bind(i64::from(DIRECTORY_PAGE_SIZE))
    .bind(offset)
    .fetch_all(pool)
    .await?;
    let pages = u32::try_from(
        (total + i64::from(DIRECTORY_PAGE_SIZE) - 1) / i64::from(DIRECTORY_PAGE_SIZE),
    )
    .unwrap_or(u32::MAX);
    Ok(DirectoryPage {
        cards: rows.into_iter().map(card).collect::<Result<_, _>>()?,
        total,
        page: q.page,
        pages,
    })
}

/// A published expert's public card.
pub async fn card_by_id(
    pool: &PgPool,
    id: ExpertId,
    lang: Lang,
    today: NaiveDate,
) -> Result<PublicCard, AppError> {
    let row: Option<CardRow> = sqlx::query_as(&format!(
        "SELECT {} FROM experts e WHERE e.id = $1 AND {}",
        card_columns(lang),
        crate::visible_expert!("$2")
    ))
    .bind(id)
    .bind(today)
    .fetch_optional(pool)
    .await?;
    card(row.ok_or(AppError::NotFound)?)
}

/// The choices of the directory's filters: domains (labelled in `lang`) and départements.
pub async fn filter_choices(pool: &PgPool, lang: Lang) -> Result<FilterChoices, AppError> {
    #[derive(sqlx::FromRow)]
    struct Domain {
        slug: String,
        label: String,
    }
    let domains: Vec<Domain> = sqlx::query_as(&format!(
        "SELECT slug, {} AS label FROM domains WHERE active ORDER BY position",
        label_column(lang)
    ))
    .fetch_all(pool)
    .await?;
    Ok(FilterChoices {
        domains: domains.into_iter().map(|d| (d.slug, d.label)).collect(),
        departements: crate::server::reference::departements(pool).await?,
    })
}
