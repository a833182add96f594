//! The HTML shell and the routes.

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos_meta::MetaTags;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};

use crate::ui::components::layout::{SiteFooter, SiteHeader};
use crate::ui::components::session::provide_auth;
use crate::ui::pages::directory::{DirectoryPage, ExpertCardPage};
use crate::ui::pages::{home::HomePage, not_found::NotFound};
use crate::ui::routes::*;

/// The document around the app, rendered on the server only.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions, stylesheet: std::sync::Arc<str>) -> impl IntoView {
    page_security_policy();
    // Once per request, before anything reads a text: every tr!() of this page
    // (and the browser, from the `<html lang>` below) then agree.
    provide_context(crate::server::lang::of_request());
    view! {
        <!DOCTYPE html>
        <html lang=crate::ui::text::current_lang().code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="stylesheet" id="leptos" href=stylesheet.to_string()/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The page's Content-Security-Policy, with the nonce Leptos gives this response's inline
/// scripts: a script injected into the page has no nonce and does not run.
#[cfg(feature = "ssr")]
fn page_security_policy() {
    use axum::http::{header, HeaderValue};
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    if let Ok(policy) = HeaderValue::from_str(&crate::server::http::headers::page_policy(&nonce)) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, policy);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title formatter=|title: String| crate::ui::head::page_title(&title)/>
        <Router>
            <Shell/>
        </Router>
    }
}

/// Everything inside the router (the session context needs the location).
#[component]
fn Shell() -> impl IntoView {
    provide_auth();
    crate::ui::live::provide_live();
    view! {
        <SiteHeader/>
        <main id="contenu">
            <Routes fallback=NotFound>
                <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                <Route path=path!("/experts") view=DirectoryPage ssr=SsrMode::Async/>
                <Route path=path!("/experts/:id") view=ExpertCardPage ssr=SsrMode::Async/>
                <Route path=path!("/inscription") view={Lazy::<SignUpRoute>::new()}/>
                <Route path=path!("/connexion") view={Lazy::<SignInRoute>::new()}/>
                <Route path=path!("/mot-de-passe-oublie") view={Lazy::<ForgotPasswordRoute>::new()}/>
                <Route path=path!("/reinitialiser-mot-de-passe") view={Lazy::<ResetPasswordRoute>::new()}/>
                <Route path=path!("/verifier-email") view={Lazy::<VerifyEmailRoute>::new()}/>
                <Route path=path!("/compte") view={Lazy::<AccountRoute>::new()}/>
                <Route path=path!("/notifications") view={Lazy::<NotificationsRoute>::new()}/>
                <Route path=path!("/admin/mailbox") view={Lazy::<MailboxRoute>::new()}/>
                <Route path=path!("/admin/revues") view={Lazy::<ReviewQueueRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/admin/revues/:id") view={Lazy::<ReviewRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/admin/referentiel") view={Lazy::<ReferenceRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/admin/comptes") view={Lazy::<AccountsRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/admin/projets") view={Lazy::<AdminProjectsRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/admin/projets/:id") view={Lazy::<AdminProjectRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/admin/style") view={Lazy::<StyleGuideRoute>::new()}/>
                <Route path=path!("/mes-projets") view={Lazy::<ClientProjectsRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/mes-projets/nouveau") view={Lazy::<NewProjectRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/mes-projets/:id") view={Lazy::<ClientProjectRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/projets") view={Lazy::<ExpertProjectsRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/mes-propositions") view={Lazy::<ExpertPathsRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/profil") view={Lazy::<ProfileEditorRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/verifier") view={Lazy::<VerifyRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/tarifs") view={Lazy::<PricingRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/facturation") view={Lazy::<ExpertBillingRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/admin/facturation") view={Lazy::<AdminBillingRoute>::new()} ssr=SsrMode::Async/>
            </Routes>
        </main>
        <SiteFooter/>
    }
}
