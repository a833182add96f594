//! Who is calling: shared between the server and the interface.

use super::id::{AccountId, MailId};
use serde::{Deserialize, Serialize};

use super::account::Role;

/// The signed-in caller, as the interface may know it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: AccountId,
    pub role: Role,
    pub display_name: String,
    pub email: String,
    pub email_verified: bool,
}

/// A mail of the outbox, as shown on the admin mailbox page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMail {
    pub id: MailId,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    /// Links found in the body, so that they can be opened from the page.
    pub links: Vec<String>,
    pub created_at: String,
    pub status: MailStatus,
}

/// Where a mail of the outbox stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MailStatus {
    Pending,
    Sent,
    Failed,
}
