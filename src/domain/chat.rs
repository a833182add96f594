//! The conversation of a path: the client and the expert write, admins read and may hide
//! a message. Messages are plain text; links are the only thing made of them, and only
//! web addresses (`http`, `https`), so no message can carry markup or a script address.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::problem::Problem;
use crate::domain::selection::{Party, ProposalState};

/// A message's length, in characters: a conversation, not a document.
pub const MESSAGE_MAX_CHARS: usize = 2000;
/// How many of the latest messages a conversation shows.
pub const SHOWN_MESSAGES: i64 = 200;
/// An unread message is sent by e-mail once it has waited this long.
pub const MAIL_AFTER_MINUTES: i64 = 15;

/// The message as it will be stored: trimmed, not empty, not too long.
pub fn message_body(raw: &str) -> Result<String, Problem> {
    let body = raw.trim();
    if body.is_empty() {
        return Err(Problem::ChatMessageEmpty);
    }
    if body.chars().count() > MESSAGE_MAX_CHARS {
        return Err(Problem::ChatMessageTooLong {
            max: MESSAGE_MAX_CHARS,
        });
    }
    Ok(body.to_string())
}

/// Whether the parties may still write: while the path is open, and once the expert is
/// selected (the quote and the contract are discussed there).
pub fn open_for_messages(state: ProposalState) -> bool {
    state.is_open() || state == ProposalState::Selected
}

/// One message as a party (or an admin) reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatMessage {
    pub id: i64,
    /// The client or the expert.
    pub author: Party,
    /// Written by the reader.
    pub mine: bool,
    /// Empty for a hidden message, except for admins.
    pub body: String,
    pub hidden: bool,
    pub at: DateTime<Utc>,
    /// `at` in Europe/Paris, as the server formats it (the browser has no time zones).
    pub at_paris: String,
}

/// A path's conversation, for one reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    pub reader: Party,
    /// The reader may write (a party, on a path still open for messages).
    pub may_write: bool,
    /// The latest messages, oldest first.
    pub messages: Vec<ChatMessage>,
    /// The newest message the reader has read.
    pub read_up_to: i64,
    /// The other party's first name (the expert's) or company name (the client's).
    pub other_side: String,
}

/// A piece of a message: text as written, or a web address to link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Link(&'a str),
}

/// The message cut into text and links. Only `http://` and `https://` addresses become
/// links; anything else (a `javascript:` address, an e-mail) stays text.
pub fn segments(body: &str) -> Vec<Segment<'_>> {
    let mut finder = linkify::LinkFinder::new();
    finder.kinds(&[linkify::LinkKind::Url]);
    finder
        .spans(body)
        .map(|span| {
            let s = span.as_str();
            let web =
                span.kind().is_some() && (s.starts_with("https://") || s.starts_with("http://"));
            if web {
                Segment::Link(s)
            } else {
                Segment::Text(s)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_trimmed_and_bounded() {
        assert_eq!(message_body("  bonjour \n").unwrap(), "bonjour");
        assert_eq!(message_body(" \n\t"), Err(Problem::ChatMessageEmpty));
        let long = "é".repeat(MESSAGE_MAX_CHARS + 1);
        assert_eq!(
            message_body(&long),
            Err(Problem::ChatMessageTooLong {
                max: MESSAGE_MAX_CHARS
            })
        );
        assert!(message_body(&"é".repeat(MESSAGE_MAX_CHARS)).is_ok());
    }

    #[test]
    fn only_web_addresses_become_links() {
        let parts = segments(
            "Voir https://exemple.fr/a?b=1, ou javascript://%0aalert(1) et moi@exemple.fr",
        );
        assert_eq!(
            parts,
            vec![
                Segment::Text("Voir "),
                Segment::Link("https://exemple.fr/a?b=1"),
                Segment::Text(", ou javascript://%0aalert(1) et moi@exemple.fr"),
            ]
        );
        assert_eq!(segments("<b>x</b>"), vec![Segment::Text("<b>x</b>")]);
    }

    #[test]
    fn an_ended_path_takes_no_message_but_a_selected_one_does() {
        assert!(open_for_messages(ProposalState::Shortlisted));
        assert!(open_for_messages(ProposalState::Selected));
        assert!(!open_for_messages(ProposalState::Declined));
        assert!(!open_for_messages(ProposalState::Withdrawn));
    }
}
