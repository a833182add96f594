//! In-app notifications: what happened, stored as a kind and its parameters, and put
//! into words only when read, in the reader's language (`ui/pages/notification.rs`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::review::Decision;

/// What a notification tells. Words that users wrote (an admin's message, a project's
/// title, a name) are data here, never part of a text.
///
/// Serialized as `{"kind": …, "params": {…}}`: `kind` is stored in `notifications.kind`
/// (through [`NoticeKind::as_str`], which the tests keep equal to the serde tag), the
/// rest in `notifications.params`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "params", rename_all = "snake_case")]
pub enum Notice {
    /// The account's address is confirmed.
    EmailConfirmed,
    /// To the expert: their dossier went to review.
    ProfileSubmitted,
    /// To each admin: `name` submitted a dossier.
    DossierToReview {
        name: String,
    },
    /// The admin's decisions; `message` may be empty for an approval.
    ProfileApproved {
        message: String,
    },
    ChangesRequested {
        message: String,
    },
    ProfileRejected {
        message: String,
    },
    /// The published attestation expires on `until`.
    AttestationExpiring {
        until: NaiveDate,
    },
    /// A new project matches the expert's profile.
    ProjectMatches {
        title: String,
    },
    /// To the expert: proposed to the client of project `title`.
    ProposedToClient {
        title: String,
    },
    /// To the client: `count` experts proposed for their project `title`.
    ExpertsProposed {
        title: String,
        count: usize,
    },
    /// To the expert: their path on project `title` moved to `state` (with the reason of
    /// an end), through the client's or the team's decision.
    PathChanged {
        title: String,
        state: crate::domain::selection::ProposalState,
        reason: Option<crate::domain::selection::ProposalEndReason>,
    },
    /// To whoever must act on a path of project `title` (and to admins): its deadline
    /// has passed.
    DecisionOverdue {
        title: String,
    },
    /// To the other side of a selection step on project `title`.
    StepChanged {
        title: String,
        news: crate::domain::selection::step::StepNews,
    },
    /// To the expert: the client ended project `title`, so their path on it ends.
    ProjectEnded {
        title: String,
        reason: crate::domain::selection::ProposalEndReason,
    },
    /// To the other side of a quote on project `title`: version `version` was sent,
    /// or answered.
    QuoteChanged {
        title: String,
        change: crate::domain::quote::QuoteChange,
        version: i32,
    },
    /// To a party of the intermediation contract on project `title`: drawn, signed by the
    /// other side, signed by both, or the mission contract declared.
    ContractChanged {
        title: String,
        change: crate::domain::contract::ContractChange,
    },
    /// To the expert (and to the client for the mission's invoices) on project `title`:
    /// an invoice, a credit note, a payment, a reminder; `reference` is its number.
    BillingChanged {
        title: String,
        change: crate::domain::billing::events::BillingChange,
        reference: String,
    },
}

/// The stored value of `notifications.kind`, one per [`Notice`] variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    EmailConfirmed,
    ProfileSubmitted,
    DossierToReview,
    ProfileApproved,
    ChangesRequested,
    ProfileRejected,
    AttestationExpiring,
    ProjectMatches,
    ProposedToClient,
    ExpertsProposed,
    ProjectEnded,
    PathChanged,
    DecisionOverdue,
    StepChanged,
    QuoteChanged,
    ContractChanged,
    BillingChanged,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 17] = [
        NoticeKind::EmailConfirmed,
        NoticeKind::ProfileSubmitted,
        NoticeKind::DossierToReview,
        NoticeKind::ProfileApproved,
        NoticeKind::ChangesRequested,
        NoticeKind::ProfileRejected,
        NoticeKind::AttestationExpiring,
        NoticeKind::ProjectMatches,
        NoticeKind::ProposedToClient,
        NoticeKind::ExpertsProposed,
        NoticeKind::ProjectEnded,
        NoticeKind::PathChanged,
        NoticeKind::DecisionOverdue,
        NoticeKind::StepChanged,
        NoticeKind::QuoteChanged,
        NoticeKind::ContractChanged,
        NoticeKind::BillingChanged,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::EmailConfirmed => "email_confirmed",
            NoticeKind::ProfileSubmitted => "profile_submitted",
            NoticeKind::DossierToReview => "dossier_to_review",
            NoticeKind::ProfileApproved => "profile_approved",
            NoticeKind::ChangesRequested => "changes_requested",
            NoticeKind::ProfileRejected => "profile_rejected",
            NoticeKind::AttestationExpiring => "attestation_expiring",
            NoticeKind::ProjectMatches => "project_matches",
            NoticeKind::ProposedToClient => "proposed_to_client",
            NoticeKind::ExpertsProposed => "experts_proposed",
            NoticeKind::ProjectEnded => "project_ended",
            NoticeKind::PathChanged => "path_changed",
            NoticeKind::DecisionOverdue => "decision_overdue",
            NoticeKind::StepChanged => "step_changed",
            NoticeKind::QuoteChanged => "quote_changed",
            NoticeKind::ContractChanged => "contract_changed",
            NoticeKind::BillingChanged => "billing_changed",
        }
    }
}

