//! The HTML shell and the routes.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::ui::components::layout::{SiteFooter, SiteHeader};
use crate::ui::components::session::provide_auth;
use crate::ui::pages::account::AccountPage;
use crate::ui::pages::admin::{
    AccountsPage, AdminProjectPage, AdminProjectsPage, MailboxPage, ReferencePage, ReviewPage,
    ReviewQueuePage,
};
use crate::ui::pages::auth::{
    ForgotPasswordPage, ResetPasswordPage, SignInPage, SignUpPage, VerifyEmailPage,
};
use crate::ui::pages::directory::{DirectoryPage, ExpertCardPage};
use crate::ui::pages::notification::NotificationsPage;
use crate::ui::pages::profile::ProfileEditorPage;
use crate::ui::pages::project::{
    ClientProjectPage, ClientProjectsPage, ExpertProjectsPage, NewProjectPage,
};
use crate::ui::pages::{home::HomePage, not_found::NotFound};

/// The document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        page_security_policy();
        // Once per request, before anything reads a text: every tr!() of this page
        // (and the browser, from the `<html lang>` below) then agree.
        provide_context(crate::server::lang::of_request());
    }
    view! {
        <!DOCTYPE html>
        <html lang=crate::ui::text::current_lang().code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
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
    // Effects run in the browser only: this marks the document once hydrated
    // (end-to-end tests wait for it before clicking).
    Effect::new(|_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "");
        }
    });
    view! {
        <Stylesheet id="leptos" href="/pkg/b2bizen.css"/>
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
    view! {
        <SiteHeader/>
        <main id="contenu">
            <Routes fallback=NotFound>
                <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                <Route path=path!("/experts") view=DirectoryPage ssr=SsrMode::Async/>
                <Route path=path!("/experts/:id") view=ExpertCardPage ssr=SsrMode::Async/>
                <Route path=path!("/inscription") view=SignUpPage/>
                <Route path=path!("/connexion") view=SignInPage/>
                <Route path=path!("/mot-de-passe-oublie") view=ForgotPasswordPage/>
                <Route path=path!("/reinitialiser-mot-de-passe") view=ResetPasswordPage/>
                <Route path=path!("/verifier-email") view=VerifyEmailPage/>
                <Route path=path!("/compte") view=AccountPage/>
                <Route path=path!("/notifications") view=NotificationsPage/>
                <Route path=path!("/admin/mailbox") view=MailboxPage/>
                <Route path=path!("/admin/revues") view=ReviewQueuePage ssr=SsrMode::Async/>
                <Route path=path!("/admin/revues/:id") view=ReviewPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/referentiel") view=ReferencePage ssr=SsrMode::Async/>
                <Route path=path!("/admin/comptes") view=AccountsPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/projets") view=AdminProjectsPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/projets/:id") view=AdminProjectPage ssr=SsrMode::Async/>
                <Route path=path!("/mes-projets") view=ClientProjectsPage ssr=SsrMode::Async/>
                <Route path=path!("/mes-projets/nouveau") view=NewProjectPage ssr=SsrMode::Async/>
                <Route path=path!("/mes-projets/:id") view=ClientProjectPage ssr=SsrMode::Async/>
                <Route path=path!("/projets") view=ExpertProjectsPage ssr=SsrMode::Async/>
                <Route path=path!("/profil") view=ProfileEditorPage ssr=SsrMode::Async/>
            </Routes>
        </main>
        <SiteFooter/>
    }
}
