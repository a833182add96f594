//! Authentication and access control.

pub mod access;
pub mod client_ip;
pub mod csrf;
pub mod password;
pub mod rate_limit;
pub mod session;
pub mod tokens;
