//! Admins edit the reference data: domains of expertise and their skills.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::domain::reference::DomainAdmin;
use crate::error::AppError;

/// The French and English labels of a form, checked.
#[cfg(feature = "ssr")]
fn labels(fr: &str, en: &str) -> Result<(String, String), AppError> {
    use crate::domain::{lang::Lang, reference::parse_label};
    let fr = parse_label(fr, Lang::Fr).map_err(AppError::Validation)?;
    let en = parse_label(en, Lang::En).map_err(AppError::Validation)?;
    Ok((fr, en))
}

/// Admins: every domain with its skills.
#[server(prefix = "/api", endpoint = "reference_list", input = GetUrl)]
pub async fn reference_list() -> Result<Vec<DomainAdmin>, AppError> {
    use crate::server::{auth::access, reference, state::app_state};
    super::respond(
        async {
            access::user::<ReferenceList>().await?;
            reference::reference_admin(&app_state()?.pool).await
        }
        .await,
    )
}

/// Admins: a new domain (its identifier comes from the French label).
#[server(prefix = "/api", endpoint = "reference_add_domain")]
pub async fn reference_add_domain(label_fr: String, label_en: String) -> Result<(), AppError> {
    use crate::domain::reference::slugify;
    use crate::server::{auth::access, reference, state::app_state};
    super::respond(
        async {
            access::user::<ReferenceAddDomain>().await?;
            let (fr, en) = labels(&label_fr, &label_en)?;
            let slug = slugify(&fr).map_err(AppError::Validation)?;
            reference::add_domain(&app_state()?.pool, &slug, &fr, &en).await
        }
        .await,
    )
}

/// Admins: a new skill in a domain.
#[server(prefix = "/api", endpoint = "reference_add_skill")]
pub async fn reference_add_skill(
    domain: String,
    label_fr: String,
    label_en: String,
) -> Result<(), AppError> {
    use crate::domain::reference::slugify;
    use crate::server::{auth::access, reference, state::app_state};
    super::respond(
        async {
            access::user::<ReferenceAddSkill>().await?;
            let (fr, en) = labels(&label_fr, &label_en)?;
            let slug = slugify(&fr).map_err(AppError::Validation)?;
            reference::add_skill(&app_state()?.pool, domain.trim(), &slug, &fr, &en).await
        }
        .await,
    )
}

/// Admins: hide a domain from new profiles and filters, or show it again. Profiles
/// that already have it keep it.
#[server(prefix = "/api", endpoint = "reference_set_domain_active")]
pub async fn reference_set_domain_active(domain: String, active: bool) -> Result<(), AppError> {
    use crate::server::{auth::access, reference, state::app_state};
    super::respond(
        async {
            access::user::<ReferenceSetDomainActive>().await?;
            reference::set_domain_active(&app_state()?.pool, domain.trim(), active).await
        }
        .await,
    )
}

/// Admins: hide a skill from the editor's and the wizard's choices, or offer it again.
/// Profiles and projects that hold it keep it.
#[server(prefix = "/api", endpoint = "reference_set_skill_active")]
pub async fn reference_set_skill_active(skill: String, active: bool) -> Result<(), AppError> {
    use crate::server::{auth::access, reference, state::app_state};
    super::respond(
        async {
            access::user::<ReferenceSetSkillActive>().await?;
            reference::set_skill_active(&app_state()?.pool, skill.trim(), active).await
        }
        .await,
    )
}

/// Admins: new labels for a domain (`domain:slug`) or a skill (`skill:slug`). The slug
/// stays, so profiles and projects that use it keep it and show the new label.
#[server(prefix = "/api", endpoint = "reference_rename")]
pub async fn reference_rename(
    target: String,
    label_fr: String,
    label_en: String,
) -> Result<(), AppError> {
    use crate::server::{auth::access, reference, state::app_state};
    super::respond(
        async {
            access::user::<ReferenceRename>().await?;
            let (fr, en) = labels(&label_fr, &label_en)?;
            let pool = &app_state()?.pool;
            match target.trim().split_once(':') {
                Some(("domain", slug)) => reference::rename_domain(pool, slug, &fr, &en).await,
                Some(("skill", slug)) => reference::rename_skill(pool, slug, &fr, &en).await,
                _ => Err(AppError::Validation(
                    crate::error::Problem::RenameTargetUnknown,
                )),
            }
        }
        .await,
    )
}
