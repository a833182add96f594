//! Who is signed in, for the whole interface.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use serde::{Deserialize, Serialize};

use crate::api::admin::admin_mailbox_open;
use crate::api::auth::whoami;
use crate::api::notification::header_status;
use crate::domain::account::Role;
use crate::domain::live::LiveStatus;
use crate::domain::session::CurrentUser;
use crate::error::AppError;

/// The signed-in caller, and what the menu offers beyond their role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    pub user: CurrentUser,
    /// Admins, when no SMTP server is configured (the mailbox answers 404 otherwise).
    pub mailbox: bool,
    /// Unread counts for the menu's badges, and the live cursor of the render.
    pub live: LiveStatus,
}

/// The caller, refetched on every navigation and whenever [`Auth::changed`] is called.
#[derive(Clone, Copy)]
pub struct Auth {
    pub user: Resource<Result<Option<SignedIn>, AppError>>,
    version: RwSignal<u32>,
}

impl Auth {
    /// Call after signing in or out.
    pub fn changed(&self) {
        self.version.update(|v| *v += 1);
    }
}

/// Provides [`Auth`]; must sit inside the router.
pub fn provide_auth() -> Auth {
    let location = use_location();
    let version = RwSignal::new(0u32);
    // One resource for the caller, their menu and their unread count: a second one,
    // resolved on its own, raced this one during hydration and broke it.
    let user = Resource::new(
        move || (location.pathname.get(), version.get()),
        |_| fetch_caller(),
    );
    let auth = Auth { user, version };
    provide_context(auth);
    auth
}

async fn fetch_caller() -> Result<Option<SignedIn>, AppError> {
    let Some(user) = whoami().await? else {
        return Ok(None);
    };
    // Both at once: this runs on every navigation. A badge or a mailbox link left out is
    // better than a menu left out.
    let mailbox = async { user.role == Role::Admin && admin_mailbox_open().await.unwrap_or(false) };
    let live = async { header_status().await.unwrap_or_default() };
    let (mailbox, live) = futures::join!(mailbox, live);
    Ok(Some(SignedIn {
        user,
        mailbox,
        live,
    }))
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

/// Shows `signed_in` with the caller, or an invitation to sign in.
///
/// The server may run `signed_in` more than once while the session resolves, so it must
/// not create resources: create them in the page component, before `RequireUser`, and
/// pass them in (otherwise each run adds a resource under a new id and the browser, which
/// runs it once, hydrates with another resource's value; see `tests/server/ssr_resources.rs`).
#[component]
pub fn RequireUser<F, V>(signed_in: F) -> impl IntoView
where
    F: Fn(CurrentUser) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let auth = use_auth();
    view! {
        <Transition fallback=|| ()>
            {
                let signed_in = signed_in.clone();
                move || {
                    let signed_in = signed_in.clone();
                    Suspend::new(async move {
                        match auth.user.await {
                            Ok(Some(caller)) => signed_in(caller.user).into_any(),
                            _ => view! {
                                <section class="container narrow">
                                    <p class="notice">{tr!(account.must_sign_in)}</p>
                                    <a class="button" href="/connexion">{tr!(account.nav_sign_in)}</a>
                                </section>
                            }.into_any(),
                        }
                    })
                }
            }
        </Transition>
    }
}
