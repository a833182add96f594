use sqlx::PgPool;

use crate::domain::project::ProjectStatus;
use crate::domain::stats::PlatformStats;
use crate::error::AppError;

/// The home page figures, in one round trip.
pub async fn platform_stats(pool: &PgPool) -> Result<PlatformStats, AppError> {
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
        crate::visible_expert!(),
        ") AS published_experts,
                (SELECT count(*) FROM projects WHERE status = $1) AS open_projects,
                (SELECT count(DISTINCT e.departement_code) FROM experts e WHERE ",
        crate::visible_expert!(),
        ") AS departements_covered"
    ))
    .bind(ProjectStatus::Open)
    .fetch_one(pool)
    .await?;
    Ok(PlatformStats {
        published_experts,
        open_projects,
        departements_covered,
    })
}
