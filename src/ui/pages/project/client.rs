//! The client's side: "Mes projets" (drafts to resume, submitted projects), the wizard's
//! page, and one project with its proposed dossiers.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::decision::PathDecision;
use super::ending::{EndedNotice, ProjectActions};
use super::wizard;
use crate::api::chat::ChatPost;
use crate::api::project::{project_client_view, project_wizard, projects_mine, ProjectEnd};
use crate::api::selection::SelectionFire;
use crate::domain::id::{ProjectDraftId, ProjectId};
use crate::domain::live::LiveKind;
use crate::domain::project::{DraftSummary, MyProjects, ProjectStatus, ProjectSummary, Step};
use crate::domain::selection::{Party, ProposalState};
use crate::error::AppError;
use crate::ui::components::dossier::DossierView;
use crate::ui::components::form::ErrorNotice;
use crate::ui::components::icon::Icon;
use crate::ui::components::kit::{EmptyState, StatusBadge, Tone};
use crate::ui::components::match_explanation::{MatchExplanation, ProjectFacts};
use crate::ui::components::session::RequireUser;
use crate::ui::format::date;
use crate::ui::text::current_lang;
use crate::ui::text::project::{proposal_state_label, step_label};

type Loaded<T> = Resource<Result<T, AppError>>;

#[component]
pub fn ClientProjectsPage() -> impl IntoView {
    let projects = Resource::new(|| (), |_| projects_mine());
    view! {
        <Title text=tr!(projects.my_projects_title)/>
        <RequireUser signed_in=move |_| view! { <ClientProjects projects/> }/>
    }
}

