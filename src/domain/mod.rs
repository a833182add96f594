//! Pure, shared types and rules: no database, no web framework.
//! Everything here compiles for both the server and the browser.

pub mod account;
pub mod departement;
pub mod profile;
pub mod session;
pub mod stats;
pub mod upload;
