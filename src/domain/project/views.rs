//! Projects as each party sees them: experts, admins, clients.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ProjectDraft;
use crate::domain::id::{ExpertId, ProjectDraftId, ProjectId};
use crate::domain::reference::ReferenceData;

/// An open project, as an expert sees it (the company hidden if confidential).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectSummary {
    pub id: ProjectId,
    pub title: String,
    pub description: String,
    pub domain: String,
    /// `None` when confidential and the viewer was not proposed.
    pub company: Option<String>,
    pub remote: bool,
    /// The mission's départements, separated by commas (not shown when remote).
    pub places: String,
    pub start_date: NaiveDate,
    pub duration_days: Option<u32>,
    pub budget: Option<crate::domain::money::Euros>,
    /// Codes of [`super::CONTACT_FORMATS`].
    pub contact_formats: Vec<super::ContactFormat>,
    pub status: ProjectStatus,
    pub created_at: String,
}

/// The stored status of a project (`projects.status`). Only `Open` is written today (the
/// wizard's draft lives in `project_drafts`); the others are allowed by the constraint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    Draft,
    Open,
    Closed,
    Cancelled,
}

impl ProjectStatus {
    pub const ALL: [ProjectStatus; 4] = [
        ProjectStatus::Draft,
        ProjectStatus::Open,
        ProjectStatus::Closed,
        ProjectStatus::Cancelled,
    ];

    /// The stored value: the one mapping, used by the database binds.
    pub fn as_str(self) -> &'static str {
        match self {
            ProjectStatus::Draft => "draft",
            ProjectStatus::Open => "open",
            ProjectStatus::Closed => "closed",
            ProjectStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// The wizard's state, as the server keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WizardData {
    pub id: ProjectDraftId,
    pub draft: ProjectDraft,
    pub step: usize,
    pub refs: ReferenceData,
    /// Today on the server (YYYY-MM-DD).
    pub today: String,
    /// The open project these answers will replace; `None` for a new project.
    pub edits: Option<ProjectId>,
}

/// An open project for an expert: with their own match explained, if they match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpertProjectView {
    pub project: ProjectSummary,
    pub score: Option<crate::domain::matching::MatchScore>,
    pub applied: bool,
    /// Where the expert stands when the team proposed them for it.
    pub proposal: Option<crate::domain::selection::ProposalState>,
}

/// A candidate of a project for the admin: matched, applicant, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub expert_id: ExpertId,
    pub name: String,
    pub score: crate::domain::matching::MatchScore,
    /// Why the expert does not pass the hard filters (an applicant may not); `None`
    /// when they do.
    pub outside: Option<crate::domain::matching::Rejection>,
    pub application: Option<String>,
    pub proposed: bool,
    /// A demonstration profile: shown, marked, never proposable.
    pub demo: bool,
    /// The published version's review, where the admin reads the full dossier.
    pub dossier: Option<crate::domain::id::SubmissionId>,
    /// Once proposed: the conversation of the path, which admins oversee.
    pub conversation: Option<crate::domain::chat::Conversation>,
    pub steps: Vec<crate::domain::selection::step::StepView>,
    /// The chosen expert's quote and contract, for the team to read.
    pub quote: Option<crate::domain::quote::QuoteView>,
    pub contract: Option<crate::domain::contract::ContractView>,
}

/// A project for the admin's pre-selection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminProjectView {
    pub project: ProjectSummary,
    pub candidates: Vec<Candidate>,
}

/// A dossier proposed to the client, revealed in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedDossier {
    pub expert: ExpertId,
    pub dossier: crate::domain::profile::FullDossier,
    pub note: String,
    /// The expert's message when they applied for the project.
    pub application: Option<String>,
    pub state: crate::domain::selection::ProposalState,
    pub score: Option<crate::domain::matching::MatchScore>,
    /// The path's log, oldest first.
    pub timeline: Vec<crate::domain::selection::TimelineEntry>,
    pub conversation: Option<crate::domain::chat::Conversation>,
    pub steps: Vec<crate::domain::selection::step::StepView>,
    /// Once the expert is the client's choice.
    pub quote: Option<crate::domain::quote::QuoteView>,
    /// Once a quote is accepted.
    pub contract: Option<crate::domain::contract::ContractView>,
}

/// A project for its client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientProjectView {
    pub project: ProjectSummary,
    pub proposals: Vec<ProposedDossier>,
    /// How it ended; `None` while open.
    pub ending: Option<ProjectEnding>,
    /// An edit was started and not yet submitted.
    pub editing: bool,
}

/// Why and when the client ended a project (the comment is theirs and the admins').
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectEnding {
    pub reason: super::ProjectEndReason,
    pub comment: String,
    pub on: NaiveDate,
}

/// A draft in the client's list: what it is called and how far the wizard got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSummary {
    pub id: ProjectDraftId,
    /// As typed; may still be empty.
    pub title: String,
    /// The step the wizard resumes at.
    pub step: super::Step,
    pub saved_on: NaiveDate,
}

/// "Mes projets": the drafts under way, then the submitted projects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyProjects {
    pub drafts: Vec<DraftSummary>,
    pub projects: Vec<ProjectSummary>,
}
