//! The axum application: Leptos pages, server functions, static files, health check.

pub mod assets;
pub mod headers;
mod serve;
pub use serve::serve;

use axum::extract::State;
use axum::http::StatusCode;
use axum::middleware::from_fn_with_state;
use axum::routing::get;
use axum::Router;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::sync::OnceLock;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::{time::Duration, SameSite};
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::PostgresStore;

use crate::app::{shell, App};
use crate::server::auth::{access, csrf, session};
use crate::server::files;
use crate::server::state::AppState;

/// Session cookies: HttpOnly, SameSite=Lax, and on HTTPS `Secure` with the `__Host-` prefix.
fn session_layer(state: &AppState) -> SessionManagerLayer<PostgresStore> {
    let secure = state.config.secure_cookies;
    SessionManagerLayer::new(PostgresStore::new(state.pool.clone()))
        .with_name(if secure {
            "__Host-b2bizen"
        } else {
            "b2bizen_session"
        })
        .with_secure(secure)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(Duration::minutes(
            session::IDLE_MINUTES,
        )))
}

/// The app's routes, computed once per process: `generate_route_list` renders the app
/// under a new root owner, and doing so while another request renders was seen to stall
/// that request (several routers are built concurrently in the tests).
pub fn routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(state: AppState) -> Router {
    let routes = routes();
    let options = state.leptos_options.clone();
    let stylesheet = state.config.stylesheet.clone();
    let page = move |options| shell(options, stylesheet.clone());
    Router::new()
        .route("/healthz", get(health))
        .route("/fichiers/{slot}/{id}", get(files::serve))
        .route("/photos/{id}", get(files::published_photo))
        .route(
            crate::server::quote::pdf::PATH,
            get(crate::server::quote::pdf::download),
        )
        .route(
            crate::server::contract::PATH,
            get(crate::server::contract::download),
        )
        .route(
            crate::server::contract::COPY_PATH,
            get(crate::server::contract::mission_copy)
                .post(crate::server::contract::upload_mission_copy),
        )
        .route(
            crate::server::contract::verify::UPLOAD_PATH,
            axum::routing::post(crate::server::contract::verify::upload),
        )
        .route(
            crate::server::billing::routes::INVOICE_PATH,
            get(crate::server::billing::routes::invoice),
        )
        .route(
            crate::server::billing::routes::STATEMENT_PATH,
            axum::routing::post(crate::server::billing::routes::statement),
        )
        .route(
            crate::server::billing::mission::UPLOAD_PATH,
            axum::routing::post(crate::server::billing::mission::upload),
        )
        .route(
            crate::server::billing::mission::FILE_PATH,
            get(crate::server::billing::mission::file),
        )
        .route(
            crate::server::billing::export::PATH,
            get(crate::server::billing::export::download),
        )
        .route(
            crate::server::live::stream::PATH,
            get(crate::server::live::stream::open),
        )
        .leptos_routes(&state, routes, {
            let page = page.clone();
            move || page(options.clone())
        })
        .nest(
            &format!("/{}", state.leptos_options.site_pkg_dir),
            assets::pkg_files(&state.leptos_options),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(page))
        // Outermost last: trace → headers → compression → body timeout → CSRF → session
        // → access.
        .layer(from_fn_with_state(state.clone(), access::guard))
        .layer(session_layer(&state))
        .layer(from_fn_with_state(state.clone(), csrf::refuse_cross_site))
        .layer(RequestBodyTimeoutLayer::new(
            state.config.slow_client_timeout,
        ))
        .layer(CompressionLayer::new())
        .layer(from_fn_with_state(state.clone(), headers::security_headers))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Liveness and readiness: answers 200 only when PostgreSQL answers.
async fn health(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match sqlx::query_scalar!("SELECT 1 AS ready")
        .fetch_one(&state.pool)
        .await
    {
        Ok(_) => (StatusCode::OK, "ok"),
        Err(err) => {
            tracing::warn!(error = %err, "health check: database unavailable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
