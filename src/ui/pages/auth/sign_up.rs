use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::auth::{SignUpClient, SignUpProvider};
use crate::domain::account::{
    ProviderKind, COMPANY_NAME_MAX_CHARS, EMAIL_MAX_CHARS, NAME_MAX_CHARS, PASSWORD_MAX_CHARS,
    SIRET_INPUT_MAX_CHARS,
};
use crate::error::AppError;
use crate::ui::components::form::{
    check_email, check_password, check_required, check_siret, provide_form_problem, Field, Outcome,
};
use leptos_router::hooks::use_query_map;

/// `?profil=entreprise` opens the company form: the two forms are two addresses, so the
/// switch between them is a link and works without JavaScript.
const COMPANY: &str = "entreprise";

#[component]
pub fn SignUpPage() -> impl IntoView {
    let query = use_query_map();
    let as_client = Memo::new(move |_| query.with(|q| q.get("profil").as_deref() == Some(COMPANY)));
    let current = move |yes: bool| yes.then_some("page");
    view! {
        <Title text=tr!(account.sign_up_title)/>
        <section class="container narrow">
            <h1>{tr!(account.sign_up_title)}</h1>
            <p>{tr!(account.sign_up_lead)}</p>
            <nav class="tabs" aria-label=tr!(account.sign_up_title)>
                <a href="/inscription" aria-current=move || current(!as_client.get())
                    data-testid="sign-up-provider-tab">{tr!(account.sign_up_as_provider)}</a>
                <a href=format!("/inscription?profil={COMPANY}") aria-current=move || current(as_client.get())
                    data-testid="sign-up-client-tab">{tr!(account.sign_up_as_client)}</a>
            </nav>
            <Show when=move || as_client.get() fallback=ProviderForm>
                <ClientForm/>
            </Show>
        </section>
    }
}

#[component]
fn ProviderForm() -> impl IntoView {
    let action = ServerAction::<SignUpProvider>::new();
    provide_form_problem(action.value().into());
    view! {
        <ActionForm action=action attr:class="form" attr:data-testid="provider-sign-up">
            <fieldset class="checks">
                <legend>{tr!(account.kind_label)}</legend>
                <label class="choice"><input type="radio" name="kind" value=ProviderKind::Consultant.as_str() checked=true/>{tr!(account.kind_consultant)}</label>
                <label class="choice"><input type="radio" name="kind" value=ProviderKind::Expert.as_str()/>{tr!(account.kind_expert)}</label>
                <label class="choice"><input type="radio" name="kind" value=ProviderKind::Tpe.as_str()/>{tr!(account.kind_tpe)}</label>
            </fieldset>
            <Field label=tr!(account.first_name) name="first_name" autocomplete="given-name" check=check_required maxlength=NAME_MAX_CHARS/>
            <Field label=tr!(account.last_name) name="last_name" autocomplete="family-name" check=check_required maxlength=NAME_MAX_CHARS/>
            <CredentialsAndSubmit pending=action.pending().into() result=action.value().into()/>
        </ActionForm>
    }
}

#[component]
fn ClientForm() -> impl IntoView {
    let action = ServerAction::<SignUpClient>::new();
    provide_form_problem(action.value().into());
    view! {
        <ActionForm action=action attr:class="form" attr:data-testid="client-sign-up">
            <Field label=tr!(account.company_name) name="company_name" autocomplete="organization" check=check_required maxlength=COMPANY_NAME_MAX_CHARS/>
            <Field label=tr!(account.siret) name="siret" hint=tr!(account.siret_hint) check=check_siret maxlength=SIRET_INPUT_MAX_CHARS/>
            <Field label=tr!(account.contact_first_name) name="contact_first_name" autocomplete="given-name" check=check_required maxlength=NAME_MAX_CHARS/>
            <Field label=tr!(account.contact_last_name) name="contact_last_name" autocomplete="family-name" check=check_required maxlength=NAME_MAX_CHARS/>
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
        <Field label=tr!(account.email) name="email" kind="email" autocomplete="email" check=check_email maxlength=EMAIL_MAX_CHARS/>
        <Field label=tr!(account.password) name="password" kind="password" autocomplete="new-password"
            hint=tr!(account.password_hint) check=check_password maxlength=PASSWORD_MAX_CHARS/>
        <button type="submit" class="button" disabled=move || pending.get()>{tr!(account.sign_up_submit)}</button>
        <Outcome result done=tr!(account.sign_up_done)/>
    }
}
