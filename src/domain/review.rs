//! Review before publication: submissions, admin decisions and their history, and the
//! log of who viewed a private dossier.

use serde::{Deserialize, Serialize};

use super::problem::Problem;
use super::profile::{DraftFiles, FullDossier, Issue, ProfileDraft};
use super::reference::ReferenceData;

/// An admin's decision on a submitted dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approve,
    RequestChanges,
    Reject,
}

impl Decision {
    pub const ALL: [Decision; 3] = [
        Decision::Approve,
        Decision::RequestChanges,
        Decision::Reject,
    ];

    /// The stored value (`reviews.decision`): the one mapping, used by the database binds.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Approve => "approved",
            Decision::RequestChanges => "changes_requested",
            Decision::Reject => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == s)
    }

    /// The message sent with the decision: required when asking for changes or
    /// rejecting, so the expert knows what to do.
    pub fn check_message(self, message: &str) -> Result<String, Problem> {
        let message = message.trim();
        if message.chars().count() > 2000 {
            return Err(Problem::DecisionMessageTooLong { max: 2000 });
        }
        if self != Decision::Approve && message.is_empty() {
            return Err(Problem::DecisionMessageRequired);
        }
        Ok(message.to_string())
    }
}

/// The stored status of an expert row (`experts.status`). Only `Published` is written
/// today (a dossier is copied into `experts` when approved); the others are allowed by
/// the table's constraint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExpertStatus {
    Draft,
    Submitted,
    ChangesRequested,
    Published,
    Rejected,
}

impl ExpertStatus {
    pub const ALL: [ExpertStatus; 5] = [
        ExpertStatus::Draft,
        ExpertStatus::Submitted,
        ExpertStatus::ChangesRequested,
        ExpertStatus::Published,
        ExpertStatus::Rejected,
    ];

    /// The stored value: the one mapping, used by the database binds.
    pub fn as_str(self) -> &'static str {
        match self {
            ExpertStatus::Draft => "draft",
            ExpertStatus::Submitted => "submitted",
            ExpertStatus::ChangesRequested => "changes_requested",
            ExpertStatus::Published => "published",
            ExpertStatus::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Where a dossier stands, as the expert sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ReviewState {
    /// Never submitted.
    Draft,
    /// Waiting for an admin (`published`: an earlier version stays visible meanwhile).
    Pending {
        published: bool,
    },
    ChangesRequested {
        message: String,
        published: bool,
    },
    Rejected {
        reason: String,
        published: bool,
    },
    /// Published, no review pending.
    Published,
}

impl ReviewState {
    pub fn is_published(&self) -> bool {
        match self {
            ReviewState::Draft => false,
            ReviewState::Published => true,
            ReviewState::Pending { published }
            | ReviewState::ChangesRequested { published, .. }
            | ReviewState::Rejected { published, .. } => *published,
        }
    }

    pub fn is_pending(&self) -> bool {
        matches!(self, ReviewState::Pending { .. })
    }
}

/// One decision of the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub submitted_at: String,
    pub decision: Option<Decision>,
    pub message: String,
    pub decided_at: Option<String>,
}

/// One view of a private dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierView {
    /// The client's company; `None` for the B2BiZen team.
    pub viewer: Option<String>,
    pub viewed_at: String,
    pub kind: ViewKind,
    /// The project the dossier was proposed for (a [`ViewKind::Project`] view).
    pub project: Option<String>,
}

/// Why a private dossier was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ViewKind {
    /// An admin reviewing a submission.
    Review,
    /// A client reading the dossiers proposed for their project.
    Project,
    CvDownload,
    AttestationDownload,
}

impl ViewKind {
    pub const ALL: [ViewKind; 4] = [
        ViewKind::Review,
        ViewKind::Project,
        ViewKind::CvDownload,
        ViewKind::AttestationDownload,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ViewKind::Review => "review",
            ViewKind::Project => "project",
            ViewKind::CvDownload => "cv_download",
            ViewKind::AttestationDownload => "attestation_download",
        }
    }
}

/// Everything the editor needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorData {
    pub draft: ProfileDraft,
    pub files: DraftFiles,
    pub revision: i64,
    pub email: String,
    /// The published profile's id, if any.
    pub expert_id: Option<crate::domain::id::ExpertId>,
    pub state: ReviewState,
    /// The published version's attestation, as matching judges it today.
    pub published_attestation: Option<crate::domain::eligibility::AttestationStatus>,
    /// The draft differs from what was last submitted.
    pub unsubmitted_changes: bool,
    pub history: Vec<HistoryEntry>,
    pub views: Vec<DossierView>,
    pub refs: ReferenceData,
    /// Today on the server (YYYY-MM-DD), for date checks in the browser.
    pub today: String,
}

/// The answer to a save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub revision: i64,
    pub problems: Vec<Issue>,
    /// The draft differs from the last submission (see [`EditorData`]).
    pub unsubmitted_changes: bool,
}

/// A line of the admin's review queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    pub submission_id: crate::domain::id::SubmissionId,
    pub name: String,
    pub submitted_at: String,
    /// A re-review of a profile already published.
    pub republication: bool,
    pub completeness: u8,
}

/// A submitted dossier, opened by an admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewDossier {
    pub submission_id: crate::domain::id::SubmissionId,
    pub dossier: FullDossier,
    pub attestation: crate::domain::eligibility::AttestationStatus,
    pub problems: Vec<Issue>,
    pub decided: Option<Decision>,
    pub history: Vec<HistoryEntry>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_required_unless_approving() {
        assert_eq!(
            Decision::RequestChanges.check_message("  "),
            Err(Problem::DecisionMessageRequired)
        );
        assert!(Decision::Reject.check_message("").is_err());
        assert_eq!(Decision::Approve.check_message(" ").unwrap(), "");
        assert_eq!(
            Decision::RequestChanges
                .check_message(" Ajoutez votre SIRET ")
                .unwrap(),
            "Ajoutez votre SIRET"
        );
        assert_eq!(Decision::parse("rejected"), Some(Decision::Reject));
    }

    #[test]
    fn published_state_survives_a_new_review() {
        assert!(ReviewState::Pending { published: true }.is_published());
        assert!(!ReviewState::Pending { published: false }.is_published());
        assert!(ReviewState::Published.is_published());
        assert!(!ReviewState::Draft.is_published());
    }
}
