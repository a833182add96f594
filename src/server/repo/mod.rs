//! Repositories: the only place that writes SQL.

pub mod directory;
pub mod dossier;
pub mod notifications;
pub mod published;
pub mod reviews;
pub mod stats;
