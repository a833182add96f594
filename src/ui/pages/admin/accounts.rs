//! Admins: find an account, disable it (its sessions end at once) or enable it again.

use leptos::prelude::*;

use crate::ui::components::form::ErrorNotice;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::api::admin::{admin_accounts, AdminSetAccountDisabled};
use crate::domain::account::AccountSummary;
use crate::error::AppError;
use crate::ui::components::session::RequireUser;

const TITLE: &str = "Comptes";

#[component]
pub fn AccountsPage() -> impl IntoView {
    let query = use_query_map();
    let search = Signal::derive(move || query.read().get("q").unwrap_or_default());
    let set = ServerAction::<AdminSetAccountDisabled>::new();
    let list = Resource::new(
        move || (search.get(), set.version().get()),
        |(q, _)| admin_accounts(q),
    );
    view! {
        <Title text=TITLE/>
        <RequireUser signed_in=move |_| view! { <Accounts search set list/> }/>
    }
}

#[component]
fn Accounts(
    search: Signal<String>,
    set: ServerAction<AdminSetAccountDisabled>,
    list: Resource<Result<Vec<AccountSummary>, AppError>>,
) -> impl IntoView {
    view! {
        <section class="container">
            <h1>{TITLE}</h1>
            <p>"Un compte désactivé ne peut plus se connecter et ses sessions en cours prennent fin ; ses données sont conservées."</p>
            <Form method="GET" action="/admin/comptes" on_form_data=crate::ui::components::form::only_filled() attr:class="filters">
                <label>"E-mail ou nom" <input type="search" name="q" maxlength="100" prop:value=move || search.get()/></label>
                <button type="submit" class="button">"Rechercher"</button>
            </Form>
            {move || set.value().get().and_then(Result::err).map(|err| view! {
                <ErrorNotice message=err.to_string() testid="accounts-error"/>
            })}
            <Transition fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(rows) if rows.is_empty() => view! { <p>"Aucun compte ne correspond."</p> }.into_any(),
                        Ok(rows) => view! {
                            <div class="table-scroll">
                            <table class="table" data-testid="accounts">
                                <thead><tr><th>"Compte"</th><th>"Rôle"</th><th>"Créé le"</th><th>"État"</th><th></th></tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|a| view! { <AccountRow a set/> }).collect_view()}
                                </tbody>
                            </table>
                            </div>
                        }.into_any(),
                        Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn AccountRow(a: AccountSummary, set: ServerAction<AdminSetAccountDisabled>) -> impl IntoView {
    let state = match (a.disabled, a.verified) {
        (true, _) => "Désactivé",
        (false, true) => "Actif",
        (false, false) => "Adresse non confirmée",
    };
    let email = a.email.clone();
    view! {
        <tr data-testid="account-row" data-email=email>
            <td><strong>{a.display_name}</strong><br/>{a.email}</td>
            <td>{a.role.label_fr()}</td>
            <td>{a.created_on}</td>
            <td data-testid="account-state">{state}</td>
            <td>
                <ActionForm action=set attr:class="inline-form">
                    <input type="hidden" name="id" value=a.id.to_string()/>
                    <input type="hidden" name="disabled" value=(!a.disabled).to_string()/>
                    <button type="submit" class="button button--ghost" data-testid="toggle-account">
                        {if a.disabled { "Réactiver" } else { "Désactiver" }}
                    </button>
                </ActionForm>
            </td>
        </tr>
    }
}
