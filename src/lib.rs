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
///
/// Asynchronously: a page split out of the first bundle (src/ui/routes.rs) hydrates once
/// its chunk has arrived. Only then is the document marked `data-hydrated`: end-to-end
/// tests wait for that mark before they click or read a field.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        let body = leptos::prelude::document()
            .body()
            .expect("a page has a body");
        let mounted = leptos::mount::hydrate_from_async(body, app::App).await;
        if let Some(root) = leptos::prelude::document().document_element() {
            let _ = root.set_attribute("data-hydrated", "");
        }
        // The page lives as long as the tab: never unmount it.
        mounted.forget();
    });
}
