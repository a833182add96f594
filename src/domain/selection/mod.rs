//! The selection pipeline of one expert for one project, as a state machine: who may fire
//! each event, from which states, and what it requires (a reason, from a fixed list, for
//! every end). The quote and the contract of the next issues start at `Selected`.
//!
//! ```text
//! Proposed ──Shortlist──▶ Shortlisted ──StartSelection──▶ InSelection
//!    │                        │   └───────Select───────────┐   │
//!  Decline                 NotKeep                          ▼   ├─Select──▶ Selected
//!    ▼                        ▼                                  └─NotKeep─▶ NotKept
//! Declined                 NotKept      Withdraw (expert, admin): any open state ▶ Withdrawn
//! ```

mod deadline;
mod reason;
pub mod step;
mod views;

pub use deadline::{
    add_working_days, contract_deadline, deadline, due, is_overdue, is_public_holiday,
    quote_deadline, Deadline,
};
pub use reason::ProposalEndReason;
pub use views::{ExpertPath, TimelineEntry, TimelineWhat};

use serde::{Deserialize, Serialize};

use super::problem::Problem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalState {
    /// Put forward to the client by an admin.
    Proposed,
    /// Kept by the client for the selection steps.
    Shortlisted,
    /// Set aside by the client before any step.
    Declined,
    /// At least one selection step (call, chat, video, meeting) set up.
    InSelection,
    /// The client's choice: the quote starts here.
    Selected,
    /// Set aside by the client after shortlisting or steps.
    NotKept,
    /// Withdrawn by the expert or an admin.
    Withdrawn,
}

/// Who fires an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Client,
    Expert,
    Admin,
    /// The platform itself, as a consequence of another change (a project ended).
    Platform,
}

impl Party {
    pub const ALL: [Party; 4] = [Party::Client, Party::Expert, Party::Admin, Party::Platform];

    /// The stored value (`selection_events.party`).
    pub fn as_str(self) -> &'static str {
        match self {
            Party::Client => "client",
            Party::Expert => "expert",
            Party::Admin => "admin",
            Party::Platform => "platform",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalEvent {
    /// An admin proposes the expert: the path begins.
    Propose,
    Shortlist,
    Decline,
    StartSelection,
    Select,
    NotKeep,
    Withdraw,
    /// The client closed or cancelled the project: every open path ends.
    ProjectEnded,
}

impl ProposalEvent {
    pub const ALL: [ProposalEvent; 8] = [
        ProposalEvent::Propose,
        ProposalEvent::Shortlist,
        ProposalEvent::Decline,
        ProposalEvent::StartSelection,
        ProposalEvent::Select,
        ProposalEvent::NotKeep,
        ProposalEvent::Withdraw,
        ProposalEvent::ProjectEnded,
    ];

    /// The stored value (`selection_events.event`): the one mapping.
    pub fn as_str(self) -> &'static str {
        match self {
            ProposalEvent::Propose => "propose",
            ProposalEvent::Shortlist => "shortlist",
            ProposalEvent::Decline => "decline",
            ProposalEvent::StartSelection => "start_selection",
            ProposalEvent::Select => "select",
            ProposalEvent::NotKeep => "not_keep",
            ProposalEvent::Withdraw => "withdraw",
            ProposalEvent::ProjectEnded => "project_ended",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.as_str() == s)
    }

    /// Whether `party` may fire this event: the client decides, the expert and the team
    /// may withdraw, the platform ends paths when a project ends.
    pub fn may_fire(self, party: Party) -> bool {
        use ProposalEvent as E;
        match self {
            E::Propose => party == Party::Admin,
            E::Shortlist | E::Decline | E::StartSelection | E::Select | E::NotKeep => {
                party == Party::Client
            }
            E::Withdraw => matches!(party, Party::Expert | Party::Admin),
            E::ProjectEnded => party == Party::Platform,
        }
    }

    /// Whether the event ends the path, and so needs a reason.
    pub fn ends(self) -> bool {
        matches!(
            self,
            ProposalEvent::Decline
                | ProposalEvent::NotKeep
                | ProposalEvent::Withdraw
                | ProposalEvent::ProjectEnded
        )
    }
}

impl ProposalState {
    /// The states in which the client may open the expert's files (CV, attestation):
    /// while the path is alive.
    pub const OPEN_TO_CLIENT: [ProposalState; 4] = [
        ProposalState::Proposed,
        ProposalState::Shortlisted,
        ProposalState::InSelection,
        ProposalState::Selected,
    ];

    pub const ALL: [ProposalState; 7] = [
        ProposalState::Proposed,
        ProposalState::Shortlisted,
        ProposalState::Declined,
        ProposalState::InSelection,
        ProposalState::Selected,
        ProposalState::NotKept,
        ProposalState::Withdrawn,
    ];

    /// The stored value (`proposals.state`): the one mapping, used by the database binds.
    pub fn as_str(self) -> &'static str {
        match self {
            ProposalState::Proposed => "proposed",
            ProposalState::Shortlisted => "shortlisted",
            ProposalState::Declined => "declined",
            ProposalState::InSelection => "in_selection",
            ProposalState::Selected => "selected",
            ProposalState::NotKept => "not_kept",
            ProposalState::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// Whether the path is still open (not declined, not kept or withdrawn).
    pub fn is_open(self) -> bool {
        Self::OPEN_TO_CLIENT.contains(&self)
    }

    /// The next state, or why the event does not apply (state only: see [`Self::fire`]).
    pub fn apply(self, event: ProposalEvent) -> Result<Self, Problem> {
        use ProposalEvent as E;
        use ProposalState as S;
        match (self, event) {
            (S::Proposed, E::Shortlist) => Ok(S::Shortlisted),
            (S::Proposed, E::Decline) => Ok(S::Declined),
            (S::Shortlisted, E::StartSelection) => Ok(S::InSelection),
            (S::Shortlisted | S::InSelection, E::Select) => Ok(S::Selected),
            (S::Shortlisted | S::InSelection, E::NotKeep) => Ok(S::NotKept),
            (from, E::Withdraw) if from.is_open() => Ok(S::Withdrawn),
            (S::Proposed, E::ProjectEnded) => Ok(S::Declined),
            (S::Shortlisted | S::InSelection | S::Selected, E::ProjectEnded) => Ok(S::NotKept),
            (from, event) => Err(Problem::TransitionImpossible { from, event }),
        }
    }

    /// Fires `event` as `party` with `reason`: the party must be allowed, an end needs a
    /// reason of its kind and nothing else takes one.
    pub fn fire(
        self,
        event: ProposalEvent,
        party: Party,
        reason: Option<ProposalEndReason>,
    ) -> Result<Self, Problem> {
        if !event.may_fire(party) {
            return Err(Problem::EventNotForParty { event });
        }
        match (event.ends(), reason) {
            (true, None) => return Err(Problem::EndReasonRequired),
            (true, Some(r)) if !r.fits(event, party) => return Err(Problem::EndReasonRequired),
            // No form sends a reason with an event that does not end the path.
            (false, Some(_)) => return Err(Problem::RequestMalformed),
            _ => {}
        }
        self.apply(event)
    }
}

#[cfg(test)]
mod tests;
