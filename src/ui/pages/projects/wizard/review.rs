//! The wizard's last step: everything typed, what still blocks, and the submission.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::Wizard;
use crate::api::projects::{project_save_draft, project_submit};
use crate::domain::parse::parse_rate;
use crate::domain::profile::{language_name, LanguageLevel, ProfileLevel};
use crate::domain::project::{Step, CONTACT_FORMATS};
use crate::ui::format::money_fr;

const NOT_SET: &str = "non renseigné";
const ANY_LEVEL: &str = "tous niveaux";

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
    let or_none = |s: String| {
        if s.trim().is_empty() {
            NOT_SET.to_string()
        } else {
            s
        }
    };
    let level = ProfileLevel::parse(&d.level).map_or(ANY_LEVEL, |l| l.label_fr());
    let languages = d
        .languages
        .iter()
        .map(|l| {
            let level = LanguageLevel::parse(&l.level).map_or("", |l| l.label_fr());
            format!("{} ({level})", language_name(&l.code))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let money = |amount: Option<rust_decimal::Decimal>| {
        amount
            .map(|b| format!("{} € HT", money_fr(b)))
            .unwrap_or_default()
    };
    let budget = if d.budget_mode == "daily" {
        let rate = money(parse_rate(&d.daily_rate).ok());
        format!(
            "{rate} × {} jour(s) = {}",
            d.days.trim(),
            money(d.total_budget())
        )
    } else {
        money(d.total_budget())
    };
    let formats = d
        .contact_formats
        .iter()
        .filter_map(|f| {
            CONTACT_FORMATS
                .iter()
                .find(|(c, _)| c == f)
                .map(|(_, l)| *l)
        })
        .collect::<Vec<_>>()
        .join(", ");
    let rows = [
        ("Titre", d.title.clone()),
        ("Description", d.description.clone()),
        ("Domaine", refs.domain_label(&d.domain).to_string()),
        ("Compétences requises", skills(&d.required_skills)),
        ("Compétences appréciées", skills(&d.optional_skills)),
        ("Niveau attendu", level.to_string()),
        ("Langues", languages),
        (
            "Lieu",
            if d.remote {
                "À distance".to_string()
            } else {
                d.places.clone()
            },
        ),
        ("Début", d.start_date.clone()),
        ("Durée", format!("{} jour(s)", d.duration_days.trim())),
        ("Budget", budget),
        ("Formats d'échange", formats),
        (
            "Confidentiel",
            if d.confidential {
                "oui : le nom de l'entreprise est caché aux experts jusqu'à leur proposition"
            } else {
                "non"
            }
            .to_string(),
        ),
    ];
    view! {
        <h2>{Step::Review.label_fr()}</h2>
        <dl class="dossier__fields" data-testid="wizard-review">
            {rows.into_iter().map(|(label, value)| view! {
                <div class="dossier__row"><dt>{label}</dt><dd>{or_none(value)}</dd></div>
            }).collect_view()}
        </dl>
        {move || {
            let p = problems();
            (!p.is_empty()).then(|| view! {
                <ul class="notice notice--error">{p.into_iter().map(|p| view! { <li>{p.problem.text(crate::ui::text::current_lang())}</li> }).collect_view()}</ul>
            })
        }}
        <button type="button" class="button" data-testid="wizard-submit"
            disabled=move || busy.get() || !problems().is_empty() on:click=submit>"Publier le projet"</button>
        <p class="field__error" role="alert">{move || error.get()}</p>
    }
}
