mod account;
mod mailbox;
mod project;
mod reference;
mod review;
mod style_guide;

pub use account::AccountsPage;
pub use mailbox::MailboxPage;
pub use project::{AdminProjectPage, AdminProjectsPage};
pub use reference::ReferencePage;
pub use review::{ReviewPage, ReviewQueuePage};
pub use style_guide::StyleGuidePage;
