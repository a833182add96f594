use leptos::prelude::*;

use crate::domain::stats::PlatformStats;
use crate::ui::format::integer;

/// The live figures of the platform, those above zero.
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
    if figures.iter().all(|(_, value, _)| *value == 0) {
        return view! { <p class="muted">{tr!(site.stats_none_yet)}</p> }.into_any();
    }
    view! {
        <dl class="stats">
            // A figure at zero says nothing good or useful to a visitor ("0 open projects"):
            // it appears once there is something to count.
            {figures
                .into_iter()
                .filter(|(_, value, _)| *value > 0)
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
    .into_any()
}
