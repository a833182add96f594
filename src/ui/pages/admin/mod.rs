mod accounts;
mod mailbox;
mod projects;
mod reference;
mod reviews;

pub use accounts::AccountsPage;
pub use mailbox::MailboxPage;
pub use projects::{AdminProjectPage, AdminProjectsPage};
pub use reference::ReferencePage;
pub use reviews::{ReviewPage, ReviewQueuePage};
