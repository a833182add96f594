//! E-mail: French templates, the transactional outbox and the SMTP delivery worker.

pub mod outbox;
pub mod templates;
pub mod worker;

pub use templates::{Invitation, Mail};
