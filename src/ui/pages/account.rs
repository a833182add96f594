use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::account::{account_company, AccountChangePassword, AccountUpdateCompany};
use crate::api::auth::ResendVerification;
use crate::domain::account::{
    CompanyOfAccount, Role, COMPANY_NAME_MAX_CHARS, NAME_MAX_CHARS, PASSWORD_MAX_CHARS,
    SIRET_INPUT_MAX_CHARS,
};
use crate::domain::session::CurrentUser;
use crate::ui::components::form::{
    check_password, check_required, check_siret, provide_form_problem, Field, Outcome,
};
use crate::ui::components::session::RequireUser;

#[component]
pub fn AccountPage() -> impl IntoView {
    use crate::api::project::{settings_project_alerts_get, SettingsProjectAlerts};
    let set = ServerAction::<SettingsProjectAlerts>::new();
    let alerts = Resource::new(
        move || set.version().get(),
        |_| settings_project_alerts_get(),
    );
    let save_company = ServerAction::<AccountUpdateCompany>::new();
    // Keyed on the save only: keyed on the session resource, the page's hydration waited
    // for good. The server answers "not a client" to the other roles.
    let company = Resource::new(move || save_company.version().get(), |_| account_company());
    view! {
        <Title text=tr!(account.account_title)/>
        <RequireUser signed_in=move |user| view! { <AccountDetails user set alerts company save_company/> }/>
    }
}

type CompanyResource = Resource<Result<CompanyOfAccount, crate::error::AppError>>;

type AlertsSetting = Resource<Result<Option<bool>, crate::error::AppError>>;

#[component]
fn AccountDetails(
    user: CurrentUser,
    set: ServerAction<crate::api::project::SettingsProjectAlerts>,
    alerts: AlertsSetting,
    company: CompanyResource,
    save_company: ServerAction<AccountUpdateCompany>,
) -> impl IntoView {
    let name_label = match user.role {
        Role::Provider => tr!(account.first_name),
        Role::Client => tr!(account.company_name),
        Role::Admin => tr!(account.name),
    };
    let resend = ServerAction::<ResendVerification>::new();
    let role = match user.role {
        Role::Provider => tr!(account.role_provider),
        Role::Client => tr!(account.role_client),
        Role::Admin => tr!(account.role_admin),
    };
    view! {
        <section class="container narrow" data-testid="account">
            <h1>{tr!(account.account_title)}</h1>
            <dl class="details">
                <dt>{name_label}</dt><dd data-testid="account-name" translate="no">{user.display_name.clone()}</dd>
                <dt>{tr!(account.email)}</dt><dd translate="no">{user.email.clone()}</dd>
                <dt>{tr!(account.account_role)}</dt><dd data-testid="account-role">{role}</dd>
            </dl>
            {if user.email_verified {
                view! { <p class="notice notice--ok" data-testid="email-status">{tr!(account.email_verified)}</p> }.into_any()
            } else {
                view! {
                    <p class="notice" data-testid="email-status">{tr!(account.email_unverified)}</p>
                    <ActionForm action=resend attr:class="form">
                        <button type="submit" class="button button--ghost">{tr!(account.resend_submit)}</button>
                        <Outcome result=resend.value().into() done=tr!(account.resend_done)/>
                    </ActionForm>
                }.into_any()
            }}
            {(user.role == Role::Provider).then(|| view! { <ProjectAlerts set current=alerts/> })}
            {(user.role == Role::Client).then(|| view! { <CompanyForm company save=save_company/> })}
            <PasswordForm/>
        </section>
    }
}

/// Providers turn "un projet dans votre domaine" alerts on or off.
#[component]
fn ProjectAlerts(
    set: ServerAction<crate::api::project::SettingsProjectAlerts>,
    current: AlertsSetting,
) -> impl IntoView {
    view! {
        <h2>{tr!(account.alerts_title)}</h2>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let on = current.await.ok().flatten().unwrap_or(false);
                view! {
                    <p data-testid="project-alerts">{if on {
                        tr!(account.alerts_on)
                    } else {
                        tr!(account.alerts_off)
                    }}</p>
                    <ActionForm action=set attr:class="inline-form">
                        <input type="hidden" name="enabled" value=(!on).to_string()/>
                        <button type="submit" class="button button--ghost">{if on { tr!(account.alerts_disable) } else { tr!(account.alerts_enable) }}</button>
                    </ActionForm>
                }
            })}
        </Transition>
    }
}

/// Clients: the company and its contact person, as stored, to correct.
#[component]
fn CompanyForm(
    company: CompanyResource,
    save: ServerAction<AccountUpdateCompany>,
) -> impl IntoView {
    provide_form_problem(save.value().into());
    view! {
        <h2>{tr!(account.company_title)}</h2>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let Ok(CompanyOfAccount::Details(c)) = company.await else {
                    return None;
                };
                Some(view! {
                    <ActionForm action=save attr:class="form" attr:data-testid="company-form">
                        <Field label=tr!(account.company_name) name="company_name" autocomplete="organization"
                            check=check_required maxlength=COMPANY_NAME_MAX_CHARS initial=c.company_name/>
                        <Field label=tr!(account.siret) name="siret" check=check_siret maxlength=SIRET_INPUT_MAX_CHARS initial=c.siret/>
                        <Field label=tr!(account.contact_first_name) name="contact_first_name" autocomplete="given-name"
                            check=check_required maxlength=NAME_MAX_CHARS initial=c.contact_first_name/>
                        <Field label=tr!(account.contact_last_name) name="contact_last_name" autocomplete="family-name"
                            check=check_required maxlength=NAME_MAX_CHARS initial=c.contact_last_name/>
                        <button type="submit" class="button" data-testid="save-company">{tr!(account.save)}</button>
                        <Outcome result=save.value().into() done=tr!(account.saved)/>
                    </ActionForm>
                })
            })}
        </Transition>
    }
}

/// Everyone: a new password, given the current one.
#[component]
fn PasswordForm() -> impl IntoView {
    let change = ServerAction::<AccountChangePassword>::new();
    provide_form_problem(change.value().into());
    view! {
        <h2>{tr!(account.password_title)}</h2>
        <ActionForm action=change attr:class="form" attr:data-testid="password-form">
            <Field label=tr!(account.current_password) name="current_password" kind="password"
                autocomplete="current-password" maxlength=PASSWORD_MAX_CHARS/>
            <Field label=tr!(account.new_password) name="new_password" kind="password" autocomplete="new-password"
                hint=tr!(account.password_hint) check=check_password maxlength=PASSWORD_MAX_CHARS/>
            <button type="submit" class="button" data-testid="change-password">{tr!(account.password_submit)}</button>
            <Outcome result=change.value().into() done=tr!(account.password_changed)/>
        </ActionForm>
    }
}
