use leptos::prelude::*;
use leptos_meta::Title;

use super::{TokenField, WithToken};
use crate::api::auth::VerifyEmail;
use crate::ui::components::form::Outcome;

/// The link only shows a button: the address is confirmed by a POST, so that mail
/// scanners which follow links do not use the single-use token up.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let action = ServerAction::<VerifyEmail>::new();
    // `?confirmee=1`: where a confirmation posted without JavaScript comes back to.
    let query = leptos_router::hooks::use_query_map();
    let landed_confirmed = move || query.read().get("confirmee").is_some();
    let confirmed = move || landed_confirmed() || matches!(action.value().get(), Some(Ok(())));
    let done = move || {
        view! {
            <p class="notice notice--ok" role="status" data-testid="email-confirmed">{tr!(account.verify_done)}</p>
        }
    };
    view! {
        <Title text=tr!(account.verify_title)/>
        <section class="container narrow">
            <h1>{tr!(account.verify_title)}</h1>
            <Show when=move || !landed_confirmed() fallback=done>
            <WithToken>
                <p>{tr!(account.verify_lead)}</p>
                // Once confirmed, the button goes: the token is used up, a second click
                // could only say so.
                <Show when=move || !confirmed() fallback=done>
                    <ActionForm action=action attr:class="form">
                        <TokenField/>
                        <button type="submit" class="button" data-testid="confirm-email" disabled=move || action.pending().get()>{tr!(account.verify_submit)}</button>
                        <Outcome result=action.value().into()/>
                    </ActionForm>
                </Show>
            </WithToken>
            </Show>
            <p><a href="/connexion">{tr!(account.go_sign_in)}</a></p>
        </section>
    }
}
