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

use crate::ui::components::form::ErrorNotice;
use leptos_router::hooks::use_query_map;

/// The `jeton` parameter of a mailed link.
pub(crate) fn token_from_query() -> Memo<Option<String>> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get("jeton").filter(|t| !t.is_empty()))
}

/// The body of a page opened from a mailed link: `children` (which hold a [`TokenField`]),
/// or a message when the link arrived incomplete.
#[component]
pub(crate) fn WithToken(children: ChildrenFn) -> impl IntoView {
    let token = token_from_query();
    provide_context(token);
    view! {
        <Show
            when=move || token.get().is_some()
            fallback=move || view! { <ErrorNotice message=tr!(account.missing_token)/> }
        >
            {children()}
        </Show>
    }
}

/// The hidden field carrying the link's token, inside [`WithToken`].
#[component]
pub(crate) fn TokenField() -> impl IntoView {
    let token = expect_context::<Memo<Option<String>>>();
    view! { <input type="hidden" name="token" value=move || token.get().unwrap_or_default()/> }
}
