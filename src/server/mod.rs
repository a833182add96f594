//! Server-only code (`ssr` feature): configuration, state, database, repositories, HTTP.

pub mod accounts;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod dossiers;
pub mod eligibility;
pub mod embedded_pg;
pub mod files;
pub mod http;
pub mod jobs;
pub mod lang;
pub mod mail;
pub mod match_sync;
pub mod matching;
pub mod projects;
pub mod repo;
pub mod retention;
pub mod review;
pub mod selection;
pub mod state;
pub mod storage;
pub mod telemetry;
