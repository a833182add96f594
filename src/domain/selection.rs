//! The selection pipeline of one expert for one project, as a state machine. This issue
//! starts it (an admin proposes the expert); later steps (shortlist, interviews, quote,
//! contract) extend the same machine.

use serde::{Deserialize, Serialize};

use super::problem::Problem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalState {
    /// Put forward to the client by an admin.
    Proposed,
    /// Kept by the client for the selection steps.
    Shortlisted,
    /// Set aside by the client.
    Declined,
    /// Withdrawn by the expert or an admin.
    Withdrawn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalEvent {
    Shortlist,
    Decline,
    Withdraw,
    /// The client closed or cancelled the project: every open path ends.
    ProjectEnded,
}

/// Why a path ended, from a fixed list; the expert is told its category in kind words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalEndReason {
    /// The client met the need (the project is closed).
    ProjectClosed,
    /// The project will not happen (cancelled).
    ProjectCancelled,
}

impl ProposalEndReason {
    pub const ALL: [ProposalEndReason; 2] = [
        ProposalEndReason::ProjectClosed,
        ProposalEndReason::ProjectCancelled,
    ];

    /// The stored value (`proposals.end_reason`): the one mapping.
    pub fn as_str(self) -> &'static str {
        match self {
            ProposalEndReason::ProjectClosed => "project_closed",
            ProposalEndReason::ProjectCancelled => "project_cancelled",
        }
    }

    /// The reason the open paths of a project ended with `status` carry.
    pub fn of_project(status: crate::domain::project::ProjectStatus) -> Self {
        match status {
            crate::domain::project::ProjectStatus::Closed => ProposalEndReason::ProjectClosed,
            _ => ProposalEndReason::ProjectCancelled,
        }
    }
}

impl ProposalState {
    /// The states in which the client may open the expert's files (CV, attestation):
    /// while the proposal is alive, not once declined or withdrawn.
    pub const OPEN_TO_CLIENT: [ProposalState; 2] =
        [ProposalState::Proposed, ProposalState::Shortlisted];

    pub const ALL: [ProposalState; 4] = [
        ProposalState::Proposed,
        ProposalState::Shortlisted,
        ProposalState::Declined,
        ProposalState::Withdrawn,
    ];

    /// The stored value (`proposals.state`): the one mapping, used by the database binds.
    pub fn as_str(self) -> &'static str {
        match self {
            ProposalState::Proposed => "proposed",
            ProposalState::Shortlisted => "shortlisted",
            ProposalState::Declined => "declined",
            ProposalState::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// The next state, or why the event does not apply.
    pub fn apply(self, event: ProposalEvent) -> Result<Self, Problem> {
        use ProposalEvent as E;
        use ProposalState as S;
        match (self, event) {
            (S::Proposed, E::Shortlist) => Ok(S::Shortlisted),
            (S::Proposed | S::Shortlisted, E::Decline) => Ok(S::Declined),
            (S::Proposed | S::Shortlisted, E::Withdraw) => Ok(S::Withdrawn),
            (S::Proposed | S::Shortlisted, E::ProjectEnded) => Ok(S::Declined),
            (from, event) => Err(Problem::TransitionImpossible { from, event }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions() {
        use ProposalEvent as E;
        use ProposalState as S;
        assert_eq!(S::Proposed.apply(E::Shortlist), Ok(S::Shortlisted));
        assert_eq!(S::Shortlisted.apply(E::Decline), Ok(S::Declined));
        assert!(S::Declined.apply(E::Shortlist).is_err());
        assert!(S::Withdrawn.apply(E::Withdraw).is_err());
        assert!(S::Shortlisted.apply(E::Shortlist).is_err());
        assert_eq!(S::Shortlisted.apply(E::ProjectEnded), Ok(S::Declined));
        assert!(S::Withdrawn.apply(E::ProjectEnded).is_err());
        for s in [S::Proposed, S::Shortlisted, S::Declined, S::Withdrawn] {
            assert_eq!(S::parse(s.as_str()), Some(s));
        }
    }
}
