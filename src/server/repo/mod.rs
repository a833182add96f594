//! Repositories: the only place that writes SQL.

pub mod directory;
pub mod notifications;
pub mod stats;
