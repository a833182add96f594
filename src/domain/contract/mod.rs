//! The intermediation contract ("contrat de mise en relation") between the platform, the
//! expert and the client, drawn when the client accepts a quote and signed by the
//! expert and the client's signatory with a simple electronic signature: the signer opens
//! the document, ticks the consent, receives a 6-digit code by e-mail and types it. Then
//! the mission contract, which the two parties sign between themselves outside the
//! platform and declare here (or declare that none will follow).
//!
//! ```text
//! quote accepted ──▶ AwaitingSignatures ──(expert and client signed)──▶ Signed
//!                          │ a new version (nothing signed survives a change)
//!                          ▼
//!                        Void
//! ```

pub mod parties;
mod signature;

pub use parties::{ClientSignatoryForm, ContractParty};
pub use signature::{
    check_code, parse_code, CodeCheck, CODE_ATTEMPTS, CODE_DIGITS, CODE_VALID_MINUTES,
};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::money::Euros;
use super::selection::Party;

/// The template the contract's text comes from; a contract keeps the one it was drawn
/// with, and a new text is a new version here.
pub const TEMPLATE_VERSION: &str = "mise-en-relation-2026-12-v1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContractState {
    AwaitingSignatures,
    Signed,
    /// Replaced by a later version, or its path ended before both signed.
    Void,
}

impl ContractState {
    pub const ALL: [ContractState; 3] = [
        ContractState::AwaitingSignatures,
        ContractState::Signed,
        ContractState::Void,
    ];

    /// The stored value (`contracts.state`).
    pub fn as_str(self) -> &'static str {
        match self {
            ContractState::AwaitingSignatures => "awaiting_signatures",
            ContractState::Signed => "signed",
            ContractState::Void => "void",
        }
    }
}

/// What happened to a contract, as the path's log tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContractChange {
    /// Drawn from the accepted quote, waiting for both signatures.
    Drawn,
    /// One side signed (the entry's party).
    SignedBy,
    /// Both signed: the final document is sent to both.
    Signed,
    /// The two parties declared their mission contract signed: the mission starts.
    MissionSigned,
    /// A party declared that no mission contract will follow.
    MissionNone,
}

impl ContractChange {
    pub const ALL: [ContractChange; 5] = [
        ContractChange::Drawn,
        ContractChange::SignedBy,
        ContractChange::Signed,
        ContractChange::MissionSigned,
        ContractChange::MissionNone,
    ];

    /// The stored value (`contract_events.change`).
    pub fn as_str(self) -> &'static str {
        match self {
            ContractChange::Drawn => "drawn",
            ContractChange::SignedBy => "signed_by",
            ContractChange::Signed => "signed",
            ContractChange::MissionSigned => "mission_signed",
            ContractChange::MissionNone => "mission_none",
        }
    }
}

/// What the evidence log records of a signature, step by step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// The signer opened the exact document.
    Opened,
    /// The signer ticked the consent and a code was sent to their address.
    CodeSent,
    CodeRefused,
    /// The fifth wrong code: this code no longer works.
    Locked,
    Signed,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 5] = [
        EvidenceKind::Opened,
        EvidenceKind::CodeSent,
        EvidenceKind::CodeRefused,
        EvidenceKind::Locked,
        EvidenceKind::Signed,
    ];

    /// The stored value (`signature_evidence.kind`).
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::Opened => "opened",
            EvidenceKind::CodeSent => "code_sent",
            EvidenceKind::CodeRefused => "code_refused",
            EvidenceKind::Locked => "locked",
            EvidenceKind::Signed => "signed",
        }
    }
}

/// Why no mission contract follows the introduction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoMissionReason {
    TermsNotAgreed,
    ProjectCancelled,
    ExpertUnavailable,
    Other,
}

impl NoMissionReason {
    pub const ALL: [NoMissionReason; 4] = [
        NoMissionReason::TermsNotAgreed,
        NoMissionReason::ProjectCancelled,
        NoMissionReason::ExpertUnavailable,
        NoMissionReason::Other,
    ];

    /// The stored value (`contracts.no_mission_reason`).
    pub fn as_str(self) -> &'static str {
        match self {
            NoMissionReason::TermsNotAgreed => "terms_not_agreed",
            NoMissionReason::ProjectCancelled => "project_cancelled",
            NoMissionReason::ExpertUnavailable => "expert_unavailable",
            NoMissionReason::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// One signature as the parties and the verification page read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureView {
    pub party: Party,
    pub name: String,
    pub company: String,
    /// RFC 3339, UTC.
    pub at: String,
}

/// Where the mission stands once the intermediation contract is signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "mission")]
pub enum MissionView {
    Awaited,
    Signed { on: NaiveDate, copy: Option<String> },
    None { reason: NoMissionReason },
}

/// A path's contract, as its two parties and admins read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractView {
    pub version: i32,
    pub reference: String,
    pub state: ContractState,
    pub quote_reference: String,
    pub total_ht: Euros,
    /// Where the document is downloaded (the final one, with the evidence page, once
    /// both have signed).
    pub pdf: String,
    /// SHA-256 of the exact document signed, in hexadecimal.
    pub sha256: String,
    pub signatures: Vec<SignatureView>,
    /// The company the reader signs for (`None` for admins), named in the consent.
    pub reader_company: Option<String>,
    /// What the reader has done towards their own signature.
    pub opened_by_reader: bool,
    pub code_sent_to_reader: bool,
    pub mission: MissionView,
    /// When it entered its state: drawn, or signed by both (RFC 3339).
    pub since: String,
}

impl ContractView {
    /// Who is still to sign, the reader first.
    pub fn signer_waiting(&self, reader: Party) -> Option<Party> {
        let signed = |p: Party| self.signatures.iter().any(|s| s.party == p);
        [reader, Party::Client, Party::Expert]
            .into_iter()
            .filter(|p| matches!(p, Party::Client | Party::Expert))
            .find(|p| !signed(*p))
    }
}

/// What the contract states, frozen when it is drawn: its text is rendered from this
/// and the template it names, so a document can be drawn again identically.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractSnapshot {
    pub reference: String,
    pub template_version: String,
    pub platform: ContractParty,
    pub expert: ContractParty,
    pub client: ContractParty,
    pub project_title: String,
    pub quote_reference: String,
    pub total_ht: Euros,
    pub total_vat: Euros,
    pub total_ttc: Euros,
    pub start_date: NaiveDate,
    pub duration_days: u32,
    /// The day it was drawn, in France.
    pub drawn_on: NaiveDate,
}

/// One signature's evidence, as the final document's last page summarises it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureEvidence {
    pub party: Party,
    pub signer: String,
    pub company: String,
    pub email: String,
    /// RFC 3339, UTC.
    pub at: String,
    pub ip: String,
    pub user_agent: String,
    pub consent: String,
    pub document_sha256: String,
    pub template_version: String,
    /// The evidence record's own hash in the chain.
    pub evidence_hash: String,
}

/// What the verification page says of a PDF.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "found")]
pub enum Verification {
    /// The final document, signed by both.
    Signed {
        reference: String,
        signatures: Vec<SignatureView>,
    },
    /// The document as drawn, before both signed; `signatures` so far.
    Drawn {
        reference: String,
        signatures: Vec<SignatureView>,
    },
    Unknown,
}

/// The reference of a contract: `CMR-000042-v1`.
pub fn reference(number: i64, version: i32) -> String {
    format!("CMR-{number:06}-v{version}")
}

#[cfg(test)]
mod tests;
