use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::auth::{SignUpClient, SignUpProvider};
use crate::error::AppError;
use crate::ui::components::form::{
    check_email, check_password, check_required, check_siret, Field, Outcome,
};
use crate::ui::text::ta;

#[component]
pub fn SignUpPage() -> impl IntoView {
    let tx = ta();
    let as_client = RwSignal::new(false);
    view! {
        <Title text=tx.sign_up_title/>
        <section class="container narrow">
            <h1>{tx.sign_up_title}</h1>
            <p>{tx.sign_up_lead}</p>
            <div class="tabs" role="tablist">
                <button type="button" role="tab" aria-selected=move || (!as_client.get()).to_string()
                    on:click=move |_| as_client.set(false)>{tx.sign_up_as_provider}</button>
                <button type="button" role="tab" aria-selected=move || as_client.get().to_string()
                    on:click=move |_| as_client.set(true)>{tx.sign_up_as_client}</button>
            </div>
            <Show when=move || as_client.get() fallback=ProviderForm>
                <ClientForm/>
            </Show>
        </section>
    }
}

#[component]
fn ProviderForm() -> impl IntoView {
    let tx = ta();
    let action = ServerAction::<SignUpProvider>::new();
    view! {
        <ActionForm action=action attr:class="form" attr:data-testid="provider-sign-up">
            <fieldset class="field">
                <legend>{tx.kind_label}</legend>
                <label class="choice"><input type="radio" name="kind" value="consultant" checked=true/>{tx.kind_consultant}</label>
                <label class="choice"><input type="radio" name="kind" value="expert"/>{tx.kind_expert}</label>
                <label class="choice"><input type="radio" name="kind" value="tpe"/>{tx.kind_tpe}</label>
            </fieldset>
            <Field label=tx.first_name name="first_name" autocomplete="given-name" check=check_required/>
            <Field label=tx.last_name name="last_name" autocomplete="family-name" check=check_required/>
            <CredentialsAndSubmit pending=action.pending().into() result=action.value().into()/>
        </ActionForm>
    }
}

#[component]
fn ClientForm() -> impl IntoView {
    let tx = ta();
    let action = ServerAction::<SignUpClient>::new();
    view! {
        <ActionForm action=action attr:class="form" attr:data-testid="client-sign-up">
            <Field label=tx.company_name name="company_name" autocomplete="organization" check=check_required/>
            <Field label=tx.siret name="siret" hint=tx.siret_hint check=check_siret/>
            <Field label=tx.contact_first_name name="contact_first_name" autocomplete="given-name" check=check_required/>
            <Field label=tx.contact_last_name name="contact_last_name" autocomplete="family-name" check=check_required/>
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
    let tx = ta();
    view! {
        <Field label=tx.email name="email" kind="email" autocomplete="email" check=check_email/>
        <Field label=tx.password name="password" kind="password" autocomplete="new-password"
            hint=tx.password_hint check=check_password/>
        <button type="submit" class="button" disabled=move || pending.get()>{tx.sign_up_submit}</button>
        <Outcome result done=tx.sign_up_done/>
    }
}
