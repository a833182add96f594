//! Admins: find an account, disable it (its sessions end at once) or enable it again.

use leptos::prelude::*;

use crate::domain::id::AccountId;

use crate::ui::components::form::ErrorNotice;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::api::admin::{admin_accounts, AdminSetAccountDisabled};
use crate::domain::account::{AccountSummary, Role};
use crate::error::AppError;
use crate::ui::components::session::RequireUser;

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
        <Title text=tr!(admin.accounts_title)/>
        <RequireUser signed_in=move |me| view! { <Accounts me=me.id search set list/> }/>
    }
}

#[component]
fn Accounts(
    me: AccountId,
    search: Signal<String>,
    set: ServerAction<AdminSetAccountDisabled>,
    list: Resource<Result<Vec<AccountSummary>, AppError>>,
) -> impl IntoView {
    view! {
        <section class="container">
            <h1>{tr!(admin.accounts_title)}</h1>
            <p>{tr!(admin.accounts_lead)}</p>
            <Form method="GET" action="/admin/comptes" on_form_data=crate::ui::components::form::only_filled() attr:class="filters">
                <label>{tr!(admin.accounts_search_label)} <input type="search" name="q" maxlength="100" prop:value=move || search.get()/></label>
                <button type="submit" class="button">{tr!(admin.accounts_search_submit)}</button>
            </Form>
            {move || set.value().get().and_then(Result::err).map(|err| view! {
                <ErrorNotice message=err.to_string() testid="accounts-error"/>
            })}
            <Transition fallback=|| view! { <p>{tr!(admin.loading)}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(rows) if rows.is_empty() => view! { <p>{tr!(admin.accounts_none)}</p> }.into_any(),
                        Ok(rows) => view! {
                            <div class="table-scroll">
                            <table class="table" data-testid="accounts">
                                <thead><tr>
                                    <th>{tr!(admin.accounts_col_account)}</th>
                                    <th>{tr!(admin.accounts_col_role)}</th>
                                    <th>{tr!(admin.accounts_col_created)}</th>
                                    <th>{tr!(admin.accounts_col_state)}</th>
                                    <th></th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|a| view! { <AccountRow a set me/> }).collect_view()}
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
fn AccountRow(
    a: AccountSummary,
    set: ServerAction<AdminSetAccountDisabled>,
    me: AccountId,
) -> impl IntoView {
    // An admin cannot disable their own account (the server refuses it too).
    let mine = a.id == me;
    let state = match (a.disabled, a.verified) {
        (true, _) => tr!(admin.account_disabled),
        (false, true) => tr!(admin.account_active),
        (false, false) => tr!(admin.account_unverified),
    };
    let role = match a.role {
        Role::Provider => tr!(admin.role_provider),
        Role::Client => tr!(admin.role_client),
        Role::Admin => tr!(admin.role_admin),
    };
    let email = a.email.clone();
    view! {
        <tr data-testid="account-row" data-email=email>
            <td translate="no"><strong>{a.display_name}</strong><br/>{a.email}</td>
            <td>{role}</td>
            <td>{crate::ui::format::date(a.created_on)}</td>
            <td data-testid="account-state">{state}</td>
            <td>
                {if mine {
                    view! { <span class="status status--brand" data-testid="own-account">{tr!(admin.own_account)}</span> }.into_any()
                } else {
                    view! {
                        <ActionForm action=set attr:class="inline-form">
                            <input type="hidden" name="id" value=a.id.to_string()/>
                            <input type="hidden" name="disabled" value=(!a.disabled).to_string()/>
                            <button type="submit" class="button button--ghost button--small" data-testid="toggle-account">
                                {if a.disabled { tr!(admin.account_enable) } else { tr!(admin.account_disable) }}
                            </button>
                        </ActionForm>
                    }.into_any()
                }}
            </td>
        </tr>
    }
}
