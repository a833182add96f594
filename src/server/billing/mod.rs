//! Billing: the commission invoiced to the expert when the intermediation contract is
//! signed ([`issue`]), its document drawn after the transaction ([`document`]), payments
//! recorded by hand or from a bank statement ([`payments`], [`statement`]), the experts'
//! own mission invoices ([`mission`]), reminders and the refund path ([`reminders`]),
//! the pages' reads and the accounting export ([`read`], [`export`]).

pub mod document;
pub mod export;
pub mod issue;
pub mod mission;
mod news;
pub mod numbering;
pub mod payments;
pub mod read;
pub mod reminders;
pub mod routes;
pub mod schedule;
pub mod statement;
mod template;

/// Woken when an invoice is issued: its document is to be drawn and mailed.
pub const CHANNEL: &str = "billing_documents";

/// Due 30 days after issue: the legal default between businesses (C. com. L441-10).
pub const TERMS_DAYS: i64 = 30;
