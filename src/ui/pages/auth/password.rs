use leptos::prelude::*;
use leptos_meta::Title;

use super::{TokenField, WithToken};
use crate::api::auth::{RequestReset, ResetPassword};
use crate::ui::components::form::{check_email, check_password, Field, Outcome};
use crate::ui::text::ta;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let tx = ta();
    let action = ServerAction::<RequestReset>::new();
    view! {
        <Title text=tx.forgot_title/>
        <section class="container narrow">
            <h1>{tx.forgot_title}</h1>
            <p>{tx.forgot_lead}</p>
            <ActionForm action=action attr:class="form">
                <Field label=tx.email name="email" kind="email" autocomplete="email" check=check_email/>
                <button type="submit" class="button" disabled=move || action.pending().get()>{tx.forgot_submit}</button>
                <Outcome result=action.value().into() done=tx.forgot_done/>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let tx = ta();
    let action = ServerAction::<ResetPassword>::new();
    view! {
        <Title text=tx.reset_title/>
        <section class="container narrow">
            <h1>{tx.reset_title}</h1>
            <WithToken>
                <ActionForm action=action attr:class="form">
                    <TokenField/>
                    <Field label=tx.new_password name="password" kind="password" autocomplete="new-password"
                        hint=tx.password_hint check=check_password/>
                    <button type="submit" class="button" disabled=move || action.pending().get()>{tx.reset_submit}</button>
                    <Outcome result=action.value().into() done=tx.reset_done/>
                </ActionForm>
            </WithToken>
            <p><a href="/connexion">{tx.go_sign_in}</a></p>
        </section>
    }
}
