//! A match score, criterion by criterion: what counted, how much, and why.

use leptos::prelude::*;

use crate::domain::matching::{MatchScore, TOTAL_MAX};
use crate::ui::text::current_lang;
use crate::ui::text::matching::{criterion_label, explanation};
use crate::ui::text::project::{contact_formats, euros_excl_vat};

#[component]
pub fn MatchExplanation(score: MatchScore) -> impl IntoView {
    let lang = current_lang();
    let percent = u32::from(score.total) * 100 / u32::from(TOTAL_MAX);
    view! {
        <div class="match" data-testid="match">
            <p class="match__total">
                <strong data-testid="match-total">{tr!(matching.total, percent = percent).to_string()}</strong>
                <span class="muted">{tr!(matching.known_share, share = score.known_share).to_string()}</span>
            </p>
            <table class="table match__criteria">
                <thead><tr>
                    <th>{tr!(matching.col_criterion)}</th>
                    <th>{tr!(matching.col_weight)}</th>
                    <th>{tr!(matching.col_score)}</th>
                    <th>{tr!(matching.col_explanation)}</th>
                </tr></thead>
                <tbody>
                    {score.criteria.into_iter().map(|c| view! {
                        <tr data-criterion=format!("{:?}", c.criterion).to_lowercase()>
                            <td>{criterion_label(lang, c.criterion)}</td>
                            <td>{if c.weight == 0 { "—".to_string() } else { tr!(matching.weight, weight = c.weight).to_string() }}</td>
                            <td>{match (c.weight, c.score) {
                                (0, _) => tr!(matching.not_requested).to_string(),
                                (_, None) => tr!(matching.unknown).to_string(),
                                (_, Some(s)) => tr!(matching.score, score = s).to_string(),
                            }}</td>
                            <td>{explanation(lang, &c.detail)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// One line of a project: domain, place, dates, budget, formats.
#[component]
pub fn ProjectFacts(project: crate::domain::project::ProjectSummary) -> impl IntoView {
    let lang = current_lang();
    let budget = project
        .budget
        .map(|b| euros_excl_vat(lang, b))
        .unwrap_or_else(|| tr!(projects.budget_unset).into());
    let place = if project.remote {
        tr!(projects.remote_place).to_string()
    } else {
        project.places.clone()
    };
    let date = crate::ui::format::date_in(lang, project.start_date);
    let dates = match project.duration_days {
        Some(days) => tr!(projects.facts_from_for, date = date, days = days).to_string(),
        None => tr!(projects.facts_from, date = date).to_string(),
    };
    let formats = contact_formats(lang, &project.contact_formats);
    view! {
        <p class="muted">
            {project.domain} " · " {place} " · " {dates} " · " {budget}
        </p>
        <p class="muted">{tr!(projects.facts_formats, formats = formats).to_string()}</p>
    }
}
