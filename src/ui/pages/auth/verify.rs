use leptos::prelude::*;
use leptos_meta::Title;

use super::token_from_query;
use crate::api::auth::VerifyEmail;
use crate::ui::components::form::Outcome;
use crate::ui::text::ta;

/// The link only shows a button: the address is confirmed by a POST, so that mail
/// scanners which follow links do not use the single-use token up.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let tx = ta();
    let token = token_from_query();
    let action = ServerAction::<VerifyEmail>::new();
    view! {
        <Title text=tx.verify_title/>
        <section class="container narrow">
            <h1>{tx.verify_title}</h1>
            <Show when=move || token.get().is_some() fallback=move || view! { <p class="notice notice--error">{tx.missing_token}</p> }>
                <p>{tx.verify_lead}</p>
                <ActionForm action=action attr:class="form">
                    <input type="hidden" name="token" value=move || token.get().unwrap_or_default()/>
                    <button type="submit" class="button" data-testid="confirm-email" disabled=move || action.pending().get()>{tx.verify_submit}</button>
                    <Outcome result=action.value().into() done=tx.verify_done/>
                </ActionForm>
            </Show>
            <p><a href="/connexion">{tx.go_sign_in}</a></p>
        </section>
    }
}
