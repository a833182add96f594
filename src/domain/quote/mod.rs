//! The quote (devis) the selected expert writes on the platform, and the client's answer.
//! Versioned: a revision is version n+1 and the earlier ones stay readable; the version
//! the client accepts is frozen, and the intermediation contract is drawn from it.
//!
//! ```text
//! (path Selected) ──send (expert)──▶ Sent ──accept (client)──▶ Accepted (frozen)
//!                                     │  ▲
//!          ask for a revision (client)│  │send version n+1 (expert): the older one is
//!                                     ▼  │Superseded
//!                              RevisionRequested
//! ```

mod form;
mod lines;
mod terms;

pub use form::{LineForm, QuoteDraft, QuoteForm};
pub use lines::{QuoteLine, QuoteUnit, RateTotal, Totals, VatRate};
pub use terms::{PaymentTerms, TermsBasis};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::problem::Problem;
use super::selection::{Party, ProposalState};

pub const LINES_MAX: usize = 30;
pub const DESCRIPTION_MAX_CHARS: usize = 300;
/// Days or units on one line.
pub const QUANTITY_MAX: u32 = 1_000;
pub const UNIT_PRICE_MAX_EUROS: u32 = 100_000;
/// A quote stays open for at most three months.
pub const VALIDITY_MAX_DAYS: i64 = 90;
pub const REVISION_COMMENT_MAX_CHARS: usize = 2_000;
/// The mention that a quote (and later an invoice) of an expert under the VAT franchise
/// must carry.
pub const FRANCHISE_MENTION: &str = "TVA non applicable, art. 293 B du CGI";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteState {
    /// Waiting for the client's answer.
    Sent,
    /// The client asked for changes: the expert sends a new version.
    RevisionRequested,
    /// Accepted by the client: frozen, the contract is drawn from it.
    Accepted,
    /// Replaced by a later version.
    Superseded,
}

impl QuoteState {
    pub const ALL: [QuoteState; 4] = [
        QuoteState::Sent,
        QuoteState::RevisionRequested,
        QuoteState::Accepted,
        QuoteState::Superseded,
    ];

    /// The stored value (`quote_versions.state`): the one mapping.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteState::Sent => "sent",
            QuoteState::RevisionRequested => "revision_requested",
            QuoteState::Accepted => "accepted",
            QuoteState::Superseded => "superseded",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|q| q.as_str() == s)
    }

    /// Who acts next on the latest version, if anyone.
    pub fn awaits(self) -> Option<Party> {
        match self {
            QuoteState::Sent => Some(Party::Client),
            QuoteState::RevisionRequested => Some(Party::Expert),
            QuoteState::Accepted | QuoteState::Superseded => None,
        }
    }
}

/// What happened to a quote, as its timeline entry says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteChange {
    /// A version sent: the first, or a revision.
    Sent,
    RevisionRequested,
    Accepted,
}

impl QuoteChange {
    pub const ALL: [QuoteChange; 3] = [
        QuoteChange::Sent,
        QuoteChange::RevisionRequested,
        QuoteChange::Accepted,
    ];

    /// The stored value (`quote_events.change`).
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteChange::Sent => "sent",
            QuoteChange::RevisionRequested => "revision_requested",
            QuoteChange::Accepted => "accepted",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// The client's answer to the latest version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "answer", content = "comment")]
pub enum QuoteAnswer {
    Accept,
    /// What the client wants changed, in their words.
    AskRevision(String),
}

/// Whether the expert may send a new version now: the path is at the client's choice,
/// and the latest version (if any) is not accepted.
pub fn may_send(path: ProposalState, latest: Option<QuoteState>) -> Result<(), Problem> {
    if path != ProposalState::Selected {
        return Err(Problem::QuoteNotExpected);
    }
    match latest {
        Some(QuoteState::Accepted) => Err(Problem::QuoteFrozen),
        _ => Ok(()),
    }
}

/// The state the latest version moves to on the client's answer. `version` is the one
/// the client read: an answer to an older version (another tab, a revision sent
/// meanwhile) is refused rather than applied to a text they did not see.
pub fn answer(
    latest: QuoteState,
    latest_version: i32,
    version: i32,
    valid_until: NaiveDate,
    today: NaiveDate,
    answer: &QuoteAnswer,
) -> Result<QuoteState, Problem> {
    if version != latest_version {
        return Err(Problem::QuoteVersionStale);
    }
    match latest {
        QuoteState::Sent => {}
        QuoteState::Accepted => return Err(Problem::QuoteFrozen),
        QuoteState::RevisionRequested | QuoteState::Superseded => {
            return Err(Problem::QuoteNotExpected)
        }
    }
    match answer {
        QuoteAnswer::Accept if today > valid_until => Err(Problem::QuoteExpired { valid_until }),
        QuoteAnswer::Accept => Ok(QuoteState::Accepted),
        QuoteAnswer::AskRevision(comment) => {
            let comment = comment.trim();
            if comment.is_empty() {
                Err(Problem::RevisionCommentRequired)
            } else if comment.chars().count() > REVISION_COMMENT_MAX_CHARS {
                Err(Problem::RevisionCommentTooLong {
                    max: REVISION_COMMENT_MAX_CHARS,
                })
            } else {
                Ok(QuoteState::RevisionRequested)
            }
        }
    }
}

/// The reference printed on a quote and quoted by the contract: `DEV-000042-v2`.
pub fn reference(number: i64, version: i32) -> String {
    format!("DEV-{number:06}-v{version}")
}

/// One version of a quote, as both parties read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteVersion {
    pub version: i32,
    pub reference: String,
    pub state: QuoteState,
    pub draft: QuoteDraft,
    pub totals: Totals,
    /// RFC 3339.
    pub sent_at: String,
    /// When the client answered (RFC 3339).
    pub answered_at: Option<String>,
    /// The client's request for changes on this version.
    pub revision_comment: Option<String>,
    /// Past its validity date without an answer: the expert sends a new version.
    pub expired: bool,
    /// Where its PDF is downloaded.
    pub pdf: String,
}

/// A path's quote as both parties read it: every version, the newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteView {
    pub versions: Vec<QuoteVersion>,
    /// Today in France, for the form's default dates.
    pub today: NaiveDate,
}

impl QuoteView {
    pub fn latest(&self) -> Option<&QuoteVersion> {
        self.versions.first()
    }
}

impl QuoteVersion {
    /// When the version entered its state: sent, or answered (RFC 3339).
    pub fn since(&self) -> &str {
        self.answered_at.as_deref().unwrap_or(&self.sent_at)
    }
}

#[cfg(test)]
mod tests;
