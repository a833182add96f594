//! The wizard's last step: everything typed, what still blocks, and the submission.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::Wizard;
use crate::api::project::{project_save_draft, project_submit};
use crate::domain::id::ProjectDraftId;
use crate::domain::parse::parse_rate;
use crate::domain::profile::{LanguageLevel, ProfileLevel};
use crate::domain::project::{BudgetMode, Step};
use crate::ui::text::current_lang;
use crate::ui::text::directory::{language_level_label, language_name, level_label};
use crate::ui::text::project::{contact_formats, euros_excl_vat, step_label};

#[component]
pub fn Review(id: ProjectDraftId) -> impl IntoView {
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
            let result = match project_save_draft(id, step, draft, w.edits).await {
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
    let lang = current_lang();
    let separator = tr!(projects.list_separator);
    let skills = |list: &[String]| {
        list.iter()
            .map(|s| refs.skill_label(s).to_string())
            .collect::<Vec<_>>()
            .join(separator)
    };
    let or_none = |s: String| {
        if s.trim().is_empty() {
            tr!(projects.not_set).to_string()
        } else {
            s
        }
    };
    let level =
        ProfileLevel::parse(&d.level).map_or(tr!(projects.any_level), |l| level_label(lang, l));
    let languages = d
        .languages
        .iter()
        .map(|l| {
            let level =
                LanguageLevel::parse(&l.level).map_or("", |l| language_level_label(lang, l));
            format!("{} ({level})", language_name(lang, &l.code))
        })
        .collect::<Vec<_>>()
        .join(separator);
    let money = |amount: Option<crate::domain::money::Euros>| {
        amount.map(|b| euros_excl_vat(lang, b)).unwrap_or_default()
    };
    let budget = if d.budget_mode == BudgetMode::Daily {
        let rate = money(parse_rate(&d.daily_rate).ok());
        let total = money(d.total_budget());
        tr!(
            projects.budget_daily,
            rate = rate,
            days = d.days.trim(),
            total = total
        )
        .to_string()
    } else {
        money(d.total_budget())
    };
    let rows = [
        (tr!(projects.row_title), d.title.clone()),
        (tr!(projects.row_description), d.description.clone()),
        (
            tr!(projects.row_domain),
            refs.domain_label(&d.domain).to_string(),
        ),
        (
            tr!(projects.row_required_skills),
            skills(&d.required_skills),
        ),
        (
            tr!(projects.row_optional_skills),
            skills(&d.optional_skills),
        ),
        (tr!(projects.row_level), level.to_string()),
        (tr!(projects.row_languages), languages),
        (
            tr!(projects.row_place),
            // Remote work may come with départements for the meetings: both are said.
            match (d.remote, d.places.trim()) {
                (true, "") => tr!(projects.remote_place).to_string(),
                (true, places) => tr!(projects.remote_and_places, places = places).to_string(),
                (false, places) => places.to_string(),
            },
        ),
        (
            tr!(projects.row_start),
            crate::ui::format::typed_date(&d.start_date),
        ),
        (
            tr!(projects.row_duration),
            tr!(projects.days_count, days = d.duration_days.trim()).to_string(),
        ),
        (tr!(projects.row_budget), budget),
        (
            tr!(projects.row_formats),
            contact_formats(lang, &d.contact_formats),
        ),
        (
            tr!(projects.row_confidential),
            if d.confidential {
                tr!(projects.confidential_yes)
            } else {
                tr!(projects.confidential_no)
            }
            .to_string(),
        ),
    ];
    view! {
        <h2>{step_label(lang, Step::Review)}</h2>
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
            disabled=move || busy.get() || !problems().is_empty() on:click=submit>
            {if w.edits.is_some() { tr!(projects.save_edit) } else { tr!(projects.publish) }}
        </button>
        <p class="field__error" role="alert">{move || error.get()}</p>
    }
}
