//! Server-only code (`ssr` feature): each feature's use cases and their SQL, and the
//! configuration, state, database, jobs and HTTP layers they run on.

pub mod account;
pub mod auth;
pub mod billing;
pub mod chat;
pub mod cli;
pub mod clock;
pub mod config;
pub mod contract;
pub mod db;
pub mod demo;
pub mod directory;
pub mod eligibility;
pub mod embedded_pg;
pub mod files;
pub mod http;
pub mod jobs;
pub mod lang;
pub mod live;
pub mod mail;
pub mod match_sync;
pub mod matching;
pub mod pdf;
pub mod profile;
pub mod project;
pub mod quote;
pub mod reference;
pub mod repo;
pub mod retention;
pub mod review;
pub mod selection;
pub mod state;
pub mod stats;
pub mod storage;
pub mod telemetry;
