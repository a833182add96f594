//! The expert's profile editor: sections, live checks, autosave, uploads, submission,
//! and a live preview of what each kind of viewer sees.

mod fields;
mod lists;
mod preview;
mod upload;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::ui::components::form::ErrorNotice;
use leptos_meta::Title;

use crate::api::profile::{profile_editor, profile_save, profile_submit, ProfileSave};
use crate::domain::account::Role;
use crate::domain::eligibility::AttestationStatus;
use crate::domain::profile::{DraftFiles, FieldId, Gap, Issue, ProfileDraft};
use crate::domain::reference::ReferenceData;
use crate::domain::review::{EditorData, ReviewState, Saved};
use crate::ui::components::autosave::{autosave, SaveIndicator, SaveStatus};
use crate::ui::components::session::RequireUser;
use crate::ui::labels::{attestation_text, field_text};
use fields::{DepartementSelect, DomainChecks, RemoteCheck, TextInput};
use lists::{Experiences, Languages, References, Skills};
use upload::UploadField;

/// The editor's shared state.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub draft: RwSignal<ProfileDraft>,
    pub files: RwSignal<DraftFiles>,
    pub refs: StoredValue<ReferenceData>,
    pub problems: Memo<Vec<Issue>>,
}

pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

#[component]
pub fn ProfileEditorPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| profile_editor());
    view! {
        <Title text=tr!(profile.editor_title)/>
        <RequireUser signed_in=move |user| {
            if user.role == Role::Provider {
                view! { <EditorLoader data/> }.into_any()
            } else {
                view! { <section class="container narrow"><p class="notice">{tr!(profile.providers_only)}</p></section> }.into_any()
            }
        }/>
    }
}

