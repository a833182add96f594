//! The intermediation contract: drawn when the client accepts a quote ([`draw`]), signed
//! by both with an e-mailed code ([`sign`]) into a hash-chained evidence log
//! ([`evidence`]), finished with an evidence page ([`finish`]), verified from any copy
//! ([`verify`]); then the mission contract declared ([`mission`]).

mod document;
mod draw;
pub mod evidence;
mod finish;
mod mission;
mod news;
mod read;
pub mod sign;
mod template;
pub mod verify;

pub use document::{download, mission_copy, upload_mission_copy, COPY_PATH, PATH};
pub(crate) use draw::draw;
pub use draw::Drawn;
pub use mission::{declare_none, declare_signed};
pub use read::{contracts_of, timeline_entries};

use crate::server::state::AppState;
use crate::server::storage::Key;

/// A stored document whose transaction did not commit.
pub async fn forget(state: &AppState, key: &Key) {
    finish::forget(state, key).await
}
