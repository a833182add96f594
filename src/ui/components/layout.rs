use leptos::prelude::*;

use crate::api::auth::SignOut;
use crate::domain::account::Role;
use crate::domain::lang::Lang;
use crate::domain::session::CurrentUser;
use crate::ui::components::icon::Icon;
use crate::ui::components::session::use_auth;
use crate::ui::text::current_lang;

/// The site's bar: the brand and, behind a menu button on a phone (a `<details>`, so it
/// opens without JavaScript), the links of the caller's role and the language switch.
/// From 64rem the menu is laid out inline and the button is hidden (style/main.css).
#[component]
pub fn SiteHeader() -> impl IntoView {
    let menu = NodeRef::<leptos::html::Details>::new();
    let location = leptos_router::hooks::use_location();
    // A link followed inside the app closes the menu, as a page load would.
    Effect::new(move |_| {
        location.pathname.track();
        location.hash.track();
        if let Some(menu) = menu.get_untracked() {
            let _ = menu.remove_attribute("open");
        }
    });
    view! {
        <header class="site-header" data-testid="site-header">
            <a class="skip-link" href="#contenu">{tr!(site.skip_to_content)}</a>
            <div class="container site-header__inner">
                <a class="brand" href="/">
                    <span class="brand__mark"><Icon icon=Icon::Handshake/></span>
                    <span class="brand__name">"B2BiZen"</span>
                    <span class="brand__tagline">{tr!(site.brand_tagline)}</span>
                </a>
                <details class="site-menu" node_ref=menu>
                    <summary data-testid="menu-button">
                        <Icon icon=Icon::Menu/>
                        <span>{tr!(site.menu)}</span>
                    </summary>
                    <div class="site-menu__panel">
                        <nav class="site-nav" aria-label=tr!(site.nav_label)>
                            <a href="/experts">{tr!(site.nav_directory)}</a>
                            <UserNav/>
                        </nav>
                        <LanguageSwitch/>
                    </div>
                </details>
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
            aria-label=tr!(site.lang_label)>
            <input type="hidden" name="back" value=back/>
            {button(Lang::Fr, "FR")}
            " | "
            {button(Lang::En, "EN")}
        </form>
    }
}

/// What the caller's role can reach: sign-in links, or their account, notifications
/// (with the unread count) and, for admins, the mailbox when mails stay in it.
#[component]
fn UserNav() -> impl IntoView {
    let auth = use_auth();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match auth.user.await {
                    Ok(Some(caller)) => view! { <SignedInNav user=caller.user mailbox=caller.mailbox loaded=caller.live/> }.into_any(),
                    _ => view! { <AnonymousNav/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn AnonymousNav() -> impl IntoView {
    view! {
        <a href="/#experts">{tr!(site.nav_experts)}</a>
        <a href="/#entreprises">{tr!(site.nav_companies)}</a>
        <a href="/#fonctionnement">{tr!(site.nav_how)}</a>
        <span class="site-nav__sep"></span>
        <a href="/connexion"><Icon icon=Icon::LogIn/>{tr!(account.nav_sign_in)}</a>
        <a href="/inscription" class="button button--small">{tr!(account.nav_sign_up)}</a>
    }
}

#[component]
fn SignedInNav(
    user: CurrentUser,
    mailbox: bool,
    loaded: crate::domain::live::LiveStatus,
) -> impl IntoView {
    let auth = use_auth();
    let live = crate::ui::live::use_live();
    let unread = move || live.counts(loaded).unread_notices;
    let messages = move || live.counts(loaded).unread_messages;
    let sign_out = ServerAction::<SignOut>::new();
    Effect::new(move |_| {
        if sign_out.version().get() > 0 {
            auth.changed();
        }
    });
    view! {
        <a href="/notifications" data-testid="nav-notifications">
            <Icon icon=Icon::Bell/>
            {tr!(account.nav_notifications)}
            {move || {
                let unread = unread();
                (unread > 0).then(|| view! {
                    <span class="badge" data-testid="unread-badge" aria-label=format!("{unread} {}", tr!(account.unread_label))>{unread}</span>
                })
            }}
        </a>
        // One element around the role's links keeps the hydration markers simple.
        <span class="site-nav__role">
            {match user.role {
                Role::Provider => view! {
                    <a href="/profil" data-testid="nav-profile">{tr!(account.nav_profile)}</a>
                    <a href="/projets" data-testid="nav-projects">{tr!(account.nav_projects)}</a>
                    <a href="/mes-propositions" data-testid="nav-paths">{tr!(selection.paths_title)}{move || messages_badge(messages())}</a>
                    <a href="/facturation" data-testid="nav-billing">{tr!(billing.nav_billing)}</a>
                }.into_any(),
                Role::Admin => view! {
                    <a href="/admin/revues" data-testid="nav-reviews">{tr!(account.nav_reviews)}</a>
                    <a href="/admin/projets" data-testid="nav-admin-projects">{tr!(account.nav_admin_projects)}</a>
                    <a href="/admin/referentiel">{tr!(account.nav_reference)}</a>
                    <a href="/admin/comptes" data-testid="nav-accounts">{tr!(account.nav_accounts)}</a>
                    <a href="/admin/facturation" data-testid="nav-admin-billing">{tr!(billing.admin_title)}</a>
                    {mailbox.then(|| view! { <a href="/admin/mailbox">{tr!(account.nav_mailbox)}</a> })}
                }.into_any(),
                Role::Client => view! { <a href="/mes-projets" data-testid="nav-my-projects">{tr!(account.nav_my_projects)}{move || messages_badge(messages())}</a> }.into_any(),
            }}
        </span>
        <span class="site-nav__sep"></span>
        <a href="/compte" data-testid="nav-account"><Icon icon=Icon::User/>{tr!(account.nav_account)}</a>
        <ActionForm action=sign_out attr:class="inline-form">
            <button type="submit" class="link-button" data-testid="sign-out"><Icon icon=Icon::LogOut/>{tr!(account.nav_sign_out)}</button>
        </ActionForm>
    }
}

/// Unread messages, on the link to where the conversations are.
fn messages_badge(messages: i64) -> impl IntoView {
    (messages > 0).then(|| {
        view! {
            <span class="badge" data-testid="messages-badge"
                aria-label=format!("{messages} {}", tr!(chat.unread_label))>{messages}</span>
        }
    })
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="container site-footer__inner">
                <p>{tr!(site.footer_about)}</p>
                <p>{tr!(site.footer_portage)}</p>
                <p><a href="/tarifs" data-testid="footer-pricing">{tr!(billing.nav_pricing)}</a></p>
                <p class="site-footer__legal">"© B2BiZen. " {tr!(site.footer_rights)}</p>
            </div>
        </footer>
    }
}
