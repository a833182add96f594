use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::auth::{SignUpClient, SignUpProvider};
use crate::domain::account::ProviderKind;
use crate::error::AppError;
use crate::ui::components::form::{
    check_email, check_password, check_required, check_siret, Field, Outcome,
};

#[component]
pub fn SignUpPage() -> impl IntoView {
    let as_client = RwSignal::new(false);
    view! {
        <Title text=tr!(account.sign_up_title)/>
        <section class="container narrow">
            <h1>{tr!(account.sign_up_title)}</h1>
            <p>{tr!(account.sign_up_lead)}</p>
            <div class="tabs" role="tablist">
                <button type="button" role="tab" aria-selected=move || (!as_client.get()).to_string()
                    on:click=move |_| as_client.set(false)>{tr!(account.sign_up_as_provider)}</button>
                <button type="button" role="tab" aria-selected=move || as_client.get().to_string()
                    on:click=move |_| as_client.set(true)>{tr!(account.sign_up_as_client)}</button>
            </div>
            <Show when=move || as_client.get() fallback=ProviderForm>
                <ClientForm/>
            </Show>
        </section>
    }
}

#[component]
fn ProviderForm() -> impl IntoView {
    let action = ServerAction::<SignUpProvider>::new();
    view! {
        <ActionForm action=action attr:class="form" attr:data-testid="provider-sign-up">
            <fieldset class="field">
                <legend>{tr!(account.kind_label)}</legend>
                <label class="choice"><input type="radio" name="kind" value=ProviderKind::Consultant.as_str() checked=true/>{tr!(account.kind_consultant)}</label>
                <label class="choice"><input type="radio" name="kind" value=ProviderKind::Expert.as_str()/>{tr!(account.kind_expert)}</label>
                <label class="choice"><input type="radio" name="kind" value=ProviderKind::Tpe.as_str()/>{tr!(account.kind_tpe)}</label>
            </fieldset>
            <Field label=tr!(account.first_name) name="first_name" autocomplete="given-name" check=check_required/>
            <Field label=tr!(account.last_name) name="last_name" autocomplete="family-name" check=check_required/>
            <CredentialsAndSubmit pending=action.pending().into() result=action.value().into()/>
        </ActionForm>
    }
}

#[component]
fn ClientForm() -> impl IntoView {
    let action = ServerAction::<SignUpClient>::new();
    view! {
        <ActionForm action=action attr:class="form" attr:data-testid="client-sign-up">
            <Field label=tr!(account.company_name) name="company_name" autocomplete="organization" check=check_required/>
            <Field label=tr!(account.siret) name="siret" hint=tr!(account.siret_hint) check=check_siret/>
            <Field label=tr!(account.contact_first_name) name="contact_first_name" autocomplete="given-name" check=check_required/>
            <Field label=tr!(account.contact_last_name) name="contact_last_name" autocomplete="family-name" check=check_required/>
            <CredentialsAndSubmit pending=action.pending().into() result=action.value().into()/>
        </ActionForm>
    }
}

/// The part both sign-up forms share: e-mail, password, submit button and outcome.
#[component]
fn CredentialsAndSubmit(
    pending: Signal<bool>,
    result: Signal<Option<Result<(), AppError>>>,
) -> impl IntoView {
    view! {
        <Field label=tr!(account.email) name="email" kind="email" autocomplete="email" check=check_email/>
        <Field label=tr!(account.password) name="password" kind="password" autocomplete="new-password"
            hint=tr!(account.password_hint) check=check_password/>
        <button type="submit" class="button" disabled=move || pending.get()>{tr!(account.sign_up_submit)}</button>
        <Outcome result done=tr!(account.sign_up_done)/>
    }
}
