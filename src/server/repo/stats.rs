use sqlx::PgPool;

use crate::domain::stats::PlatformStats;
use crate::error::AppError;

/// The home page figures, in one round trip.
pub async fn platform_stats(pool: &PgPool) -> Result<PlatformStats, AppError> {
    let (published_experts, open_projects, departements_covered): (i64, i64, i64) = sqlx::query_as(
        "SELECT
                (SELECT count(*) FROM experts WHERE status = 'published'),
                (SELECT count(*) FROM projects WHERE status = 'open'),
                (SELECT count(DISTINCT departement_code) FROM experts WHERE status = 'published')",
    )
    .fetch_one(pool)
    .await?;
    Ok(PlatformStats {
        published_experts,
        open_projects,
        departements_covered,
    })
}
