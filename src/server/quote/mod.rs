//! The quote of a selected expert: versions sent by the expert, answered by the client
//! ([`write`]), read by both and by admins ([`read`]).

pub mod pdf;
mod read;
mod write;

pub use read::{quotes_of, timeline_entries};
pub use write::{answer, send};
