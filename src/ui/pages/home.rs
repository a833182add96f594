use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::stats::get_platform_stats;
use crate::ui::components::stat_figures::StatFigures;
use crate::ui::text::t;

#[component]
pub fn HomePage() -> impl IntoView {
    let tx = t();
    view! {
        <Title text=tx.home_title/>
        <Meta name="description" content=tx.hero_lead/>
        <section class="hero">
            <div class="container">
                <h1>{tx.hero_title}</h1>
                <p class="hero__lead">{tx.hero_lead}</p>
                <p class="hero__actions">
                    <a class="button" href="#experts">{tx.hero_cta_expert}</a>
                    <a class="button button--secondary" href="#entreprises">{tx.hero_cta_company}</a>
                </p>
            </div>
        </section>
        <LiveStats/>
        <section class="container columns">
            <Audience id="experts" title=tx.experts_title points=&tx.experts_points/>
            <Audience id="entreprises" title=tx.companies_title points=&tx.companies_points/>
        </section>
        <section id="fonctionnement" class="container">
            <h2>{tx.how_title}</h2>
            <ol class="steps">
                {tx.how_steps.iter().map(|step| view! {
                    <li class="steps__item">
                        <h3>{step.title}</h3>
                        <p>{step.body}</p>
                    </li>
                }).collect_view()}
            </ol>
        </section>
        <section class="container fees">
            <h2>{tx.fees_title}</h2>
            <p>{tx.fees_body}</p>
        </section>
    }
}

#[component]
fn Audience(
    id: &'static str,
    title: &'static str,
    points: &'static [&'static str],
) -> impl IntoView {
    view! {
        <article id=id class="card">
            <h2>{title}</h2>
            <ul>{points.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul>
        </article>
    }
}

/// Figures read from PostgreSQL through a server function. Without JavaScript the
/// button reloads the page; once hydrated it refetches in place.
#[component]
fn LiveStats() -> impl IntoView {
    let tx = t();
    let refreshes = RwSignal::new(0u32);
    let stats = Resource::new(move || refreshes.get(), |_| get_platform_stats());
    view! {
        <section class="container live-stats" aria-live="polite">
            <h2>{tx.stats_title}</h2>
            <Transition fallback=move || view! { <p>{tx.stats_loading}</p> }>
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
                    {tx.stats_refresh}
                </button>
            </form>
            <Show when=move || { refreshes.get() > 0 }>
                <p class="note" data-testid="stats-refreshed">{move || (tx.stats_refreshed)(refreshes.get())}</p>
            </Show>
        </section>
    }
}
