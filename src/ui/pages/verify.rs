//! `/verifier`: anyone holding a PDF asks whether it is a contract the platform drew or
//! had signed, and by whom. The file goes to the server only to be hashed (a plain
//! form, so it works without JavaScript); the page then shows what the fingerprint
//! matches.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::contract::contract_verify;
use crate::domain::contract::{SignatureView, Verification};
use crate::ui::components::form::ErrorNotice;
use crate::ui::format::day_of;

#[component]
pub fn VerifyPage() -> impl IntoView {
    let query = use_query_map();
    let hash = move || query.read().get("empreinte").unwrap_or_default();
    let result = Resource::new(hash, |hash| async move {
        if hash.is_empty() {
            None
        } else {
            Some(contract_verify(hash).await)
        }
    });
    view! {
        <Title text=tr!(signing.verify_title)/>
        <section class="container narrow">
            <h1>{tr!(signing.verify_title)}</h1>
            <p>{tr!(signing.verify_lead)}</p>
            <form method="post" action="/verifier/document" enctype="multipart/form-data" class="card stack">
                <div class="field">
                    <label for="verify-file">{tr!(signing.verify_file)}</label>
                    <input id="verify-file" type="file" name="file" accept="application/pdf" required=true data-testid="verify-file"/>
                </div>
                <button type="submit" class="button" data-testid="verify-submit">{tr!(signing.verify_submit)}</button>
            </form>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match result.await {
                        None => ().into_any(),
                        Some(Ok(found)) => view! { <Outcome found hash=hash()/> }.into_any(),
                        Some(Err(err)) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn signers(list: Vec<SignatureView>) -> impl IntoView {
    if list.is_empty() {
        return view! { <p>{tr!(signing.verify_nobody)}</p> }.into_any();
    }
    view! {
        <ul data-testid="verify-signers">
            {list.into_iter().map(|s| view! {
                <li>{tr!(signing.signed_by, name = s.name, company = s.company, date = day_of(&s.at)).to_string()}</li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Outcome(found: Verification, hash: String) -> impl IntoView {
    let (kind, text, list) = match found {
        Verification::Signed {
            reference,
            signatures,
        } => (
            "signed",
            tr!(signing.verify_signed, reference = reference).to_string(),
            Some(signatures),
        ),
        Verification::Drawn {
            reference,
            signatures,
        } => (
            "drawn",
            tr!(signing.verify_drawn, reference = reference).to_string(),
            Some(signatures),
        ),
        Verification::Unknown => ("unknown", tr!(signing.verify_unknown).to_string(), None),
    };
    let tone = if kind == "unknown" {
        "notice notice--error"
    } else {
        "notice notice--ok"
    };
    view! {
        <div class="card stack" data-testid="verify-result" data-found=kind>
            <p class=tone role="status">{text}</p>
            {list.map(signers)}
            <p class="hint quote__mention" translate="no">{tr!(signing.verify_hash, hash = hash)}</p>
        </div>
    }
}
