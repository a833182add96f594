use leptos::prelude::*;

use crate::api::auth::SignOut;
use crate::api::notifications::unread_notifications;
use crate::domain::account::Role;
use crate::domain::lang::Lang;
use crate::domain::session::CurrentUser;
use crate::ui::components::session::use_auth;
use crate::ui::text::{current_lang, t, ta};

#[component]
pub fn SiteHeader() -> impl IntoView {
    let tx = t();
    view! {
        <header class="site-header">
            <div class="container site-header__inner">
                <a class="brand" href="/">
                    <span class="brand__name">"B2BiZen"</span>
                    <span class="brand__tagline">{tx.brand_tagline}</span>
                </a>
                <nav class="site-nav" aria-label=tx.nav_label>
                    <a href="/experts">{tx.nav_directory}</a>
                    <a href="/#experts">{tx.nav_experts}</a>
                    <a href="/#entreprises">{tx.nav_companies}</a>
                    <a href="/#fonctionnement">{tx.nav_how}</a>
                    <UserNav/>
                </nav>
                <LanguageSwitch/>
            </div>
        </header>
    }
}

/// "FR | EN": a plain form, so it works before (and without) JavaScript; the server
/// keeps the choice in a cookie and sends the visitor back to this page.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let back = move || format!("{}{}", location.pathname.get(), location.search.get());
    let current = current_lang();
    let button = move |lang: Lang, label: &'static str| {
        view! {
            <button type="submit" name="lang" value=lang.code() class="link-button"
                aria-pressed=if lang == current { "true" } else { "false" }
                lang=lang.code() data-testid=format!("lang-{}", lang.code())>
                {label}
            </button>
        }
    };
    view! {
        <form method="post" action="/api/set_language" class="inline-form lang-switch"
            aria-label=t().lang_label>
            <input type="hidden" name="back" value=back/>
            {button(Lang::Fr, "FR")}
            " | "
            {button(Lang::En, "EN")}
        </form>
    }
}

/// What the caller's role can reach: sign-in links, or their account, notifications
/// (with the unread count) and, for admins, the mailbox.
#[component]
fn UserNav() -> impl IntoView {
    let auth = use_auth();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match auth.user.await {
                    Ok(Some(user)) => view! { <SignedInNav user/> }.into_any(),
                    _ => view! { <AnonymousNav/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn AnonymousNav() -> impl IntoView {
    let tx = ta();
    view! {
        <a href="/connexion">{tx.nav_sign_in}</a>
        <a href="/inscription" class="button button--small">{tx.nav_sign_up}</a>
    }
}

#[component]
fn SignedInNav(user: CurrentUser) -> impl IntoView {
    let tx = ta();
    let auth = use_auth();
    // Loaded in the browser only: the server renders no badge, and hydration finds the
    // same (a count resolved on both sides raced the session resource and broke it).
    let unread = LocalResource::new(move || {
        auth.user.track();
        async move { unread_notifications().await.unwrap_or(0) }
    });
    let sign_out = ServerAction::<SignOut>::new();
    Effect::new(move |_| {
        if sign_out.version().get() > 0 {
            auth.changed();
        }
    });
    view! {
        <a href="/compte" data-testid="nav-account">{tx.nav_account}</a>
        <a href="/notifications" data-testid="nav-notifications">
            {tx.nav_notifications}
            {move || {
                let count = unread.get().unwrap_or(0);
                (count > 0).then(|| view! {
                    <span class="badge" data-testid="unread-badge" aria-label=format!("{count} {}", tx.unread_label)>{count}</span>
                })
            }}
        </a>
        // One element around the role's links keeps the hydration markers simple.
        <span class="site-nav__role">
            {match user.role {
                Role::Provider => view! {
                    <a href="/profil" data-testid="nav-profile">{tx.nav_profile}</a>
                    <a href="/projets" data-testid="nav-projects">{tx.nav_projects}</a>
                }.into_any(),
                Role::Admin => view! {
                    <a href="/admin/revues" data-testid="nav-reviews">{tx.nav_reviews}</a>
                    <a href="/admin/projets" data-testid="nav-admin-projects">{tx.nav_admin_projects}</a>
                    <a href="/admin/referentiel">{tx.nav_reference}</a>
                    <a href="/admin/comptes" data-testid="nav-accounts">{tx.nav_accounts}</a>
                    <a href="/admin/mailbox">{tx.nav_mailbox}</a>
                }.into_any(),
                Role::Client => view! { <a href="/mes-projets" data-testid="nav-my-projects">{tx.nav_my_projects}</a> }.into_any(),
            }}
        </span>
        <ActionForm action=sign_out attr:class="inline-form">
            <button type="submit" class="link-button" data-testid="sign-out">{tx.nav_sign_out}</button>
        </ActionForm>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let tx = t();
    view! {
        <footer class="site-footer">
            <div class="container site-footer__inner">
                <p>{tx.footer_about}</p>
                <p>{tx.footer_portage}</p>
                <p class="site-footer__legal">"© B2BiZen. " {tx.footer_rights}</p>
            </div>
        </footer>
    }
}
