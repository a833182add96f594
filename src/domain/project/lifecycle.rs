//! A published project's life: the client edits it while it is open, and ends it —
//! closed (the need is met) or cancelled (it will not happen) — with a reason. Ending it
//! ends the path of every expert still in the running, so that none is left without news.

use serde::{Deserialize, Serialize};

use super::ProjectStatus;
use crate::domain::problem::Problem;

/// Why the client ends a project: a fixed list (the comment beside it is free). The
/// reason decides the status: a need met elsewhere closes it, any other cancels it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectEndReason {
    /// The need was met by other means than the platform.
    FilledElsewhere,
    /// The client's own team took the work on.
    HandledInternally,
    Postponed,
    BudgetWithdrawn,
    NoLongerNeeded,
    Other,
}

impl ProjectEndReason {
    pub const ALL: [ProjectEndReason; 6] = [
        ProjectEndReason::FilledElsewhere,
        ProjectEndReason::HandledInternally,
        ProjectEndReason::Postponed,
        ProjectEndReason::BudgetWithdrawn,
        ProjectEndReason::NoLongerNeeded,
        ProjectEndReason::Other,
    ];

    /// The stored value (`projects.end_reason`) and the form's: the one mapping.
    pub fn as_str(self) -> &'static str {
        match self {
            ProjectEndReason::FilledElsewhere => "filled_elsewhere",
            ProjectEndReason::HandledInternally => "handled_internally",
            ProjectEndReason::Postponed => "postponed",
            ProjectEndReason::BudgetWithdrawn => "budget_withdrawn",
            ProjectEndReason::NoLongerNeeded => "no_longer_needed",
            ProjectEndReason::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The status a project ended for this reason takes.
    pub fn outcome(self) -> ProjectStatus {
        match self {
            ProjectEndReason::FilledElsewhere | ProjectEndReason::HandledInternally => {
                ProjectStatus::Closed
            }
            ProjectEndReason::Postponed
            | ProjectEndReason::BudgetWithdrawn
            | ProjectEndReason::NoLongerNeeded
            | ProjectEndReason::Other => ProjectStatus::Cancelled,
        }
    }
}

/// What the client does to a published project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProjectEvent {
    /// New answers to the wizard: the project stays open.
    Edit,
    End(ProjectEndReason),
}

/// The longest comment beside an ending's reason.
pub const END_COMMENT_MAX_CHARS: usize = 1000;

impl ProjectStatus {
    /// The next status, or why the event does not apply: only an open project changes.
    pub fn apply(self, event: ProjectEvent) -> Result<ProjectStatus, Problem> {
        match (self, event) {
            (ProjectStatus::Open, ProjectEvent::Edit) => Ok(ProjectStatus::Open),
            (ProjectStatus::Open, ProjectEvent::End(reason)) => Ok(reason.outcome()),
            (status, _) => Err(Problem::ProjectNotOpen { status }),
        }
    }

    /// Whether the project has ended (closed or cancelled).
    pub fn ended(self) -> bool {
        matches!(self, ProjectStatus::Closed | ProjectStatus::Cancelled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_open_project_is_edited_or_ended() {
        use ProjectStatus as S;
        let end = |r| ProjectEvent::End(r);
        assert_eq!(S::Open.apply(ProjectEvent::Edit), Ok(S::Open));
        assert_eq!(
            S::Open.apply(end(ProjectEndReason::FilledElsewhere)),
            Ok(S::Closed)
        );
        assert_eq!(
            S::Open.apply(end(ProjectEndReason::Postponed)),
            Ok(S::Cancelled)
        );
        for ended in [S::Closed, S::Cancelled, S::Draft] {
            assert_eq!(
                ended.apply(ProjectEvent::Edit),
                Err(Problem::ProjectNotOpen { status: ended })
            );
            assert!(ended.apply(end(ProjectEndReason::Other)).is_err());
        }
        for r in ProjectEndReason::ALL {
            assert_eq!(ProjectEndReason::parse(r.as_str()), Some(r));
            assert!(r.outcome().ended());
        }
    }
}
