//! A match score, criterion by criterion: what counted, how much, and why.

use leptos::prelude::*;

use crate::domain::matching::{MatchScore, TOTAL_MAX};

#[component]
pub fn MatchExplanation(score: MatchScore) -> impl IntoView {
    let percent = u32::from(score.total) * 100 / u32::from(TOTAL_MAX);
    view! {
        <div class="match" data-testid="match">
            <p class="match__total">
                <strong data-testid="match-total">{format!("Adéquation : {percent} %")}</strong>
                <span class="muted">{format!(" · données connues : {} % du poids", score.known_share)}</span>
            </p>
            <table class="table match__criteria">
                <thead><tr><th>"Critère"</th><th>"Poids"</th><th>"Note"</th><th>"Explication"</th></tr></thead>
                <tbody>
                    {score.criteria.into_iter().map(|c| view! {
                        <tr data-criterion=format!("{:?}", c.criterion).to_lowercase()>
                            <td>{c.criterion.label_fr()}</td>
                            <td>{if c.weight == 0 { "—".to_string() } else { format!("{} %", c.weight) }}</td>
                            <td>{match (c.weight, c.score) {
                                (0, _) => "non demandé".to_string(),
                                (_, None) => "inconnu".to_string(),
                                (_, Some(s)) => format!("{s}/100"),
                            }}</td>
                            <td>{c.detail.label_fr()}</td>
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
    let budget = project
        .budget
        .map(|b| format!("{} € HT", crate::ui::format::money_fr(b)))
        .unwrap_or_else(|| "Budget non précisé".into());
    let duration = project
        .duration_days
        .map(|d| format!(", {d} jour(s)"))
        .unwrap_or_default();
    view! {
        <p class="muted">
            {project.domain} " · " {project.place} " · "
            {format!("à partir du {}{duration}", project.start_date.format("%d/%m/%Y"))} " · " {budget}
        </p>
        <p class="muted">{format!("Échanges : {}", project.contact_formats.join(", "))}</p>
    }
}
