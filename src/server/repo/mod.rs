//! Repositories: the only place that writes SQL.

/// SQL condition on an expert row aliased `e`: published, and its account not disabled
/// by an admin. Every public or client-facing read of experts uses it (directory, card,
/// photo, proposed dossier, matching, proposals, figures). A macro, so that constant
/// queries can `concat!` it.
#[macro_export]
macro_rules! visible_expert {
    () => {
        "(e.status = 'published' AND NOT EXISTS (SELECT 1 FROM accounts da \
          WHERE da.id = e.account_id AND da.disabled_at IS NOT NULL))"
    };
}

pub mod directory;
pub mod dossier;
pub mod notifications;
pub mod published;
pub mod reviews;
pub mod stats;
