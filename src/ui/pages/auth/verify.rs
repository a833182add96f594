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
    view! {
        <Title text=tr!(account.verify_title)/>
        <section class="container narrow">
            <h1>{tr!(account.verify_title)}</h1>
            <WithToken>
                <p>{tr!(account.verify_lead)}</p>
                <ActionForm action=action attr:class="form">
                    <TokenField/>
                    <button type="submit" class="button" data-testid="confirm-email" disabled=move || action.pending().get()>{tr!(account.verify_submit)}</button>
                    <Outcome result=action.value().into() done=tr!(account.verify_done)/>
                </ActionForm>
            </WithToken>
            <p><a href="/connexion">{tr!(account.go_sign_in)}</a></p>
        </section>
    }
}