#[component]
fn ClientProjects(projects: Loaded<MyProjects>) -> impl IntoView {
    view! {
        <section class="container">
            <div class="page-head">
                <h1>{tr!(projects.my_projects_title)}</h1>
                <a class="button" href="/mes-projets/nouveau?fresh=true" data-testid="new-project"><Icon icon=Icon::Plus/>{tr!(projects.new_project)}</a>
            </div>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match projects.await {
                        Ok(mine) if mine.drafts.is_empty() && mine.projects.is_empty() => view! {
                            <EmptyState icon=Icon::Briefcase testid="no-projects" title=tr!(projects.no_projects)
                                body=tr!(projects.no_projects_body)
                                action=("/mes-projets/nouveau?fresh=true", tr!(projects.new_project).to_string())/>
                        }.into_any(),
                        Ok(mine) => view! { <Lists mine/> }.into_any(),
                        Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Lists(mine: MyProjects) -> impl IntoView {
    let MyProjects { drafts, projects } = mine;
    view! {
        {(!drafts.is_empty()).then(|| view! {
            <h2>{tr!(projects.drafts_title)}</h2>
            <ul class="project-list" data-testid="drafts">
                {drafts.into_iter().map(|d| view! { <DraftItem d/> }).collect_view()}
            </ul>
        })}
        {(!projects.is_empty()).then(|| view! {
            <h2>{tr!(projects.submitted_title)}</h2>
            <ul class="project-list">
                {projects.into_iter().map(|p| view! {
                    <li class="card project-item" data-testid="my-project">
                        <div>
                            <h3 translate="no"><a href=format!("/mes-projets/{}", p.id)>{p.title.clone()}</a></h3>
                            <ProjectFacts project=p.clone()/>
                        </div>
                        <ProjectStatusBadge status=p.status/>
                    </li>
                }).collect_view()}
            </ul>
        })}
    }
}

#[component]
fn DraftItem(d: DraftSummary) -> impl IntoView {
    let lang = current_lang();
    let untitled = d.title.is_empty();
    let title = if untitled {
        tr!(projects.untitled).to_string()
    } else {
        d.title.clone()
    };
    let reached = tr!(
        projects.draft_step,
        n = d.step.index() + 1,
        total = Step::ALL.len(),
        step = step_label(lang, d.step)
    )
    .to_string();
    view! {
        <li class="card project-item" data-testid="draft">
            <div>
                <h3 translate=(!untitled).then_some("no")>{title}</h3>
                <p class="muted">{reached} " · " {tr!(projects.draft_saved_on, date = date(d.saved_on)).to_string()}</p>
            </div>
            <div class="row">
                <StatusBadge tone=Tone::Warn text=tr!(projects.status_draft)/>
                <a class="button button--ghost" href=format!("/mes-projets/nouveau?draft={}", d.id) data-testid="resume">
                    {tr!(projects.resume)}<Icon icon=Icon::ArrowRight/>
                </a>
            </div>
        </li>
    }
}

#[component]
pub fn ProjectStatusBadge(status: ProjectStatus) -> impl IntoView {
    let (tone, text) = match status {
        ProjectStatus::Draft => (Tone::Warn, tr!(projects.status_draft)),
        ProjectStatus::Open => (Tone::Brand, tr!(projects.status_open)),
        ProjectStatus::Closed => (Tone::Ok, tr!(projects.status_closed)),
        ProjectStatus::Cancelled => (Tone::Neutral, tr!(projects.status_cancelled)),
    };
    view! { <StatusBadge tone text testid="project-status"/> }
}

/// The wizard: `?draft=<id>` resumes that draft, `?fresh=true` starts a new project,
/// `?modifier=<project>` edits an open project, and nothing resumes the draft saved last.
#[component]
pub fn NewProjectPage() -> impl IntoView {
    let query = use_query_map();
    let edits = Memo::new(move |_| {
        query.with(|q| {
            q.get("modifier")
                .and_then(|id| id.parse::<ProjectId>().ok())
        })
    });
    let data = Resource::new(
        move || {
            query.with(|q| {
                let draft = q
                    .get("draft")
                    .and_then(|id| id.parse::<ProjectDraftId>().ok());
                (draft, q.get("fresh").is_some().then_some(true), edits.get())
            })
        },
        |(draft, fresh, edits)| project_wizard(draft, fresh, edits),
    );
    view! {
        <Title text=move || if edits.get().is_some() { tr!(projects.edit_project) } else { tr!(projects.new_project) }/>
        <RequireUser signed_in=move |_| view! {
            <section class="container narrow">
                {move || match edits.get() {
                    Some(project) => view! {
                        <a class="back-link" href=format!("/mes-projets/{project}")><Icon icon=Icon::ChevronLeft/>{tr!(projects.back_to_project)}</a>
                        <h1>{tr!(projects.edit_project)}</h1>
                        <p>{tr!(projects.edit_project_lead)}</p>
                    }.into_any(),
                    None => view! {
                        <a class="back-link" href="/mes-projets"><Icon icon=Icon::ChevronLeft/>{tr!(projects.back_to_mine)}</a>
                        <h1>{tr!(projects.new_project)}</h1>
                        <p>{tr!(projects.new_project_lead)}</p>
                    }.into_any(),
                }}
                <wizard::WizardLoader data/>
            </section>
        }/>
    }
}

#[component]
pub fn ClientProjectPage() -> impl IntoView {
    let params = use_params_map();
    let end = ServerAction::<ProjectEnd>::new();
    let fire = ServerAction::<SelectionFire>::new();
    let post = ServerAction::<ChatPost>::new();
    let steps = super::StepActions::new();
    let quotes = super::QuoteActions::new();
    let contracts = super::ContractActions::new();
    // Any path of the project moving, by whoever, refreshes the page.
    let moved = crate::ui::live::use_live().ticks(move |e| {
        e.kind != LiveKind::Notice
            && e.project.map(|p| p.to_string()) == params.read_untracked().get("id")
    });
    let view_data = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                end.version().get(),
                fire.version().get(),
                post.version().get(),
                steps.version(),
                quotes.version(),
                contracts.version(),
                moved.get(),
            )
        },
        |(id, ..)| project_client_view(id),
    );
    // The mission invoices follow the same moves (a deposit, a payment confirmed).
    let missions = Resource::new(
        move || (params.read().get("id").unwrap_or_default(), moved.get()),
        |(id, _)| crate::api::billing::billing_client(id),
    );
    view! {
        <Title text=tr!(projects.my_project_title)/>
        <RequireUser signed_in=move |_| view! {
            <ClientProject view_data end fire post steps quotes contracts/>
            <ClientMissions missions/>
        }/>
    }
}

