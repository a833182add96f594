//! The intermediation contract: a signer asks for their code (having opened the
//! document and ticked the consent) and signs with it; either party declares that no
//! mission contract will follow; anyone checks a PDF's fingerprint. Who the caller is
//! to the contract is decided on the server.

use leptos::prelude::*;

use crate::domain::contract::{ContractState, Verification};
use crate::error::AppError;

#[cfg(feature = "ssr")]
fn contract_id(id: &str) -> Result<crate::domain::id::ContractId, AppError> {
    super::entity_id(id)
}

#[cfg(feature = "ssr")]
fn signer() -> Result<crate::server::contract::sign::Signer, AppError> {
    use crate::server::auth::access;
    Ok(crate::server::contract::sign::Signer {
        ip: access::caller_ip()?.to_string(),
        user_agent: access::caller_user_agent()?,
    })
}

/// `consent` is the ticked box (absent when not ticked).
#[server(prefix = "/api", endpoint = "contract_request_code")]
pub async fn contract_request_code(
    contract: String,
    #[server(default)] consent: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{auth::access, contract::sign, state::app_state};
    super::respond(
        async {
            let user = access::user::<ContractRequestCode>().await?;
            let state = app_state()?;
            let id = contract_id(&contract)?;
            sign::request_code(&state, &user, id, consent.is_some(), &signer()?).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "contract_sign")]
pub async fn contract_sign(contract: String, code: String) -> Result<ContractState, AppError> {
    use crate::server::{auth::access, contract::sign, state::app_state};
    super::respond(
        async {
            let user = access::user::<ContractSign>().await?;
            let state = app_state()?;
            let id = contract_id(&contract)?;
            sign::sign(&state, &user, id, &code, &signer()?).await
        }
        .await,
    )
}

/// No mission contract will follow, for `reason` (one of the list).
#[server(prefix = "/api", endpoint = "contract_no_mission")]
pub async fn contract_no_mission(contract: String, reason: String) -> Result<(), AppError> {
    use crate::domain::contract::NoMissionReason;
    use crate::server::{auth::access, contract, state::app_state};
    super::respond(
        async {
            let user = access::user::<ContractNoMission>().await?;
            let state = app_state()?;
            let id = contract_id(&contract)?;
            contract::declare_none(&state, &user, id, NoMissionReason::parse(reason.trim())).await
        }
        .await,
    )
}

/// What the platform knows of the document with this SHA-256 (hexadecimal).
#[server(prefix = "/api", endpoint = "contract_verify", input = leptos::server_fn::codec::GetUrl)]
pub async fn contract_verify(sha256: String) -> Result<Verification, AppError> {
    use crate::server::{auth::access, contract::verify, state::app_state};
    super::respond(
        async {
            access::visitor::<ContractVerify>().await?;
            let state = app_state()?;
            verify::verify(&state.pool, &sha256).await
        }
        .await,
    )
}
