use sqlx::PgPool;

use crate::domain::project::ProjectStatus;
use crate::domain::stats::PlatformStats;
use crate::error::AppError;

/// The home page figures, in one round trip.
pub async fn platform_stats(pool: &PgPool) -> Result<PlatformStats, AppError> {
    let (published_experts, open_projects, departements_covered): (i64, i64, i64) =
        sqlx::query_as(concat!(
            "SELECT
                (SELECT count(*) FROM experts e WHERE ",
            crate::visible_expert!(),
            "),
                (SELECT count(*) FROM projects WHERE status = $1),
                (SELECT count(DISTINCT e.departement_code) FROM experts e WHERE ",
            crate::visible_expert!(),
            ")"
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
