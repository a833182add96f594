use leptos::prelude::*;
use leptos_meta::Title;

use super::{TokenField, WithToken};
use crate::api::auth::{RequestReset, ResetPassword};
use crate::ui::components::form::{check_email, check_password, Field, Outcome};

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let action = ServerAction::<RequestReset>::new();
    view! {
        <Title text=tr!(account.forgot_title)/>
        <section class="container narrow">
            <h1>{tr!(account.forgot_title)}</h1>
            <p>{tr!(account.forgot_lead)}</p>
            <ActionForm action=action attr:class="form">
                <Field label=tr!(account.email) name="email" kind="email" autocomplete="email" check=check_email/>
                <button type="submit" class="button" disabled=move || action.pending().get()>{tr!(account.forgot_submit)}</button>
                <Outcome result=action.value().into() done=tr!(account.forgot_done)/>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let action = ServerAction::<ResetPassword>::new();
    view! {
        <Title text=tr!(account.reset_title)/>
        <section class="container narrow">
            <h1>{tr!(account.reset_title)}</h1>
            <WithToken>
                <ActionForm action=action attr:class="form">
                    <TokenField/>
                    <Field label=tr!(account.new_password) name="password" kind="password" autocomplete="new-password"
                        hint=tr!(account.password_hint) check=check_password/>
                    <button type="submit" class="button" disabled=move || action.pending().get()>{tr!(account.reset_submit)}</button>
                    <Outcome result=action.value().into() done=tr!(account.reset_done)/>
                </ActionForm>
            </WithToken>
            <p><a href="/connexion">{tr!(account.go_sign_in)}</a></p>
        </section>
    }
}
