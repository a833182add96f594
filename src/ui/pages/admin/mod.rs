mod mailbox;
mod reference;
mod reviews;

pub use mailbox::MailboxPage;
pub use reference::ReferencePage;
pub use reviews::{ReviewPage, ReviewQueuePage};
