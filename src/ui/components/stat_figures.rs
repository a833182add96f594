use leptos::prelude::*;

use crate::domain::stats::PlatformStats;
use crate::ui::format::integer;

/// The three live figures of the platform.
#[component]
pub fn StatFigures(stats: PlatformStats) -> impl IntoView {
    let figures = [
        (
            "published-experts",
            stats.published_experts,
            tr!(site.stats_published_experts),
        ),
        (
            "open-projects",
            stats.open_projects,
            tr!(site.stats_open_projects),
        ),
        (
            "departements",
            stats.departements_covered,
            tr!(site.stats_departements),
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
                            <dd data-testid=format!("stat-{id}")>{integer(value)}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}
