//! Projects: the client's list, wizard and proposed dossiers; the expert's matching
//! projects and applications.

mod chat;
pub use chat::PathChat;
mod client;
mod compare;
mod contract;
pub use contract::{ContractActions, PathContract};
mod decision;
mod ending;
mod paths;
mod quote;
mod quote_form;
pub use quote::{PathQuote, QuoteActions};
mod steps;
pub use steps::{PathSteps, StepActions};
mod wizard;

pub use client::{ClientProjectPage, ClientProjectsPage, NewProjectPage};
pub use paths::{ExpertPathsPage, Timeline};

use leptos::prelude::*;

use crate::ui::components::form::ErrorNotice;
use leptos_meta::Title;

use crate::api::project::{projects_for_expert, ProjectApply};
use crate::domain::project::ExpertProjectView;
use crate::ui::components::match_explanation::{MatchExplanation, ProjectFacts};

type Loaded<T> = Resource<Result<T, crate::error::AppError>>;
use crate::ui::components::session::RequireUser;
use crate::ui::text::current_lang;
use crate::ui::text::project::proposal_state_label;

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
            {if let Some(state) = p.proposal {
                view! {
                    <p class="notice notice--ok" data-testid="proposal-state">
                        {tr!(projects.you_are_proposed, state = proposal_state_label(current_lang(), state)).to_string()}
                    </p>
                }.into_any()
            } else if p.applied {
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
