use leptos::prelude::*;
use leptos_meta::Title;

use super::{TokenField, WithToken};
use crate::api::auth::VerifyEmail;
use crate::ui::components::form::Outcome;
use crate::ui::text::ta;

/// The link only shows a button: the address is confirmed by a POST, so that mail
/// scanners which follow links do not use the single-use token up.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let tx = ta();
    let action = ServerAction::<VerifyEmail>::new();
    view! {
        <Title text=tx.verify_title/>
        <section class="container narrow">
            <h1>{tx.verify_title}</h1>
            <WithToken>
                <p>{tx.verify_lead}</p>
                <ActionForm action=action attr:class="form">
                    <TokenField/>
                    <button type="submit" class="button" data-testid="confirm-email" disabled=move || action.pending().get()>{tx.verify_submit}</button>
                    <Outcome result=action.value().into() done=tx.verify_done/>
                </ActionForm>
            </WithToken>
            <p><a href="/connexion">{tx.go_sign_in}</a></p>
        </section>
    }
}
