//! Admin pre-selection: open projects, ranked candidates with their explanation, and
//! the proposal of a selection to the client.

use leptos::prelude::*;

use crate::domain::id::{ExpertId, ProjectId};
use crate::ui::components::form::ErrorNotice;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::chat::{ChatHide, ChatPost};
use crate::api::project::{admin_candidates, admin_projects, admin_propose};
use crate::domain::live::LiveKind;
use crate::domain::project::Candidate;
use crate::ui::components::icon::Icon;
use crate::ui::components::kit::{EmptyState, StatusBadge, Tone};
use crate::ui::components::match_explanation::{MatchExplanation, ProjectFacts};
use crate::ui::components::session::RequireUser;

#[component]
pub fn AdminProjectsPage() -> impl IntoView {
    let list = Resource::new(|| (), |_| admin_projects());
    view! {
        <Title text=tr!(admin.projects_title)/>
        <RequireUser signed_in=move |_| view! {
            <section class="container">
                <h1>{tr!(admin.projects_title)}</h1>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        match list.await {
                            Ok(list) if list.is_empty() => view! {
                                <EmptyState icon=Icon::Briefcase testid="no-open-projects"
                                    title=tr!(admin.projects_none) body=tr!(admin.projects_none_body)/>
                            }.into_any(),
                            Ok(list) => list.into_iter().map(|p| view! {
                                <article class="card">
                                    <h2 translate="no"><a href=format!("/admin/projets/{}", p.id)>{p.title.clone()}</a></h2>
                                    <p translate="no">{p.company.clone().unwrap_or_default()}</p>
                                    <ProjectFacts project=p/>
                                </article>
                            }).collect_view().into_any(),
                            Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        }/>
    }
}

#[component]
pub fn AdminProjectPage() -> impl IntoView {
    let params = use_params_map();
    let version = RwSignal::new(0u32);
    // Outside the candidates, which are redrawn once the proposal is recorded.
    let outcome = RwSignal::new(None::<Result<usize, String>>);
    let hide = ServerAction::<ChatHide>::new();
    let moved = crate::ui::live::use_live().ticks(move |e| {
        e.kind != LiveKind::Notice
            && e.project.map(|p| p.to_string()) == params.read_untracked().get("id")
    });
    let data = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                version.get(),
                hide.version().get(),
                moved.get(),
            )
        },
        |(id, ..)| admin_candidates(id),
    );
    view! {
        <Title text=tr!(admin.preselection_title)/>
        <RequireUser signed_in=move |_| view! { <Preselection version outcome data hide/> }/>
    }
}

