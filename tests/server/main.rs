//! Server tests: the real app over real HTTP on a real PostgreSQL (one fresh database
//! per test), mail through a real SMTP server, the real binary for start-up.
//!
//! One test binary rather than one per file: each binary links the whole app, so eleven
//! of them cost eleven links and as many copies on disk for the same tests.

mod billing;
mod common;
mod contracts;

mod access;
mod account_settings;
mod admin_accounts;
mod auth;
mod auth_limits;
mod chat;
mod decisions;
mod directory;
mod front_files;
mod hardening;
mod http;
mod jobs;
mod lang;
mod layout;
mod live;
mod mail;
mod photos;
mod privacy;
mod profile;
mod project_drafts;
mod project_lifecycle;
mod projects;
mod proposals;
mod quotes;
mod reference;
mod retention;
mod review;
mod s3;
mod selection;
mod sessions;
mod ssr_resources;
mod startup;
mod step_reminders;
mod steps;
mod uploads;
