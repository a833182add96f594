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
    let confirmed = move || matches!(action.value().get(), Some(Ok(())));
    view! {
        <Title text=tr!(account.verify_title)/>
        <section class="container narrow">
            <h1>{tr!(account.verify_title)}</h1>
            <WithToken>
                <p>{tr!(account.verify_lead)}</p>
                // Once confirmed, the button goes: the token is used up, a second click
                // could only say so.
                <Show when=move || !confirmed() fallback=move || view! {
                    <p class="notice notice--ok" role="status" data-testid="email-confirmed">{tr!(account.verify_done)}</p>
                }>
                    <ActionForm action=action attr:class="form">
                        <TokenField/>
                        <button type="submit" class="button" data-testid="confirm-email" disabled=move || action.pending().get()>{tr!(account.verify_submit)}</button>
                        <Outcome result=action.value().into()/>
                    </ActionForm>
                </Show>
            </WithToken>
            <p><a href="/connexion">{tr!(account.go_sign_in)}</a></p>
        </section>
    }
}
