use serde::{Deserialize, Serialize};

/// Live figures shown on the home page, read from PostgreSQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlatformStats {
    /// Expert profiles that passed review and are visible in the directory.
    pub published_experts: i64,
    /// Projects open to applications.
    pub open_projects: i64,
    /// Distinct départements where at least one published expert works.
    pub departements_covered: i64,
}
