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
