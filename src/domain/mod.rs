//! Pure, shared types and rules: no database, no web framework.
//! Everything here compiles for both the server and the browser.

pub mod account;
pub mod billing;
pub mod chat;
pub mod contract;
pub mod departement;
pub mod eligibility;
pub mod id;
pub mod lang;
pub mod live;
pub mod matching;
pub mod money;
pub mod notification;
pub mod parse;
pub mod password;
pub mod problem;
pub mod profile;
pub mod project;
pub mod quote;
pub mod reference;
pub mod review;
pub mod selection;
pub mod session;
pub mod stats;
pub mod upload;
