//! Why a path ended, from a fixed list. The client and the team see the reason (and the
//! comment beside it); the expert sees only its category, in kind words, and never who
//! else was in the running.

use serde::{Deserialize, Serialize};

use super::{Party, ProposalEvent};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalEndReason {
    /// Client: the profile is further from the need than others.
    ProfileMismatch,
    /// Client: the rate does not fit the budget.
    RateTooHigh,
    /// Client: the dates do not match.
    Availability,
    /// Client: another expert was chosen.
    AnotherCandidate,
    /// Client: none of the above.
    ClientOther,
    /// Expert: no longer available for the mission.
    ExpertUnavailable,
    /// Expert: no longer interested.
    ExpertNotInterested,
    /// Admin: the team withdrew the proposal.
    PlatformDecision,
    /// The client met the need (the project is closed).
    ProjectClosed,
    /// The project will not happen (cancelled).
    ProjectCancelled,
}

impl ProposalEndReason {
    pub const ALL: [ProposalEndReason; 10] = [
        ProposalEndReason::ProfileMismatch,
        ProposalEndReason::RateTooHigh,
        ProposalEndReason::Availability,
        ProposalEndReason::AnotherCandidate,
        ProposalEndReason::ClientOther,
        ProposalEndReason::ExpertUnavailable,
        ProposalEndReason::ExpertNotInterested,
        ProposalEndReason::PlatformDecision,
        ProposalEndReason::ProjectClosed,
        ProposalEndReason::ProjectCancelled,
    ];

    /// The reasons a client picks from when declining or not keeping an expert.
    pub const FOR_CLIENT: [ProposalEndReason; 5] = [
        ProposalEndReason::ProfileMismatch,
        ProposalEndReason::RateTooHigh,
        ProposalEndReason::Availability,
        ProposalEndReason::AnotherCandidate,
        ProposalEndReason::ClientOther,
    ];

    /// The stored value (`proposals.end_reason`, `selection_events.reason`).
    pub fn as_str(self) -> &'static str {
        use ProposalEndReason as R;
        match self {
            R::ProfileMismatch => "profile_mismatch",
            R::RateTooHigh => "rate_too_high",
            R::Availability => "availability",
            R::AnotherCandidate => "another_candidate",
            R::ClientOther => "client_other",
            R::ExpertUnavailable => "expert_unavailable",
            R::ExpertNotInterested => "expert_not_interested",
            R::PlatformDecision => "platform_decision",
            R::ProjectClosed => "project_closed",
            R::ProjectCancelled => "project_cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether this reason may end a path through `event` fired by `party`.
    pub fn fits(self, event: ProposalEvent, party: Party) -> bool {
        use ProposalEndReason as R;
        use ProposalEvent as E;
        match (event, party) {
            (E::Decline | E::NotKeep, Party::Client) => Self::FOR_CLIENT.contains(&self),
            (E::Withdraw, Party::Expert) => {
                matches!(self, R::ExpertUnavailable | R::ExpertNotInterested)
            }
            (E::Withdraw, Party::Admin) => self == R::PlatformDecision,
            (E::ProjectEnded, Party::Platform) => {
                matches!(self, R::ProjectClosed | R::ProjectCancelled)
            }
            _ => false,
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
