//! Projects: the client's list, wizard and proposed dossiers; the expert's matching
//! projects and applications.

mod wizard;

use leptos::prelude::*;

use crate::ui::components::form::ErrorNotice;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::projects::{project_client_view, projects_for_expert, projects_mine, ProjectApply};
use crate::domain::project::ExpertProjectView;
use crate::ui::components::dossier::DossierView;
use crate::ui::components::match_explanation::{MatchExplanation, ProjectFacts};
use crate::ui::components::session::RequireUser;

#[component]
pub fn ClientProjectsPage() -> impl IntoView {
    let projects = Resource::new(|| (), |_| projects_mine());
    view! {
        <Title text="Mes projets"/>
        <RequireUser signed_in=move |_| view! { <ClientProjects projects/> }/>
    }
}

type Loaded<T> = Resource<Result<T, crate::error::AppError>>;

#[component]
fn ClientProjects(projects: Loaded<Vec<crate::domain::project::ProjectSummary>>) -> impl IntoView {
    view! {
        <section class="container">
            <h1>"Mes projets"</h1>
            <p><a class="button" href="/mes-projets/nouveau" data-testid="new-project">"Déposer un projet"</a></p>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match projects.await {
                        Ok(list) if list.is_empty() => view! { <p>"Aucun projet pour l'instant."</p> }.into_any(),
                        Ok(list) => list.into_iter().map(|p| view! {
                            <article class="card">
                                <h2><a href=format!("/mes-projets/{}", p.id)>{p.title.clone()}</a></h2>
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
    let data = Resource::new(|| (), |_| crate::api::projects::project_wizard());
    view! {
        <Title text="Déposer un projet"/>
        <RequireUser signed_in=move |_| view! {
            <section class="container narrow">
                <h1>"Déposer un projet"</h1>
                <p>"Votre brouillon est enregistré au fil de la saisie : vous pouvez reprendre plus tard, sur n'importe quel appareil."</p>
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
        <Title text="Mon projet"/>
        <RequireUser signed_in=move |_| view! { <ClientProject view_data/> }/>
    }
}

#[component]
fn ClientProject(view_data: Loaded<crate::domain::project::ClientProjectView>) -> impl IntoView {
    view! {
        <section class="container">
            <Transition fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match view_data.await {
                        Ok(v) => view! {
                            <h1>{v.project.title.clone()}</h1>
                            <ProjectFacts project=v.project.clone()/>
                            <p>{v.project.description.clone()}</p>
                            <h2>"Experts proposés"</h2>
                            {if v.proposals.is_empty() {
                                view! { <p data-testid="no-proposal">"L'équipe B2BiZen étudie les profils : vous serez prévenu dès qu'une sélection vous est proposée."</p> }.into_any()
                            } else {
                                v.proposals.into_iter().map(|p| view! {
                                    <article class="card proposal" data-testid="proposal">
                                        <p class="tag">{p.state.label_fr()}</p>
                                        {(!p.note.is_empty()).then(|| view! { <p class="notice">{format!("Note de l'équipe : {}", p.note)}</p> })}
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
        <Title text="Projets pour vous"/>
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
            <h1>"Projets dans vos domaines"</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match projects.await {
                        Ok(None) => view! {
                            <p class="notice" data-testid="not-published">"Les projets de vos domaines s'afficheront ici dès que votre profil sera publié."</p>
                            <p><a class="button" href="/profil">"Compléter mon profil"</a></p>
                        }.into_any(),
                        Ok(Some(list)) if list.is_empty() => view! { <p>"Aucun projet ouvert dans vos domaines pour l'instant."</p> }.into_any(),
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
    let company = p
        .project
        .company
        .clone()
        .unwrap_or_else(|| "Entreprise confidentielle".into());
    let error = move || {
        apply
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.to_string())
    };
    view! {
        <article class="card" data-testid="open-project">
            <h2>{p.project.title.clone()}</h2>
            <p><strong data-testid="project-company">{company}</strong></p>
            <ProjectFacts project=p.project.clone()/>
            <p>{p.project.description.clone()}</p>
            <details>
                <summary>"Pourquoi ce projet vous correspond"</summary>
                {match p.score {
                    Some(score) => view! { <MatchExplanation score/> }.into_any(),
                    None => view! { <p class="muted">"Votre profil n'est pas encore dans la mise en relation (attestation à jour requise)."</p> }.into_any(),
                }}
            </details>
            {if p.applied {
                view! { <p class="notice notice--ok" data-testid="applied">"Candidature envoyée."</p> }.into_any()
            } else {
                view! {
                    <ActionForm action=apply attr:class="decision">
                        <input type="hidden" name="id" value=id/>
                        <label>"Votre message" <textarea name="message" rows="3" required=true></textarea></label>
                        <button class="button" type="submit" data-testid="apply">"Postuler"</button>
                        <p class="field__error" role="alert">{error}</p>
                    </ActionForm>
                }.into_any()
            }}
        </article>
    }
}