/// The invoices the experts of this project's signed contracts deposited.
#[component]
fn ClientMissions(
    missions: Loaded<Vec<crate::domain::billing::views::MissionBilling>>,
) -> impl IntoView {
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match missions.await {
                    Ok(list) if list.is_empty() => ().into_any(),
                    Ok(list) => view! {
                        <section class="container stack" data-testid="client-missions">
                            <h2>{tr!(billing.client_missions)}</h2>
                            {list.into_iter().map(|m| view! { <crate::ui::pages::billing::MissionInvoices mission=m expert=false/> }).collect_view()}
                        </section>
                    }.into_any(),
                    Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ClientProject(
    view_data: Loaded<crate::domain::project::ClientProjectView>,
    end: ServerAction<ProjectEnd>,
    fire: ServerAction<SelectionFire>,
    post: ServerAction<ChatPost>,
    steps: super::StepActions,
    quotes: super::QuoteActions,
    contracts: super::ContractActions,
) -> impl IntoView {
    view! {
        <section class="container">
            <a class="back-link" href="/mes-projets" data-testid="back-to-projects"><Icon icon=Icon::ChevronLeft/>{tr!(projects.back_to_mine)}</a>
            <Transition fallback=|| view! { <p>{tr!(projects.loading)}</p> }>
                {move || Suspend::new(async move {
                    match view_data.await {
                        Ok(v) => view! {
                            <div class="page-head">
                                <h1 translate="no">{v.project.title.clone()}</h1>
                                <ProjectStatusBadge status=v.project.status/>
                            </div>
                            {(v.project.status == ProjectStatus::Open).then(|| view! {
                                <ProjectActions id=v.project.id editing=v.editing end/>
                            })}
                            {v.ending.clone().map(|ending| view! { <EndedNotice ending/> })}
                            <Summary project=v.project.clone()/>
                            {v.ending.is_none().then(|| view! { <h2>{tr!(projects.proposed_experts)}</h2> })}
                            {if v.proposals.is_empty() && v.ending.is_some() {
                                // Ended: the dossiers are no longer shown.
                                ().into_any()
                            } else if v.proposals.is_empty() {
                                view! { <p class="notice" data-testid="no-proposal">{tr!(projects.no_proposal)}</p> }.into_any()
                            } else {
                                let project = v.project.id;
                                let open = v.project.status == ProjectStatus::Open;
                                let comparison = view! { <super::compare::ShortlistComparison proposals=v.proposals.clone()/> };
                                let cards = v.proposals.into_iter().map(|p| {
                                    let expert = p.expert;
                                    let chat = p.conversation.map(|conversation| view! {
                                        <super::chat::PathChat project expert conversation post/>
                                    });
                                    let quote = p.quote.map(|quote| view! {
                                        <super::PathQuote project expert quote reader=Party::Client actions=quotes/>
                                    });
                                    let contract = p.contract.map(|contract| view! {
                                        <super::PathContract contract reader=Party::Client actions=contracts/>
                                    });
                                    view! {
                                    <article class="card proposal" data-testid="proposal" data-state=p.state.as_str()>
                                        <p><StatusBadge tone=Tone::Brand text=proposal_state_label(current_lang(), p.state)/></p>
                                        {open.then(|| view! { <PathDecision project expert=p.expert state=p.state fire/> })}
                                        {contract}
                                        {quote}
                                        {chat}
                                        <super::PathSteps project expert steps=p.steps reader=Party::Client
                                            actions=steps may_add=open && matches!(p.state, ProposalState::Shortlisted | ProposalState::InSelection)/>
                                        <details class="path-log">
                                            <summary>{tr!(selection.timeline_title)}</summary>
                                            <super::Timeline entries=p.timeline for_expert=false/>
                                        </details>
                                        {(!p.note.is_empty()).then(|| view! { <p class="notice">{crate::ui::text::with_data(tr!(projects.team_note, note = crate::ui::text::DATA), p.note)}</p> })}
                                        {p.application.map(|m| view! { <p class="notice" data-testid="application-message">{crate::ui::text::with_data(tr!(projects.expert_message, message = crate::ui::text::DATA), m)}</p> })}
                                        <DossierView dossier=p.dossier/>
                                        {p.score.map(|score| view! { <MatchExplanation score/> })}
                                    </article>
                                }}).collect_view();
                                view! { {comparison} {cards} }.into_any()
                            }}
                        }.into_any(),
                        Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Summary(project: ProjectSummary) -> impl IntoView {
    view! {
        <ProjectFacts project=project.clone()/>
        <p translate="no">{project.description}</p>
    }
}