impl Notice {
    /// The notice of an admin's decision, with its message.
    pub fn decision(decision: Decision, message: &str) -> Notice {
        let message = message.to_string();
        match decision {
            Decision::Approve => Notice::ProfileApproved { message },
            Decision::RequestChanges => Notice::ChangesRequested { message },
            Decision::Reject => Notice::ProfileRejected { message },
        }
    }

    pub fn kind(&self) -> NoticeKind {
        match self {
            Notice::EmailConfirmed => NoticeKind::EmailConfirmed,
            Notice::ProfileSubmitted => NoticeKind::ProfileSubmitted,
            Notice::DossierToReview { .. } => NoticeKind::DossierToReview,
            Notice::ProfileApproved { .. } => NoticeKind::ProfileApproved,
            Notice::ChangesRequested { .. } => NoticeKind::ChangesRequested,
            Notice::ProfileRejected { .. } => NoticeKind::ProfileRejected,
            Notice::AttestationExpiring { .. } => NoticeKind::AttestationExpiring,
            Notice::ProjectMatches { .. } => NoticeKind::ProjectMatches,
            Notice::ProposedToClient { .. } => NoticeKind::ProposedToClient,
            Notice::ExpertsProposed { .. } => NoticeKind::ExpertsProposed,
            Notice::ProjectEnded { .. } => NoticeKind::ProjectEnded,
            Notice::PathChanged { .. } => NoticeKind::PathChanged,
            Notice::DecisionOverdue { .. } => NoticeKind::DecisionOverdue,
            Notice::StepChanged { .. } => NoticeKind::StepChanged,
            Notice::QuoteChanged { .. } => NoticeKind::QuoteChanged,
            Notice::ContractChanged { .. } => NoticeKind::ContractChanged,
            Notice::BillingChanged { .. } => NoticeKind::BillingChanged,
        }
    }
}

/// An in-app notification, as its reader receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub id: crate::domain::id::NotificationId,
    pub notice: Notice,
    pub link: Option<String>,
    /// RFC 3339 time of creation.
    pub created_at: String,
    pub read: bool,
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// One notice of every kind, with words that need escaping where users write.
    pub fn one_of_each() -> Vec<Notice> {
        let text = || "Audit <SI> & « réseau »".to_string();
        vec![
            Notice::EmailConfirmed,
            Notice::ProfileSubmitted,
            Notice::DossierToReview { name: text() },
            Notice::ProfileApproved {
                message: String::new(),
            },
            Notice::ChangesRequested { message: text() },
            Notice::ProfileRejected { message: text() },
            Notice::AttestationExpiring {
                until: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            },
            Notice::ProjectMatches { title: text() },
            Notice::ProposedToClient { title: text() },
            Notice::ExpertsProposed {
                title: text(),
                count: 2,
            },
            Notice::ProjectEnded {
                title: text(),
                reason: crate::domain::selection::ProposalEndReason::ProjectCancelled,
            },
            Notice::PathChanged {
                title: text(),
                state: crate::domain::selection::ProposalState::NotKept,
                reason: Some(crate::domain::selection::ProposalEndReason::RateTooHigh),
            },
            Notice::DecisionOverdue { title: text() },
            Notice::StepChanged {
                title: text(),
                news: crate::domain::selection::step::StepNews::Confirmed {
                    format: crate::domain::project::ContactFormat::Video,
                    at: chrono::NaiveDate::from_ymd_opt(2027, 3, 29)
                        .unwrap()
                        .and_hms_opt(10, 0, 0)
                        .unwrap(),
                },
            },
            Notice::QuoteChanged {
                title: text(),
                change: crate::domain::quote::QuoteChange::RevisionRequested,
                version: 2,
            },
            Notice::ContractChanged {
                title: text(),
                change: crate::domain::contract::ContractChange::SignedBy,
            },
            Notice::BillingChanged {
                title: text(),
                change: crate::domain::billing::events::BillingChange::AdvanceIssued,
                reference: "FA-2026-000001".into(),
            },
        ]
    }

    #[test]
    fn the_stored_kind_is_the_serde_tag_and_round_trips() {
        let notices = one_of_each();
        let kinds: Vec<NoticeKind> = notices.iter().map(Notice::kind).collect();
        assert_eq!(kinds, NoticeKind::ALL, "one sample per kind, in order");
        for notice in notices {
            let json = serde_json::to_value(&notice).unwrap();
            assert_eq!(json["kind"], notice.kind().as_str(), "{json}");
            let back: Notice = serde_json::from_value(json).unwrap();
            assert_eq!(back, notice);
        }
    }

    #[test]
    fn a_decision_gives_its_notice() {
        assert_eq!(
            Notice::decision(Decision::Reject, "Hors sujet").kind(),
            NoticeKind::ProfileRejected
        );
        assert_eq!(
            Notice::decision(Decision::Approve, ""),
            Notice::ProfileApproved {
                message: String::new()
            }
        );
    }
}
