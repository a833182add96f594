//! The language switch.

use leptos::prelude::*;

use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::server::{auth::access, state::app_state};

/// Public: keeps the visitor's language in a cookie (and on the account, if signed in),
/// then goes back to the page of the form. A plain form posts it, without JavaScript.
#[server(prefix = "/api", endpoint = "set_language")]
pub async fn set_language(lang: String, back: String) -> Result<(), AppError> {
    use crate::domain::lang::{same_site_path, Lang};
    super::respond(
        async {
            access::allow::<SetLanguage>().await?;
            let lang = Lang::parse(&lang)
                .ok_or(AppError::Validation(crate::error::Problem::LangUnknown))?;
            let state = app_state()?;
            if let Some(user) = access::visitor::<SetLanguage>().await? {
                crate::server::lang::store(&state.pool, user.id, lang).await?;
            }
            crate::server::lang::remember(lang, state.config.secure_cookies);
            leptos_axum::redirect(same_site_path(&back));
            Ok(())
        }
        .await,
    )
}
