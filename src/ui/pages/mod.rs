pub mod account;
pub mod admin;
pub mod auth;
pub mod directory;
pub mod home;
pub mod not_found;
pub mod notifications;
pub mod profile;
