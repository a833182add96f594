use leptos::prelude::*;
use leptos_meta::Title;

/// Rendered for every unknown path, with a real 404 status.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=tr!(site.not_found_title)/>
        <section class="container page-message">
            <h1>{tr!(site.not_found_title)}</h1>
            <p>{tr!(site.not_found_body)}</p>
            <a class="button" href="/">{tr!(site.not_found_back)}</a>
        </section>
    }
}
