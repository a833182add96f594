mod mailbox;

pub use mailbox::MailboxPage;
