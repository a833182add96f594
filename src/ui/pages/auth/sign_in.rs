use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::auth::SignIn;
use crate::ui::components::form::{check_email, Field, Outcome};

#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    view! {
        <Title text=tr!(account.sign_in_title)/>
        <section class="container narrow">
            <h1>{tr!(account.sign_in_title)}</h1>
            <ActionForm action=action attr:class="form" attr:data-testid="sign-in">
                <Field label=tr!(account.email) name="email" kind="email" autocomplete="username" check=check_email/>
                <Field label=tr!(account.password) name="password" kind="password" autocomplete="current-password"/>
                <button type="submit" class="button" disabled=move || action.pending().get()>{tr!(account.sign_in_submit)}</button>
                <Outcome result=action.value().into()/>
            </ActionForm>
            <p><a href="/mot-de-passe-oublie">{tr!(account.forgot_link)}</a></p>
            <p><a href="/inscription">{tr!(account.no_account)}</a></p>
        </section>
    }
}