#[component]
fn EditorLoader(data: Resource<Result<EditorData, crate::error::AppError>>) -> impl IntoView {
    view! {
        <Transition fallback=|| view! { <p class="container">{tr!(profile.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <Editor data/> }.into_any(),
                    Err(err) => view! { <div class="container"><ErrorNotice message=err.to_string()/></div> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Editor(data: EditorData) -> impl IntoView {
    let today = NaiveDate::parse_from_str(&data.today, "%Y-%m-%d").unwrap_or_default();
    let draft = RwSignal::new(data.draft);
    let files = RwSignal::new(data.files);
    let refs = StoredValue::new(data.refs);
    let problems = Memo::new(move |_| draft.with(|d| refs.with_value(|r| d.problems(r, today))));
    let ctx = Ctx {
        draft,
        files,
        refs,
        problems,
    };
    provide_context(ctx);
    let state = RwSignal::new(data.state);
    let unsubmitted = RwSignal::new(data.unsubmitted_changes);
    let save = autosave(
        draft.into(),
        |draft| ProfileSave { draft },
        move |saved: Saved| {
            let _ = unsubmitted.try_set(saved.unsubmitted_changes);
        },
    );
    let gaps = Memo::new(move |_| draft.with(|d| files.with(|f| problems.with(|p| d.gaps(f, p)))));
    let completeness =
        Memo::new(move |_| draft.with(|d| files.with(|f| problems.with(|p| d.completeness(f, p)))));
    let missing = Memo::new(move |_| draft.with(|d| files.with(|f| d.missing(f))));
    // An upload changes the draft on the server too.
    Effect::new(move |prev: Option<()>| {
        files.track();
        if prev.is_some() {
            unsubmitted.set(true);
        }
    });
    let expert_id = data.expert_id;
    let email = data.email;
    view! {
        <div class="container editor" data-testid="profile-editor">
            // Hidden once the page is hydrated (a <noscript> would not hydrate).
            <p class="notice until-hydrated">{tr!(profile.noscript)}</p>
            <header class="editor__head">
                <h1>{tr!(profile.editor_title)}</h1>
                <p>{tr!(profile.editor_lead)}</p>
                <StateBanner state unsubmitted/>
                <PublishedAttestation status=data.published_attestation/>
                <div class="editor__meter">
                    <label for="completude">{tr!(profile.completeness)} " " <strong data-testid="completeness">{move || format!("{} %", completeness.get())}</strong></label>
                    <progress id="completude" max="100" value=move || completeness.get()></progress>
                    <SaveIndicator status=save/>
                </div>
                <Gaps gaps/>
            </header>
            // On a phone, form and preview are two tabs (radios: no JavaScript needed).
            <div class="editor__views" role="radiogroup" aria-label=tr!(profile.views_label)>
                <label><input type="radio" name="vue" id="vue-formulaire" checked=true/>{tr!(profile.view_form)}</label>
                <label data-testid="show-preview"><input type="radio" name="vue" id="vue-apercu"/>{tr!(profile.view_preview)}</label>
            </div>
            <div class="editor__body">
                <form class="editor__form" on:submit=|ev| ev.prevent_default()>
                    <Sections/>
                    <Submit state unsubmitted save missing/>
                </form>
                <preview::Preview expert_id email today/>
            </div>
            <preview::HistoryAndViews history=data.history views=data.views/>
        </div>
    }
}

/// Under the gauge: each field that keeps it under 100 %, linked to the field.
#[component]
fn Gaps(gaps: Memo<Vec<Gap>>) -> impl IntoView {
    view! {
        {move || {
            let gaps = gaps.get();
            if gaps.is_empty() {
                return view! { <p class="notice notice--ok" data-testid="gaps">{tr!(profile.gaps.none)}</p> }.into_any();
            }
            view! {
                <details class="gaps" data-testid="gaps">
                    <summary>{tr!(profile.gaps.title, count = gaps.len())}</summary>
                    <ul class="gaps__list">
                        {gaps.into_iter().map(|g| view! {
                            <li data-field=g.field.slug()>
                                <a href=format!("#champ-{}", g.field.slug())>{field_text(g.field).0}</a>
                                " "
                                <span class="badge-soft" class:badge-soft--danger=g.to_correct>
                                    {match (g.to_correct, g.field.required()) {
                                        (true, _) => tr!(profile.gaps.to_correct),
                                        (false, true) => tr!(profile.gaps.required),
                                        (false, false) => tr!(profile.gaps.optional),
                                    }}
                                </span>
                            </li>
                        }).collect_view()}
                    </ul>
                </details>
            }.into_any()
        }}
    }
}

/// The form's sections. Type-erased: the whole editor as one static view type is too
/// deep for the release build.
#[component]
fn Sections() -> impl IntoView {
    let text = |v: fn(&ProfileDraft) -> &String| v;
    view! {
                    <section>
            <h2>{tr!(profile.section_card)}</h2>
            <UploadField field=FieldId::Photo/>
            <TextInput field=FieldId::FirstName get=text(|d| &d.first_name) set=|d, v| d.first_name = v autocomplete="given-name"/>
            <DepartementSelect/>
            <TextInput field=FieldId::YearsExperience kind="number" get=text(|d| &d.years_experience) set=|d, v| d.years_experience = v/>
            <TextInput field=FieldId::Education multiline=true get=text(|d| &d.education) set=|d, v| d.education = v/>
        </section>
        <section>
            <h2>{tr!(profile.section_expertise)}</h2>
            <DomainChecks/>
            <Skills/>
            <Languages/>
        </section>
        <section>
            <h2>{tr!(profile.section_contact)}</h2>
            <TextInput field=FieldId::LastName get=text(|d| &d.last_name) set=|d, v| d.last_name = v autocomplete="family-name"/>
            <TextInput field=FieldId::Phone kind="tel" get=text(|d| &d.phone) set=|d, v| d.phone = v autocomplete="tel"/>
            <TextInput field=FieldId::PostalAddress multiline=true get=text(|d| &d.postal_address) set=|d, v| d.postal_address = v/>
            <TextInput field=FieldId::LegalForm get=text(|d| &d.legal_form) set=|d, v| d.legal_form = v/>
            <TextInput field=FieldId::Siret get=text(|d| &d.siret) set=|d, v| d.siret = v/>
            <TextInput field=FieldId::VatNumber get=text(|d| &d.vat_number) set=|d, v| d.vat_number = v/>
        </section>
        <section>
            <h2>{tr!(profile.section_mission)}</h2>
            <TextInput field=FieldId::DailyRate get=text(|d| &d.daily_rate) set=|d, v| d.daily_rate = v/>
            <TextInput field=FieldId::AvailableFrom kind="date" get=text(|d| &d.available_from) set=|d, v| d.available_from = v/>
            <TextInput field=FieldId::Mobility get=text(|d| &d.mobility) set=|d, v| d.mobility = v/>
            <RemoteCheck/>
        </section>
        <section>
            <h2>{tr!(profile.section_career)}</h2>
            <Experiences/>
            <References/>
        </section>
        <section>
            <h2>{tr!(profile.section_documents)}</h2>
            <UploadField field=FieldId::Cv/>
            <UploadField field=FieldId::Attestation/>
            <TextInput field=FieldId::AttestationIssuedOn kind="date" get=text(|d| &d.attestation_issued_on) set=|d, v| d.attestation_issued_on = v/>
        </section>
    }
    .into_any()
}

/// The published profile's attestation when it expires soon or has expired: the expert
/// must submit a newer one (the draft's own date is checked field by field).
#[component]
fn PublishedAttestation(status: Option<AttestationStatus>) -> impl IntoView {
    status
        .filter(|s| {
            matches!(
                s,
                AttestationStatus::ExpiringSoon { .. } | AttestationStatus::Expired { .. }
            )
        })
        .map(|s| {
            view! {
                <p class="notice notice--error" data-testid="published-attestation">
                    {tr!(profile.published_attestation, status = attestation_text(s)).to_string()}
                </p>
            }
        })
}

#[component]
fn StateBanner(state: RwSignal<ReviewState>, unsubmitted: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="notice" data-testid="review-state">
            {move || match state.get() {
                ReviewState::Draft => tr!(profile.state_draft).into_any(),
                ReviewState::Pending { published: false } => tr!(profile.state_pending).into_any(),
                ReviewState::Pending { published: true } => tr!(profile.state_pending_published).into_any(),
                ReviewState::ChangesRequested { message, .. } => crate::ui::text::with_data(tr!(profile.state_changes, message = crate::ui::text::DATA), message).into_any(),
                ReviewState::Rejected { reason, .. } => crate::ui::text::with_data(tr!(profile.state_rejected, reason = crate::ui::text::DATA), reason).into_any(),
                ReviewState::Published => tr!(profile.state_published).into_any(),
            }}
            {move || (unsubmitted.get() && !state.with(ReviewState::is_pending) && state.with(|s| *s != ReviewState::Draft))
                .then(|| view! { " " <strong>{tr!(profile.unsubmitted)}</strong> })}
        </div>
    }
}

#[component]
fn Submit(
    state: RwSignal<ReviewState>,
    unsubmitted: RwSignal<bool>,
    save: RwSignal<SaveStatus>,
    missing: Memo<Vec<FieldId>>,
) -> impl IntoView {
    let ctx = ctx();
    let outcome = RwSignal::new(None::<Result<(), String>>);
    let busy = RwSignal::new(false);
    let on_click = move |_| {
        busy.set(true);
        outcome.set(None);
        let draft = ctx.draft.get_untracked();
        leptos::task::spawn_local(async move {
            // Whatever autosave has pending is saved first.
            let result = match profile_save(draft).await {
                Ok(_) => {
                    save.set(SaveStatus::Saved);
                    profile_submit().await
                }
                Err(err) => Err(err),
            };
            busy.set(false);
            match result {
                Ok(new_state) => {
                    state.set(new_state);
                    unsubmitted.set(false);
                    outcome.set(Some(Ok(())));
                }
                Err(err) => outcome.set(Some(Err(err.to_string()))),
            }
        });
    };
    view! {
        <div class="editor__submit">
            {move || {
                let missing = missing.get();
                (!missing.is_empty()).then(|| view! {
                    <p class="muted" data-testid="missing">{tr!(profile.missing)} " "
                        {missing.iter().map(|f| field_text(*f).0).collect::<Vec<_>>().join(", ")}
                    </p>
                })
            }}
            <button type="button" class="button" data-testid="submit-profile"
                disabled=move || busy.get() || state.with(ReviewState::is_pending)
                on:click=on_click>{tr!(profile.submit)}</button>
            {move || outcome.get().map(|o| match o {
                Ok(()) => view! { <p class="notice notice--ok" role="status">{tr!(profile.submitted)}</p> }.into_any(),
                Err(m) => view! { <ErrorNotice message=m testid="submit-error"/> }.into_any(),
            })}
        </div>
    }
}
