//! User interface: small components and the pages built from them.

pub mod components;
pub mod format;
pub mod head;
pub mod labels;
pub mod live;
pub mod pages;
pub mod routes;
pub mod text;
