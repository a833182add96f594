//! The account page: password change for everyone, company details for clients.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::AppError;

/// Signed in: a new password, given the current one. The other sessions end; this one
/// stays signed in.
#[server(prefix = "/api", endpoint = "account_change_password")]
pub async fn account_change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    use crate::domain::account::check_new_password;
    use crate::server::auth::{access, rate_limit, session};
    use crate::server::{account, state::app_state};
    super::respond(
        async {
            let user = access::user::<AccountChangePassword>().await?;
            check_new_password(&new_password).map_err(AppError::Validation)?;
            let state = app_state()?;
            // Each try costs two hashes: bounded per account.
            let key = format!("password-change:acct:{}", user.id);
            rate_limit::hit(&state.pool, &key, rate_limit::PASSWORD_CHANGE_PER_ACCOUNT).await?;
            let version =
                account::change_password(&state.pool, user.id, current_password, new_password)
                    .await?;
            session::sign_in(&access::current_session()?, user.id, version).await
        }
        .await,
    )
}

/// Signed in: a client's company details; for the other roles, that there is none (the
/// account page asks whoever opens it).
#[server(prefix = "/api", endpoint = "account_company", input = GetUrl)]
pub async fn account_company() -> Result<crate::domain::account::CompanyOfAccount, AppError> {
    use crate::domain::account::{CompanyOfAccount, Role};
    use crate::server::{account, auth::access, state::app_state};
    super::respond(
        async {
            let user = access::user::<AccountCompany>().await?;
            if user.role != Role::Client {
                return Ok(CompanyOfAccount::NotAClient);
            }
            Ok(CompanyOfAccount::Details(
                account::company(&app_state()?.pool, user.id).await?,
            ))
        }
        .await,
    )
}

/// Clients: changes the company's details and its contact person.
#[server(prefix = "/api", endpoint = "account_update_company")]
pub async fn account_update_company(
    company_name: String,
    siret: String,
    contact_first_name: String,
    contact_last_name: String,
) -> Result<(), AppError> {
    use crate::domain::account::{
        parse_name, CompanyDetails, Siret, COMPANY_NAME_MAX_CHARS, NAME_MAX_CHARS,
    };
    use crate::domain::problem::NameField;
    use crate::server::{account, auth::access, state::app_state};
    super::respond(
        async {
            let user = access::user::<AccountUpdateCompany>().await?;
            let invalid = |p| AppError::Validation(p);
            let details = CompanyDetails {
                company_name: parse_name(
                    &company_name,
                    NameField::CompanyName,
                    COMPANY_NAME_MAX_CHARS,
                )
                .map_err(invalid)?,
                siret: Siret::parse(&siret).map_err(invalid)?.as_str().to_string(),
                contact_first_name: parse_name(
                    &contact_first_name,
                    NameField::FirstName,
                    NAME_MAX_CHARS,
                )
                .map_err(invalid)?,
                contact_last_name: parse_name(
                    &contact_last_name,
                    NameField::LastName,
                    NAME_MAX_CHARS,
                )
                .map_err(invalid)?,
            };
            account::update_company(&app_state()?.pool, user.id, &details).await
        }
        .await,
    )
}
