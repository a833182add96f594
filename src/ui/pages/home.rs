use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::stats::get_platform_stats;
use crate::ui::components::icon::Icon;
use crate::ui::components::stat_figures::StatFigures;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text=tr!(site.home_title)/>
        <Meta name="description" content=tr!(site.hero_lead)/>
        <section class="hero">
            <div class="container hero__grid">
                <div>
                    <h1>{tr!(site.hero_title)}</h1>
                    <p class="hero__lead">{tr!(site.hero_lead)}</p>
                    <p class="hero__actions">
                        <a class="button button--accent" href="/inscription" data-testid="cta-expert">{tr!(site.hero_cta_expert)}</a>
                        <a class="button button--secondary" href="/inscription?profil=entreprise" data-testid="cta-company">{tr!(site.hero_cta_company)}</a>
                    </p>
                </div>
                <ul class="hero__panel" role="list">
                    <HeroPoint icon=Icon::ShieldCheck title=tr!(site.hero_point_verified_title) body=tr!(site.hero_point_verified_body)/>
                    <HeroPoint icon=Icon::Users title=tr!(site.hero_point_matched_title) body=tr!(site.hero_point_matched_body)/>
                    <HeroPoint icon=Icon::Euro title=tr!(site.hero_point_fees_title) body=tr!(site.hero_point_fees_body)/>
                </ul>
            </div>
        </section>
        <LiveStats/>
        <section class="container columns">
            <Audience id="experts" icon=Icon::Briefcase title=tr!(site.experts_title) points=[tr!(site.experts_points_1), tr!(site.experts_points_2), tr!(site.experts_points_3)]
                cta=(tr!(site.experts_cta), "/inscription")/>
            <Audience id="entreprises" icon=Icon::Building title=tr!(site.companies_title) points=[tr!(site.companies_points_1), tr!(site.companies_points_2), tr!(site.companies_points_3)]
                cta=(tr!(site.companies_cta), "/inscription?profil=entreprise")/>
        </section>
        <section id="fonctionnement" class="container">
            <h2>{tr!(site.how_title)}</h2>
            <ol class="how-steps">
                {[
                    (tr!(site.how_steps_1_title), tr!(site.how_steps_1_body), false),
                    (tr!(site.how_steps_2_title), tr!(site.how_steps_2_body), false),
                    (tr!(site.how_steps_3_title), tr!(site.how_steps_3_body), true),
                    (tr!(site.how_steps_4_title), tr!(site.how_steps_4_body), true),
                ].into_iter().map(|(title, body, soon)| view! {
                    <li class="how-steps__item">
                        <h3>{title}</h3>
                        <p>{body}</p>
                        {soon.then(|| view! { <span class="status status--brand">{tr!(site.coming_soon)}</span> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
        <section class="container fees">
            <h2>{tr!(site.fees_title)}</h2>
            <p>{tr!(site.fees_body)}</p>
        </section>
    }
}

#[component]
fn HeroPoint(icon: Icon, title: &'static str, body: &'static str) -> impl IntoView {
    view! {
        <li class="hero__point">
            <Icon icon/>
            <span><strong>{title}</strong>{body}</span>
        </li>
    }
}

#[component]
fn Audience(
    id: &'static str,
    icon: Icon,
    title: &'static str,
    points: [&'static str; 3],
    cta: (&'static str, &'static str),
) -> impl IntoView {
    view! {
        <article id=id class="card audience">
            <h2 class="audience__title"><Icon icon/>{title}</h2>
            <ul>{points.map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            <a class="button" href=cta.1>{cta.0}<Icon icon=Icon::ArrowRight/></a>
        </article>
    }
}

/// Figures read from PostgreSQL through a server function. Without JavaScript the
/// button reloads the page; once hydrated it refetches in place.
#[component]
fn LiveStats() -> impl IntoView {
    let refreshes = RwSignal::new(0u32);
    let stats = Resource::new(move || refreshes.get(), |_| get_platform_stats());
    view! {
        <section class="container live-stats" aria-live="polite">
            <h2>{tr!(site.stats_title)}</h2>
            <Transition fallback=move || view! { <p>{tr!(site.stats_loading)}</p> }>
                {move || Suspend::new(async move {
                    match stats.await {
                        Ok(figures) => view! { <StatFigures stats=figures/> }.into_any(),
                        Err(err) => view! { <p class="error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
            <form
                method="get"
                action="/"
                on:submit=move |ev| {
                    ev.prevent_default();
                    refreshes.update(|n| *n += 1);
                }
            >
                <button type="submit" class="button button--ghost" data-testid="refresh-stats">
                    {tr!(site.stats_refresh)}
                </button>
            </form>
            <Show when=move || { refreshes.get() > 0 }>
                <p class="note" data-testid="stats-refreshed">{move || match refreshes.get() {
                    1 => tr!(site.stats_refreshed_once).to_string(),
                    count => tr!(site.stats_refreshed_times, count = count).to_string(),
                }}</p>
            </Show>
        </section>
    }
}
