use leptos::prelude::*;

use crate::domain::stats::PlatformStats;
use crate::ui::format::integer_fr;
use crate::ui::text::t;

/// The three live figures of the platform.
#[component]
pub fn StatFigures(stats: PlatformStats) -> impl IntoView {
    let tx = t();
    let figures = [
        (
            "published-experts",
            stats.published_experts,
            tx.stats_published_experts,
        ),
        ("open-projects", stats.open_projects, tx.stats_open_projects),
        (
            "departements",
            stats.departements_covered,
            tx.stats_departements,
        ),
    ];
    view! {
        <dl class="stats">
            {figures
                .into_iter()
                .map(|(id, value, label)| {
                    view! {
                        <div class="stats__item">
                            <dt>{label}</dt>
                            <dd data-testid=format!("stat-{id}")>{integer_fr(value)}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}
