use chrono::NaiveDate;
use sqlx::PgPool;

use crate::domain::project::ProjectStatus;
use crate::domain::stats::PlatformStats;
use crate::error::AppError;

/// The home page figures, in one round trip.
pub async fn platform_stats(pool: &PgPool, today: NaiveDate) -> Result<PlatformStats, AppError> {
    #[derive(sqlx::FromRow)]
    struct Figures {
        published_experts: i64,
        open_projects: i64,
        departements_covered: i64,
    }
    let Figures {
        published_experts,
        open_projects,
        departements_covered,
    } = sqlx::query_as(concat!(
        "SELECT
                (SELECT count(*) FROM experts e WHERE ",
        crate::visible_expert!("$2"),
        ") AS published_experts,
                (SELECT count(*) FROM projects WHERE status = $1) AS open_projects,
                (SELECT count(DISTINCT e.departement_code) FROM experts e WHERE ",
        crate::visible_expert!("$2"),
        ") AS departements_covered"
    ))
    .bind(ProjectStatus::Open)
    .bind(today)
    .fetch_one(pool)
    .await?;
    Ok(PlatformStats {
        published_experts,
        open_projects,
        departements_covered,
    })
}
