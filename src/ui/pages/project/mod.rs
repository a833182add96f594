//! Projects: the client's list, wizard and proposed dossiers; the expert's matching
//! projects and applications.

mod wizard;

use leptos::prelude::*;

use crate::ui::components::form::ErrorNotice;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::project::{project_client_view, projects_for_expert, projects_mine, ProjectApply};
use crate::domain::project::ExpertProjectView;
use crate::ui::components::dossier::DossierView;
use crate::ui::components::match_explanation::{MatchExplanation, ProjectFacts};
use crate::ui::components::session::RequireUser;
use crate::ui::text::current_lang;
use crate::ui::text::project::proposal_state_label;

#[component]
pub fn ClientProjectsPage() -> impl IntoView {
    let projects = Resource::new(|| (), |_| projects_mine());
    view! {
        <Title text=tr!(projects.my_projects_title)/>
        <RequireUser signed_in=move |_| view! { <ClientProjects projects/> }/>
    }
}

type Loaded<T> = Resource<Result<T, crate::error::AppError>>;

#[component]
fn ClientProjects(projects: Loaded<Vec<crate::domain::project::ProjectSummary>>) -> impl IntoView {
    view! {
        <section class="container">
            <h1>{tr!(projects.my_projects_title)}</h1>
            <p><a class="button" href="/mes-projets/nouveau" data-testid="new-project">{tr!(projects.new_project)}</a></p>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match projects.await {
                        Ok(list) if list.is_empty() => view! { <p>{tr!(projects.no_projects)}</p> }.into_any(),
                        Ok(list) => list.into_iter().map(|p| view! {
                            <article class="card">
                                <h2 translate="no"><a href=format!("/mes-projets/{}", p.id)>{p.title.clone()}</a></h2>
                                <ProjectFacts project=p/>
                            </article>
                        }).collect_view().into_any(),
                        Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
pub fn NewProjectPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| crate::api::project::project_wizard());
    view! {
        <Title text=tr!(projects.new_project)/>
        <RequireUser signed_in=move |_| view! {
            <section class="container narrow">
                <h1>{tr!(projects.new_project)}</h1>
                <p>{tr!(projects.new_project_lead)}</p>
                <wizard::WizardLoader data/>
            </section>
        }/>
    }
}

#[component]
pub fn ClientProjectPage() -> impl IntoView {
    let params = use_params_map();
    let view_data = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        project_client_view,
    );
    view! {
        <Title text=tr!(projects.my_project_title)/>
        <RequireUser signed_in=move |_| view! { <ClientProject view_data/> }/>
    }
}

#[component]
fn ClientProject(view_data: Loaded<crate::domain::project::ClientProjectView>) -> impl IntoView {
    view! {
        <section class="container">
            <Transition fallback=|| view! { <p>{tr!(projects.loading)}</p> }>
                {move || Suspend::new(async move {
                    match view_data.await {
                        Ok(v) => view! {
                            <h1 translate="no">{v.project.title.clone()}</h1>
                            <ProjectFacts project=v.project.clone()/>
                            <p translate="no">{v.project.description.clone()}</p>
                            <h2>{tr!(projects.proposed_experts)}</h2>
                            {if v.proposals.is_empty() {
                                view! { <p data-testid="no-proposal">{tr!(projects.no_proposal)}</p> }.into_any()
                            } else {
                                v.proposals.into_iter().map(|p| view! {
                                    <article class="card proposal" data-testid="proposal">
                                        <p class="tag">{proposal_state_label(current_lang(), p.state)}</p>
                                        {(!p.note.is_empty()).then(|| view! { <p class="notice">{crate::ui::text::with_data(tr!(projects.team_note, note = crate::ui::text::DATA), p.note)}</p> })}
                                        <DossierView dossier=p.dossier/>
                                        {p.score.map(|score| view! { <MatchExplanation score/> })}
                                    </article>
                                }).collect_view().into_any()
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
pub fn ExpertProjectsPage() -> impl IntoView {
    let apply = ServerAction::<ProjectApply>::new();
    let projects = Resource::new(move || apply.version().get(), |_| projects_for_expert());
    view! {
        <Title text=tr!(projects.expert_projects_title)/>
        <RequireUser signed_in=move |_| view! { <ExpertProjects apply projects/> }/>
    }
}

#[component]
fn ExpertProjects(
    apply: ServerAction<ProjectApply>,
    projects: Loaded<Option<Vec<ExpertProjectView>>>,
) -> impl IntoView {
    view! {
        <section class="container">
            <h1>{tr!(projects.expert_projects_heading)}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match projects.await {
                        Ok(None) => view! {
                            <p class="notice" data-testid="not-published">{tr!(projects.not_published)}</p>
                            <p><a class="button" href="/profil">{tr!(projects.complete_profile)}</a></p>
                        }.into_any(),
                        Ok(Some(list)) if list.is_empty() => view! { <p>{tr!(projects.no_open_projects)}</p> }.into_any(),
                        Ok(Some(list)) => list.into_iter().map(|p| view! { <ExpertProject p apply/> }).collect_view().into_any(),
                        Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ExpertProject(p: ExpertProjectView, apply: ServerAction<ProjectApply>) -> impl IntoView {
    let id = p.project.id.to_string();
    let company = p.project.company.clone();
    // The company's name is data; « confidentiel » is the page's word.
    let company_is_data = company.is_some();
    let company = company.unwrap_or_else(|| tr!(projects.confidential_company).into());
    let error = move || {
        apply
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.to_string())
    };
    view! {
        <article class="card" data-testid="open-project">
            <h2 translate="no">{p.project.title.clone()}</h2>
            <p><strong data-testid="project-company" translate=company_is_data.then_some("no")>{company}</strong></p>
            <ProjectFacts project=p.project.clone()/>
            <p translate="no">{p.project.description.clone()}</p>
            <details>
                <summary>{tr!(projects.why_match)}</summary>
                {match p.score {
                    Some(score) => view! { <MatchExplanation score/> }.into_any(),
                    None => view! { <p class="muted">{tr!(projects.not_in_matching)}</p> }.into_any(),
                }}
            </details>
            {if p.applied {
                view! { <p class="notice notice--ok" data-testid="applied">{tr!(projects.applied)}</p> }.into_any()
            } else {
                view! {
                    <ActionForm action=apply attr:class="decision">
                        <input type="hidden" name="id" value=id/>
                        <label>{tr!(projects.your_message)} <textarea name="message" rows="3" required=true></textarea></label>
                        <button class="button" type="submit" data-testid="apply">{tr!(projects.apply)}</button>
                        <p class="field__error" role="alert">{error}</p>
                    </ActionForm>
                }.into_any()
            }}
        </article>
    }
}
