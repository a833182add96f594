//! Repositories: the only place that writes SQL.

pub mod notifications;
pub mod stats;
