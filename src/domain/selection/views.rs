//! The pipeline as each party reads it: the log of one path, and an expert's paths with
//! where they stand, what comes next and by when.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::step::{ContactFormat, StepChange};
use super::{Party, ProposalEndReason, ProposalEvent, ProposalState};

/// One entry of a path's log, oldest first: a move of the path, or of one of its steps.
/// `id` is unique per kind of entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub id: i64,
    /// Who made the change.
    pub party: Party,
    /// RFC 3339.
    pub at: String,
    pub what: TimelineWhat,
}

impl TimelineEntry {
    /// An entry written at `at` (sent as RFC 3339).
    pub fn new(
        id: i64,
        party: Party,
        at: chrono::DateTime<chrono::Utc>,
        what: TimelineWhat,
    ) -> Self {
        TimelineEntry {
            id,
            party,
            at: at.to_rfc3339(),
            what,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimelineWhat {
    /// `comment` is the client's or the team's words: the server leaves it out of what
    /// the expert receives.
    Path {
        event: ProposalEvent,
        to: ProposalState,
        reason: Option<ProposalEndReason>,
        comment: Option<String>,
    },
    /// `starts_at` as it reads in France, for a confirmed time.
    Step {
        change: StepChange,
        format: ContactFormat,
        starts_at: Option<NaiveDateTime>,
    },
    /// A version of the quote sent, or answered; `ttc` its total.
    Quote {
        change: crate::domain::quote::QuoteChange,
        version: i32,
        ttc: crate::domain::money::Euros,
    },
    /// The intermediation contract drawn or signed, the mission contract declared.
    Contract {
        change: crate::domain::contract::ContractChange,
    },
    /// An invoice, a payment, a reminder: the platform's to the expert's log only.
    Billing {
        change: crate::domain::billing::events::BillingChange,
        reference: String,
    },
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
    /// Once the expert is the client's choice.
    pub quote: Option<crate::domain::quote::QuoteView>,
    /// Once a quote is accepted.
    pub contract: Option<crate::domain::contract::ContractView>,
}
