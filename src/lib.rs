#![recursion_limit = "256"]

//! B2BiZen : mise en relation d'experts, consultants et TPE avec les donneurs d'ordre.
//!
//! One crate, two builds (the cargo-leptos convention):
//! - `ssr`: the axum server, which renders pages and runs the server functions;
//! - `hydrate`: the WASM front end, which hydrates the server-rendered HTML.
//!
//! Layout: [`domain`] (pure shared rules), [`api`] (thin server functions),
//! [`server`] (server-only: each feature's use cases and SQL, config, state, jobs), [`ui`]
//! (components and pages), [`app`] (shell and routes).

// First, so that `tr!` and `tr_in!` are in scope in every module below.
#[macro_use]
pub mod i18n;

pub mod api;
pub mod app;
pub mod domain;
pub mod error;
#[cfg(feature = "ssr")]
pub mod server;
pub mod ui;

/// Entry point of the WASM bundle: hydrates the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