#[component]
fn Preselection(
    version: RwSignal<u32>,
    outcome: RwSignal<Option<Result<usize, String>>>,
    data: Resource<Result<crate::domain::project::AdminProjectView, crate::error::AppError>>,
    hide: ServerAction<ChatHide>,
) -> impl IntoView {
    view! {
        <section class="container">
            <a class="back-link" href="/admin/projets"><Icon icon=Icon::ChevronLeft/>{tr!(admin.projects_back)}</a>
            {move || outcome.get().map(|o| match o {
                Ok(n) => view! { <p class="notice notice--ok" role="status" data-testid="proposed-notice">{proposed_text(n)}</p> }.into_any(),
                Err(m) => view! { <ErrorNotice message=m/> }.into_any(),
            })}
            <Transition fallback=|| view! { <p>{tr!(admin.loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(v) => {
                            let id = v.project.id;
                            view! {
                                <h1 translate="no">{v.project.title.clone()}</h1>
                                <ProjectFacts project=v.project.clone()/>
                                <Candidates id candidates=v.candidates version outcome hide/>
                            }.into_any()
                        }
                        Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// What the proposal did: who was told, or that nobody new was proposed.
fn proposed_text(count: usize) -> String {
    match count {
        0 => tr!(admin.proposed_none).to_string(),
        1 => tr!(admin.proposed_one).to_string(),
        n => tr!(admin.proposed_many, count = n).to_string(),
    }
}

#[component]
fn Candidates(
    id: ProjectId,
    candidates: Vec<Candidate>,
    version: RwSignal<u32>,
    outcome: RwSignal<Option<Result<usize, String>>>,
    hide: ServerAction<ChatHide>,
) -> impl IntoView {
    // Admins read and hide; they do not write. A step they cancel comes back live.
    let post = ServerAction::<ChatPost>::new();
    let steps = crate::ui::pages::project::StepActions::new();
    // The team reads quotes and contracts; these forms are never shown to it.
    let quotes = crate::ui::pages::project::QuoteActions::new();
    let contracts = crate::ui::pages::project::ContractActions::new();
    let picks = RwSignal::new(Vec::<(ExpertId, String)>::new());
    let propose = move |_| {
        let chosen = picks.get_untracked();
        leptos::task::spawn_local(async move {
            match admin_propose(id, chosen).await {
                Ok(n) => {
                    outcome.set(Some(Ok(n)));
                    picks.set(Vec::new());
                    version.update(|v| *v += 1);
                }
                Err(err) => outcome.set(Some(Err(err.to_string()))),
            }
        });
    };
    view! {
        <h2>{tr!(admin.candidates_heading, count = candidates.len()).to_string()}</h2>
        <ol class="candidates" data-testid="candidates">
            {candidates.into_iter().map(|c| {
                let expert = c.expert_id;
                let picked = move || picks.with(|p| p.iter().any(|(e, _)| *e == expert));
                view! {
                    <li class="card" class:candidate--demo=c.demo data-testid="candidate" data-expert=expert.to_string()>
                        <h3 class="row">
                            <span translate="no">{c.name.clone()}</span>
                            {c.dossier.map(|id| view! {
                                <a class="button button--ghost button--small" href=format!("/admin/revues/{id}") target="_blank" rel="noopener" data-testid="open-dossier">
                                    <Icon icon=Icon::FileText/>{tr!(admin.open_dossier)}
                                </a>
                            })}
                            {c.demo.then(|| view! { <StatusBadge tone=Tone::Warn text=tr!(admin.tag_demo) testid="demo"/> })}
                            {c.application.is_some().then(|| view! { <StatusBadge tone=Tone::Brand text=tr!(admin.tag_applicant)/> })}
                            {c.proposed.then(|| view! { <StatusBadge tone=Tone::Ok text=tr!(admin.tag_already_proposed) testid="already-proposed"/> })}
                            {c.outside.is_some().then(|| view! { <StatusBadge tone=Tone::Warn text=tr!(admin.tag_outside)/> })}
                        </h3>
                        {c.outside.clone().map(|r| view! {
                            <p class="notice" data-testid="outside">{tr!(admin.outside_notice, reason = crate::ui::text::matching::rejection(crate::ui::text::current_lang(), &r)).to_string()}</p>
                        })}
                        {c.application.clone().map(|m| view! { <p class="notice" data-testid="application-message">{tr!(admin.application_message_label)} " " <span translate="no">{m}</span></p> })}
                        <MatchExplanation score=c.score.clone()/>
                        {c.demo.then(|| view! { <p class="muted">{tr!(admin.demo_not_proposable)}</p> })}
                        {(!c.proposed && !c.demo).then(|| view! {
                            <div class="candidate">
                                <label class="check">
                                    <input type="checkbox" data-testid="pick" prop:checked=picked
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            picks.update(|p| {
                                                p.retain(|(e, _)| *e != expert);
                                                if on { p.push((expert, String::new())); }
                                            });
                                        }/>
                                    {tr!(admin.pick)}
                                </label>
                                <label class="candidate__note">
                                    <span class="visually-hidden">{tr!(admin.pick_note_label)}</span>
                                    <input type="text" maxlength="1000" placeholder=tr!(admin.pick_note_placeholder) data-testid="pick-note"
                                        on:input=move |ev| {
                                            let note = event_target_value(&ev);
                                            picks.update(|p| if let Some(x) = p.iter_mut().find(|(e, _)| *e == expert) { x.1 = note; });
                                        }/>
                                </label>
                            </div>
                        })}
                        {c.conversation.clone().map(|conversation| view! {
                            <crate::ui::pages::project::PathChat project=id expert conversation post hide/>
                        })}
                        <crate::ui::pages::project::PathSteps project=id expert steps=c.steps.clone()
                            reader=crate::domain::selection::Party::Admin actions=steps/>
                        {c.contract.clone().map(|contract| view! {
                            <crate::ui::pages::project::PathContract contract
                                reader=crate::domain::selection::Party::Admin actions=contracts/>
                        })}
                        {c.quote.clone().map(|quote| view! {
                            <crate::ui::pages::project::PathQuote project=id expert quote
                                reader=crate::domain::selection::Party::Admin actions=quotes/>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
        // Sticky: the button stays in reach however long the list.
        <div class="propose-bar">
            <button type="button" class="button" data-testid="propose" disabled=move || picks.with(Vec::is_empty) on:click=propose>
                {move || tr!(admin.propose_submit, count = picks.with(Vec::len)).to_string()}
            </button>
        </div>
    }
}
