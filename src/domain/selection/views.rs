//! The pipeline as each party reads it: the log of one path, and an expert's paths with
//! where they stand, what comes next and by when.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Party, ProposalEndReason, ProposalEvent, ProposalState};

/// One event of a path's log. `comment` is the client's or the team's words: the server
/// leaves it out of what the expert receives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub id: i64,
    pub event: ProposalEvent,
    pub party: Party,
    pub to: ProposalState,
    pub reason: Option<ProposalEndReason>,
    pub comment: Option<String>,
    /// RFC 3339.
    pub at: String,
}

/// One of the expert's paths: the project (its company named, since they were proposed),
/// where they stand, and who acts next by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpertPath {
    pub project: crate::domain::project::ProjectSummary,
    pub expert: crate::domain::id::ExpertId,
    pub state: ProposalState,
    pub reason: Option<ProposalEndReason>,
    /// Who must act, and the last day to do so; `None` once ended.
    pub next: Option<(Party, NaiveDate)>,
    pub timeline: Vec<TimelineEntry>,
    pub conversation: Option<crate::domain::chat::Conversation>,
    pub steps: Vec<super::step::StepView>,
}
