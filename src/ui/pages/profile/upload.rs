//! File fields: sent to the upload server functions with a progress bar (XMLHttpRequest
//! reports upload progress, fetch does not). The server checks everything again.

use leptos::prelude::*;

use super::fields::FieldLabel;
use crate::domain::profile::{DraftFiles, FieldId, FileInfo};
use crate::domain::upload::UploadSlot;
use crate::ui::labels::field_text;

fn slot_of(field: FieldId) -> (UploadSlot, &'static str, &'static str) {
    match field {
        FieldId::Photo => (
            UploadSlot::Photo,
            UploadSlot::Photo.as_str(),
            "image/jpeg,image/png,image/webp",
        ),
        FieldId::Cv => (UploadSlot::Cv, UploadSlot::Cv.as_str(), "application/pdf"),
        _ => (
            UploadSlot::Attestation,
            UploadSlot::Attestation.as_str(),
            "application/pdf",
        ),
    }
}

fn current(files: &DraftFiles, field: FieldId) -> Option<FileInfo> {
    match field {
        FieldId::Photo => files.photo.clone(),
        FieldId::Cv => files.cv.clone(),
        _ => files.attestation.clone(),
    }
}

#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn store(files: &mut DraftFiles, field: FieldId, info: FileInfo) {
    match field {
        FieldId::Photo => files.photo = Some(info),
        FieldId::Cv => files.cv = Some(info),
        _ => files.attestation = Some(info),
    }
}

#[component]
pub fn UploadField(field: FieldId) -> impl IntoView {
    let ctx = super::ctx();
    let (slot, name, accept) = slot_of(field);
    let progress = RwSignal::new(None::<f64>);
    let error = RwSignal::new(None::<String>);
    let id = format!("champ-{name}");
    let existing = move || ctx.files.with(|f| current(f, field));
    let on_change = move |ev: leptos::ev::Event| {
        error.set(None);
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|list| list.get(0)) else {
                return;
            };
            if file.size() > slot.max_bytes() as f64 {
                let size = slot.max_bytes() / (1024 * 1024);
                error.set(Some(tr!(profile.upload.too_large, size = size).to_string()));
                input.set_value("");
                return;
            }
            let done = move |result: Result<FileInfo, String>| {
                progress.set(None);
                match result {
                    Ok(info) => ctx.files.update(|f| store(f, field, info)),
                    Err(message) => error.set(Some(message)),
                }
            };
            progress.set(Some(0.0));
            if let Err(message) = send(&file, name, progress, done) {
                progress.set(None);
                error.set(Some(message));
            }
            input.set_value("");
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, slot);
    };
    view! {
        <div class="field upload" class:field--invalid=move || error.get().is_some()>
            <FieldLabel field for_id=id.clone()/>
            {move || existing().map(|f| view! {
                <p class="upload__current" data-testid=format!("current-{name}")>
                    <a href=f.url target="_blank">{tr!(profile.upload.current, size = f.bytes.div_ceil(1024)).to_string()}</a>
                    " · " {tr!(profile.upload.replace)}
                </p>
            })}
            <input id=id type="file" name=name accept=accept on:change=on_change/>
            <p class="field__hint">{field_text(field).1}</p>
            {move || progress.get().map(|p| view! {
                <p class="upload__progress" role="status">
                    <progress max="100" value=(p * 100.0).round()></progress> " " {tr!(profile.upload.running)}
                </p>
            })}
            <p class="field__error" role="alert" data-testid=format!("error-{name}")>{move || error.get()}</p>
        </div>
    }
}

/// Posts `file` to `/api/profile_upload_{name}`, reporting progress; `done` gets the
/// stored file or the server's message.
#[cfg(feature = "hydrate")]
fn send(
    file: &web_sys::File,
    name: &str,
    progress: RwSignal<Option<f64>>,
    done: impl Fn(Result<FileInfo, String>) + 'static,
) -> Result<(), String> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let failed = |_| tr!(profile.upload.not_started).to_string();
    let xhr = web_sys::XmlHttpRequest::new().map_err(failed)?;
    xhr.open("POST", &format!("/api/profile_upload_{name}"))
        .map_err(failed)?;
    xhr.set_request_header("Accept", "application/json")
        .map_err(failed)?;
    let on_progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                progress.set(Some(e.loaded() / e.total()));
            }
        });
    xhr.upload()
        .map_err(failed)?
        .set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    on_progress.forget();
    let done = std::rc::Rc::new(done);
    let on_load = {
        let xhr = xhr.clone();
        let done = done.clone();
        Closure::<dyn FnMut()>::new(move || {
            let status = xhr.status().unwrap_or(0);
            let body = xhr.response_text().ok().flatten().unwrap_or_default();
            let result = if status == 200 {
                serde_json::from_str::<FileInfo>(&body)
                    .map_err(|_| tr!(profile.upload.bad_answer).to_string())
            } else {
                Err(serde_json::from_str::<crate::error::AppError>(&body)
                    .map(|e| e.to_string())
                    .unwrap_or_else(|_| tr!(profile.upload.failed, status = status).to_string()))
            };
            done(result);
        })
    };
    xhr.set_onload(Some(on_load.as_ref().unchecked_ref()));
    on_load.forget();
    let on_error =
        Closure::<dyn FnMut()>::new(move || done(Err(tr!(profile.upload.interrupted).to_string())));
    xhr.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    let form = web_sys::FormData::new().map_err(failed)?;
    form.append_with_blob_and_filename("file", file, &file.name())
        .map_err(failed)?;
    xhr.send_with_opt_form_data(Some(&form)).map_err(failed)
}
