//! What the server pushes to open pages. An event says *what* changed (a path, a
//! conversation, the reader's notifications) and never *how*: the page asks again through
//! its server function, which checks the reader as usual. Nothing private can leak
//! through the stream, and an event received twice changes nothing.

use serde::{Deserialize, Serialize};

use crate::domain::id::{ExpertId, ProjectId};

/// What an event is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LiveKind {
    /// An expert's path on a project moved (its state, its log, its steps).
    Path,
    /// A message was posted in, or hidden from, the conversation of a path.
    Chat,
    /// The reader's notifications changed (their unread count).
    Notice,
}

impl LiveKind {
    pub const ALL: [Self; 3] = [Self::Path, Self::Chat, Self::Notice];

    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Path => "path",
            Self::Chat => "chat",
            Self::Notice => "notice",
        }
    }
}

/// One pushed event, as the browser receives it (the SSE `data:`, JSON; its `id:` is
/// [`LiveEvent::id`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveEvent {
    pub id: i64,
    pub kind: LiveKind,
    pub project: Option<ProjectId>,
    pub expert: Option<ExpertId>,
}

impl LiveEvent {
    /// Whether the event concerns the path of `expert` on `project`.
    pub fn is_about(&self, project: ProjectId, expert: Option<ExpertId>) -> bool {
        self.project == Some(project) && (expert.is_none() || self.expert == expert)
    }
}

/// The SSE event type sent instead of a replay too long to be useful: the page refetches
/// everything it shows.
pub const RESET: &str = "reset";

/// The caller's inbox as the header shows it, with the cursor of the render.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveStatus {
    /// The newest event id when the page was rendered.
    pub cursor: i64,
    pub unread_notices: i64,
    /// Messages of the caller's conversations they have not read.
    pub unread_messages: i64,
}

/// The cursor a reconnecting browser sends (`Last-Event-ID`, or `?after=` when a page
/// opens a new stream): the last event id it has. Anything else starts from now.
pub fn parse_cursor(raw: &str) -> Option<i64> {
    raw.trim().parse::<i64>().ok().filter(|id| *id >= 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_is_a_non_negative_event_id() {
        assert_eq!(parse_cursor(" 42 "), Some(42));
        assert_eq!(parse_cursor("0"), Some(0));
        assert_eq!(parse_cursor("-1"), None);
        assert_eq!(parse_cursor("42abc"), None);
        assert_eq!(parse_cursor(""), None);
    }

    #[test]
    fn an_event_is_about_its_own_path_only() {
        let project = ProjectId::new(uuid::Uuid::from_u128(1));
        let expert = ExpertId::new(uuid::Uuid::from_u128(2));
        let other = ExpertId::new(uuid::Uuid::from_u128(3));
        let event = LiveEvent {
            id: 1,
            kind: LiveKind::Path,
            project: Some(project),
            expert: Some(expert),
        };
        assert!(event.is_about(project, Some(expert)));
        assert!(event.is_about(project, None));
        assert!(!event.is_about(project, Some(other)));
        assert!(!event.is_about(ProjectId::new(uuid::Uuid::from_u128(9)), None));
    }
}
