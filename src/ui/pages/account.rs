use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::auth::ResendVerification;
use crate::domain::account::Role;
use crate::domain::session::CurrentUser;
use crate::ui::components::form::Outcome;
use crate::ui::components::session::RequireUser;

#[component]
pub fn AccountPage() -> impl IntoView {
    use crate::api::project::{settings_project_alerts_get, SettingsProjectAlerts};
    let set = ServerAction::<SettingsProjectAlerts>::new();
    let alerts = Resource::new(
        move || set.version().get(),
        |_| settings_project_alerts_get(),
    );
    view! {
        <Title text=tr!(account.account_title)/>
        <RequireUser signed_in=move |user| view! { <AccountDetails user set alerts/> }/>
    }
}

type AlertsSetting = Resource<Result<Option<bool>, crate::error::AppError>>;

#[component]
fn AccountDetails(
    user: CurrentUser,
    set: ServerAction<crate::api::project::SettingsProjectAlerts>,
    alerts: AlertsSetting,
) -> impl IntoView {
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
                <dt>{tr!(account.first_name)}</dt><dd data-testid="account-name" translate="no">{user.display_name.clone()}</dd>
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
