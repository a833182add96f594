mod mailbox;
mod reviews;

pub use mailbox::MailboxPage;
pub use reviews::{ReviewPage, ReviewQueuePage};
