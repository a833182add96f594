//! Sign-up, sign-in, e-mail verification and password reset pages.

mod password;
mod sign_in;
mod sign_up;
mod verify;

pub use password::{ForgotPasswordPage, ResetPasswordPage};
pub use sign_in::SignInPage;
pub use sign_up::SignUpPage;
pub use verify::VerifyEmailPage;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The `jeton` parameter of a mailed link.
pub(crate) fn token_from_query() -> Memo<Option<String>> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get("jeton").filter(|t| !t.is_empty()))
}
