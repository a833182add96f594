//! The expert's own dossier: the editor's data, autosave, submission, uploads.

use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json, MultipartData, MultipartFormData};

use crate::domain::profile::{FileInfo, ProfileDraft};
use crate::domain::review::{EditorData, ReviewState, Saved};
use crate::error::AppError;

/// Providers: their draft, files, review state, history and who viewed their dossier.
#[server(prefix = "/api", endpoint = "profile_editor", input = GetUrl)]
pub async fn profile_editor() -> Result<EditorData, AppError> {
    use crate::server::{auth::access, profile, state::app_state};
    super::respond(
        async {
            let user = access::user::<ProfileEditor>().await?;
            let state = app_state()?;
            profile::editor_data(&state.pool, &user, state.clock.today()).await
        }
        .await,
    )
}

/// Providers: stores the draft as typed (autosave) and returns what needs fixing.
#[server(prefix = "/api", endpoint = "profile_save", input = Json)]
pub async fn profile_save(draft: ProfileDraft) -> Result<Saved, AppError> {
    use crate::server::{auth::access, profile, state::app_state};
    super::respond(
        async {
            let user = access::user::<ProfileSave>().await?;
            let state = app_state()?;
            profile::save(&state.pool, &user, draft, state.clock.today()).await
        }
        .await,
    )
}

/// Providers: sends the saved draft for review.
#[server(prefix = "/api", endpoint = "profile_submit")]
pub async fn profile_submit() -> Result<ReviewState, AppError> {
    use crate::server::{auth::access, profile, state::app_state};
    super::respond(
        async {
            let user = access::user::<ProfileSubmit>().await?;
            let state = app_state()?;
            profile::submit(&state.pool, &user, state.clock.today()).await
        }
        .await,
    )
}

#[cfg(feature = "ssr")]
async fn upload(
    caller: Result<crate::domain::session::CurrentUser, AppError>,
    data: MultipartData,
    slot: crate::domain::upload::UploadSlot,
) -> Result<FileInfo, AppError> {
    use crate::server::{files, state::app_state};
    super::respond(
        async {
            let user = caller?;
            let data = data.into_inner().ok_or(AppError::Internal)?;
            files::upload(&app_state()?, &user, slot, data).await
        }
        .await,
    )
}

/// Providers: the photo (JPEG, PNG or WebP, 5 MB at most), stored as a 480 px square.
#[server(prefix = "/api", endpoint = "profile_upload_photo", input = MultipartFormData)]
pub async fn profile_upload_photo(data: MultipartData) -> Result<FileInfo, AppError> {
    use crate::server::auth::access;
    let caller = access::user::<ProfileUploadPhoto>().await;
    upload(caller, data, crate::domain::upload::UploadSlot::Photo).await
}

/// Providers: the CV (PDF, 10 MB at most).
#[server(prefix = "/api", endpoint = "profile_upload_cv", input = MultipartFormData)]
pub async fn profile_upload_cv(data: MultipartData) -> Result<FileInfo, AppError> {
    use crate::server::auth::access;
    let caller = access::user::<ProfileUploadCv>().await;
    upload(caller, data, crate::domain::upload::UploadSlot::Cv).await
}

/// Providers: the URSSAF attestation de vigilance (PDF, 10 MB at most).
#[server(prefix = "/api", endpoint = "profile_upload_attestation", input = MultipartFormData)]
pub async fn profile_upload_attestation(data: MultipartData) -> Result<FileInfo, AppError> {
    use crate::server::auth::access;
    let caller = access::user::<ProfileUploadAttestation>().await;
    upload(caller, data, crate::domain::upload::UploadSlot::Attestation).await
}
