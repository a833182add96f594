//! Sign-up, e-mail verification, sign-in, sign-out and password reset.

use leptos::prelude::*;

use crate::domain::session::CurrentUser;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::server::{
    account,
    auth::{access, rate_limit, session},
    state::app_state,
};

#[cfg(feature = "ssr")]
fn invalid<T>(result: Result<T, crate::error::Problem>) -> Result<T, AppError> {
    result.map_err(AppError::Validation)
}

/// Public: the caller, if signed in.
#[server(prefix = "/api", endpoint = "auth_whoami")]
pub async fn whoami() -> Result<Option<CurrentUser>, AppError> {
    super::respond(access::visitor::<Whoami>().await)
}

/// Public: a consultant, expert or TPE signs up.
#[server(prefix = "/api", endpoint = "auth_sign_up_provider")]
pub async fn sign_up_provider(
    kind: String,
    first_name: String,
    last_name: String,
    email: String,
    password: String,
) -> Result<(), AppError> {
    use crate::domain::account::{
        check_new_password, parse_name, Email, ProviderKind, NAME_MAX_CHARS,
    };
    use crate::domain::problem::NameField;
    super::respond(
        async {
            access::allow::<SignUpProvider>().await?;
            let account = account::NewAccount::Provider {
                kind: invalid(ProviderKind::parse(&kind))?,
                first_name: invalid(parse_name(
                    &first_name,
                    NameField::FirstName,
                    NAME_MAX_CHARS,
                ))?,
                last_name: invalid(parse_name(&last_name, NameField::LastName, NAME_MAX_CHARS))?,
            };
            let email = invalid(Email::parse(&email))?;
            invalid(check_new_password(&password))?;
            sign_up(&email, password, account).await
        }
        .await,
    )
}

/// Public: a company signs up.
#[server(prefix = "/api", endpoint = "auth_sign_up_client")]
pub async fn sign_up_client(
    company_name: String,
    siret: String,
    contact_first_name: String,
    contact_last_name: String,
    email: String,
    password: String,
) -> Result<(), AppError> {
    use crate::domain::account::{
        check_new_password, parse_name, Email, Siret, COMPANY_NAME_MAX_CHARS, NAME_MAX_CHARS,
    };
    use crate::domain::problem::NameField;
    super::respond(
        async {
            access::allow::<SignUpClient>().await?;
            let account = account::NewAccount::Client {
                company_name: invalid(parse_name(
                    &company_name,
                    NameField::CompanyName,
                    COMPANY_NAME_MAX_CHARS,
                ))?,
                siret: invalid(Siret::parse(&siret))?,
                contact_first_name: invalid(parse_name(
                    &contact_first_name,
                    NameField::FirstName,
                    NAME_MAX_CHARS,
                ))?,
                contact_last_name: invalid(parse_name(
                    &contact_last_name,
                    NameField::LastName,
                    NAME_MAX_CHARS,
                ))?,
            };
            let email = invalid(Email::parse(&email))?;
            invalid(check_new_password(&password))?;
            sign_up(&email, password, account).await
        }
        .await,
    )
}

/// Counts one `action` of the caller's address (its /64 for IPv6) against `limit`.
#[cfg(feature = "ssr")]
async fn per_ip(
    state: &crate::server::state::AppState,
    action: &str,
    limit: rate_limit::Limit,
) -> Result<(), AppError> {
    let ip = rate_limit::ip_key(access::caller_ip()?);
    rate_limit::hit(&state.pool, &format!("{action}:ip:{ip}"), limit).await
}

#[cfg(feature = "ssr")]
async fn sign_up(
    email: &crate::domain::account::Email,
    password: String,
    account: account::NewAccount,
) -> Result<(), AppError> {
    let state = app_state()?;
    per_ip(&state, "signup", rate_limit::SIGN_UP_PER_IP).await?;
    account::sign_up(
        &state.pool,
        &state.config.public_url,
        email,
        password,
        account,
        crate::server::lang::of_request(),
    )
    .await
}

/// Where a confirmation posted without JavaScript lands.
pub const VERIFIED_PATH: &str = "/verifier-email?confirmee=1";

/// Public: confirms an e-mail address with the token of the mailed link.
#[server(prefix = "/api", endpoint = "auth_verify_email")]
pub async fn verify_email(token: String) -> Result<(), AppError> {
    super::respond(
        async {
            access::allow::<VerifyEmail>().await?;
            account::verify_email(&app_state()?.pool, &token).await?;
            // Without JavaScript the browser comes back to the page; without its token
            // in the address, it shows the confirmation instead of the used-up button.
            if super::is_form_post() {
                leptos_axum::redirect(VERIFIED_PATH);
            }
            Ok(())
        }
        .await,
    )
}

/// Signed in: sends a new verification link.
#[server(prefix = "/api", endpoint = "auth_resend_verification")]
pub async fn resend_verification() -> Result<(), AppError> {
    super::respond(
        async {
            let user = access::user::<ResendVerification>().await?;
            let state = app_state()?;
            let key = format!("resend:acct:{}", user.id);
            rate_limit::hit(&state.pool, &key, rate_limit::RESET_PER_ACCOUNT).await?;
            account::resend_verification(&state.pool, &state.config.public_url, user.id).await
        }
        .await,
    )
}

/// Public: signs in (held back after failures: `server/account/sign_in.rs`) and goes to
/// the account page.
#[server(prefix = "/api", endpoint = "auth_sign_in")]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    super::respond(
        async {
            access::allow::<SignIn>().await?;
            let state = app_state()?;
            let ip = access::caller_ip()?;
            let (id, version) = account::sign_in(&state.pool, ip, &email, password).await?;
            session::sign_in(&access::current_session()?, id, version).await?;
            let lang = crate::server::lang::of_account(&state.pool, id).await?;
            crate::server::lang::remember(lang, state.config.secure_cookies);
            leptos_axum::redirect("/compte");
            Ok(())
        }
        .await,
    )
}

/// Signed in: ends the session.
#[server(prefix = "/api", endpoint = "auth_sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    super::respond(
        async {
            access::allow::<SignOut>().await?;
            session::sign_out(&access::current_session()?).await?;
            leptos_axum::redirect("/");
            Ok(())
        }
        .await,
    )
}

/// Public: mails a reset link if the address has an account; answers the same otherwise.
#[server(prefix = "/api", endpoint = "auth_request_reset")]
pub async fn request_reset(email: String) -> Result<(), AppError> {
    use crate::domain::account::Email;
    super::respond(
        async {
            access::allow::<RequestReset>().await?;
            let email = invalid(Email::parse(&email))?;
            let state = app_state()?;
            per_ip(&state, "reset", rate_limit::RESET_PER_IP).await?;
            rate_limit::hit(
                &state.pool,
                &format!("reset:acct:{email}"),
                rate_limit::RESET_PER_ACCOUNT,
            )
            .await?;
            account::request_reset(&state.pool, &state.config.public_url, &email).await
        }
        .await,
    )
}

/// Public: sets a new password with the token of the mailed link.
#[server(prefix = "/api", endpoint = "auth_reset_password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use crate::domain::account::check_new_password;
    super::respond(
        async {
            access::allow::<ResetPassword>().await?;
            let state = app_state()?;
            per_ip(&state, "newpw", rate_limit::NEW_PASSWORD_PER_IP).await?;
            invalid(check_new_password(&password))?;
            account::reset_password(&state.pool, &token, password).await
        }
        .await,
    )
}
