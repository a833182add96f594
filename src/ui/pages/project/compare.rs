//! The client's shortlist side by side: for each expert still in the running, the match
//! criterion by criterion (score and why), the daily rate, the availability and the
//! experience, so that the choice is made on the same facts for everyone.

use leptos::prelude::*;

use crate::domain::matching::{Criterion, CriterionScore, TOTAL_MAX, WEIGHTS};
use crate::domain::project::ProposedDossier;
use crate::domain::selection::ProposalState;
use crate::ui::text::current_lang;
use crate::ui::text::matching::{criterion_label, explanation};

/// The paths compared: shortlisted, in selection or chosen.
pub fn compared(state: ProposalState) -> bool {
    matches!(
        state,
        ProposalState::Shortlisted | ProposalState::InSelection | ProposalState::Selected
    )
}

/// Shown from two experts on: one has nobody to be compared with.
#[component]
pub fn ShortlistComparison(proposals: Vec<ProposedDossier>) -> impl IntoView {
    let lang = current_lang();
    let experts: Vec<ProposedDossier> = proposals
        .into_iter()
        .filter(|p| compared(p.state))
        .collect();
    (experts.len() >= 2).then(|| {
        let names = experts
            .iter()
            .map(|p| view! { <th scope="col" translate="no">{format!("{} {}", p.dossier.card.first_name, p.dossier.last_name)}</th> })
            .collect_view();
        let total = experts
            .iter()
            .map(|p| {
                let percent = p.score.as_ref().map(|s| u32::from(s.total) * 100 / u32::from(TOTAL_MAX));
                view! { <td data-testid="compare-total">{match percent {
                    Some(percent) => tr!(matching.total, percent = percent).to_string(),
                    None => tr!(matching.unknown).to_string(),
                }}</td> }
            })
            .collect_view();
        let criteria = WEIGHTS
            .iter()
            .map(|(criterion, _)| *criterion)
            .filter(|criterion| experts.iter().any(|p| score_of(p, *criterion).is_some_and(|c| c.weight > 0)))
            .map(|criterion| {
                let cells = experts
                    .iter()
                    .map(|p| match score_of(p, criterion) {
                        Some(c) => view! {
                            <td>
                                <strong>{match c.score {
                                    Some(s) => tr!(matching.score, score = s).to_string(),
                                    None => tr!(matching.unknown).to_string(),
                                }}</strong>
                                <br/><span class="muted">{explanation(lang, &c.detail)}</span>
                            </td>
                        }
                        .into_any(),
                        None => view! { <td>"—"</td> }.into_any(),
                    })
                    .collect_view();
                view! {
                    <tr data-criterion=format!("{criterion:?}").to_lowercase()>
                        <th scope="row">{criterion_label(lang, criterion)}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        let fact = |p: &ProposedDossier, which: Fact| -> String {
            let d = &p.dossier;
            match which {
                Fact::Rate => d.daily_rate.map(|r| {
                    tr!(profile.dossier.rate, amount = crate::ui::format::money_fr(r)).to_string()
                }),
                Fact::Available => d.available_from.map(crate::ui::format::date),
                Fact::Years => Some(tr!(profile.dossier.years, years = d.years_experience).to_string()),
            }
            .unwrap_or_else(|| tr!(profile.dossier.not_given).to_string())
        };
        let facts = [
            (Fact::Rate, tr!(selection.compare_rate)),
            (Fact::Available, tr!(selection.compare_available)),
            (Fact::Years, tr!(selection.compare_years)),
        ]
        .into_iter()
        .map(|(which, label)| {
            let cells = experts.iter().map(|p| view! { <td>{fact(p, which)}</td> }).collect_view();
            view! { <tr data-fact=which.slug()><th scope="row">{label}</th>{cells}</tr> }
        })
        .collect_view();
        view! {
            <details class="compare" data-testid="compare" open=true>
                <summary>{tr!(selection.compare_title)}</summary>
                <div class="compare__scroll">
                    <table class="table compare__table">
                        <thead><tr><td></td>{names}</tr></thead>
                        <tbody>
                            <tr data-criterion="total"><th scope="row">{tr!(selection.compare_total)}</th>{total}</tr>
                            {criteria}
                            {facts}
                        </tbody>
                    </table>
                </div>
            </details>
        }
    })
}

#[derive(Clone, Copy)]
enum Fact {
    Rate,
    Available,
    Years,
}

impl Fact {
    fn slug(self) -> &'static str {
        match self {
            Fact::Rate => "rate",
            Fact::Available => "available",
            Fact::Years => "years",
        }
    }
}

fn score_of(p: &ProposedDossier, criterion: Criterion) -> Option<&CriterionScore> {
    p.score
        .as_ref()?
        .criteria
        .iter()
        .find(|c| c.criterion == criterion)
}
