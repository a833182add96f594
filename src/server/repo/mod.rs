//! Repositories: the only place that writes SQL.

pub mod stats;
