//! Who is signed in, for the whole interface.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::auth::whoami;
use crate::domain::session::CurrentUser;
use crate::error::AppError;

/// The caller, refetched on every navigation and whenever [`Auth::changed`] is called.
#[derive(Clone, Copy)]
pub struct Auth {
    pub user: Resource<Result<Option<CurrentUser>, AppError>>,
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
    let user = Resource::new(
        move || (location.pathname.get(), version.get()),
        |_| whoami(),
    );
    let auth = Auth { user, version };
    provide_context(auth);
    auth
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
                            Ok(Some(user)) => signed_in(user).into_any(),
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
