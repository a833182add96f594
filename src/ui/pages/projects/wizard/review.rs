//! The wizard's last step: everything typed, what still blocks, and the submission.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::Wizard;
use crate::api::projects::{project_save_draft, project_submit};
use crate::domain::project::Step;

#[component]
pub fn Review(id: Uuid) -> impl IntoView {
    let w = expect_context::<Wizard>();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let problems = move || {
        w.draft
            .with(|d| w.refs.with_value(|r| d.all_problems(r, w.today)))
    };
    let submit = move |_| {
        busy.set(true);
        let navigate = navigate.clone();
        let draft = w.draft.get_untracked();
        let step = w.step.get_untracked();
        leptos::task::spawn_local(async move {
            let result = match project_save_draft(id, step, draft).await {
                Ok(()) => project_submit(id.to_string()).await,
                Err(err) => Err(err),
            };
            busy.set(false);
            match result {
                Ok(project) => navigate(&format!("/mes-projets/{project}"), Default::default()),
                Err(err) => error.set(Some(err.to_string())),
            }
        });
    };
    let d = w.draft.get_untracked();
    let refs = w.refs.get_value();
    let skills = |list: &[String]| {
        list.iter()
            .map(|s| refs.skill_label(s).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    view! {
        <h2>{Step::Review.label_fr()}</h2>
        <dl class="dossier__fields" data-testid="wizard-review">
            <div class="dossier__row"><dt>"Titre"</dt><dd>{d.title.clone()}</dd></div>
            <div class="dossier__row"><dt>"Domaine"</dt><dd>{refs.domain_label(&d.domain).to_string()}</dd></div>
            <div class="dossier__row"><dt>"Compétences requises"</dt><dd>{skills(&d.required_skills)}</dd></div>
            <div class="dossier__row"><dt>"Compétences appréciées"</dt><dd>{skills(&d.optional_skills)}</dd></div>
            <div class="dossier__row"><dt>"Lieu"</dt><dd>{if d.remote { "À distance".to_string() } else { d.places.clone() }}</dd></div>
            <div class="dossier__row"><dt>"Début"</dt><dd>{d.start_date.clone()}</dd></div>
            <div class="dossier__row"><dt>"Durée"</dt><dd>{format!("{} jour(s)", d.duration_days)}</dd></div>
            <div class="dossier__row"><dt>"Budget"</dt><dd>{d.total_budget().map(|b| format!("{} € HT", crate::ui::format::money_fr(b))).unwrap_or_default()}</dd></div>
            <div class="dossier__row"><dt>"Confidentiel"</dt><dd>{if d.confidential { "oui" } else { "non" }}</dd></div>
        </dl>
        {move || {
            let p = problems();
            (!p.is_empty()).then(|| view! {
                <ul class="notice notice--error">{p.into_iter().map(|p| view! { <li>{p.message}</li> }).collect_view()}</ul>
            })
        }}
        <button type="button" class="button" data-testid="wizard-submit"
            disabled=move || busy.get() || !problems().is_empty() on:click=submit>"Publier le projet"</button>
        <p class="field__error" role="alert">{move || error.get()}</p>
    }
}
